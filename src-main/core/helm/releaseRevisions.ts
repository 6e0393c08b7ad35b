import { stringify } from 'yaml';
import { ContractError } from '../../../shared/contract/contractError';
import type { HelmRevisionDiff } from '../../../shared/contract/helm';
import { maskSecretValues } from '../../../shared/helm/values';
import { diffManifests, maskSecretDocument, splitManifest } from '../../../shared/helm/manifest';
import type { HelmRelease } from '../../../shared/helm/release';
import { fullRelease, type StoredRevision } from './releaseStorage';
import { revisionsOf } from './releaseView';

// Picking and decoding one stored revision, and the diff of two (the rollback preview).

export const valuesYaml = (v: unknown) => (v && typeof v === 'object' && Object.keys(v).length > 0 ? stringify(v, { lineWidth: 0 }) : '{}\n');

/** A revision of a release (the latest when not given), or not-found naming what is stored. */
export function pickRevision(all: StoredRevision[], namespace: string, name: string, revision?: number): StoredRevision {
  const revs = revisionsOf(all, namespace, name);
  if (revs.length === 0) throw new ContractError('not-found', `release: not found (no Helm release "${name}" is stored in namespace ${namespace})`);
  const rev = revision === undefined ? revs[revs.length - 1] : revs.find((r) => r.version === revision);
  if (!rev) throw new ContractError('not-found', `release "${name}" has no revision ${revision} (stored: ${revs.map((r) => r.version).join(', ')})`);
  return rev;
}

export function decoded(rev: StoredRevision): HelmRelease {
  try {
    return fullRelease(rev);
  } catch (err) {
    throw new ContractError('refused', (err as Error).message);
  }
}

/** User-supplied values of a revision (what `helm get values` prints), masked unless revealed. */
function userValues(r: HelmRelease, reveal: boolean): { values: unknown; masked: string[] } {
  const v = r.config ?? {};
  if (reveal) return { values: v, masked: [] };
  const m = maskSecretValues(v);
  return { values: m.values, masked: m.paths };
}

export function revisionDiff(from: HelmRelease, to: HelmRelease, reveal: boolean): HelmRevisionDiff {
  return {
    from: from.version, to: to.version,
    valuesFrom: valuesYaml(userValues(from, reveal).values),
    valuesTo: valuesYaml(userValues(to, reveal).values),
    objects: diffManifests(
      splitManifest(from.manifest ?? '', from.namespace).map((o) => (reveal ? o : maskSecretDocument(o))),
      splitManifest(to.manifest ?? '', to.namespace).map((o) => (reveal ? o : maskSecretDocument(o))),
    ).map((d) => {
      // Masked Secrets print the same either way: say they changed when the real texts differ.
      if (reveal || d.kind !== 'Secret' || d.change !== 'unchanged') return d;
      const real = (m: string | undefined, ns: string) => splitManifest(m ?? '', ns).find((o) => o.key === d.key)?.text;
      return real(from.manifest, from.namespace) === real(to.manifest, to.namespace) ? d : { ...d, change: 'changed' as const };
    }),
  };
}

