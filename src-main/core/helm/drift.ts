import { stringify } from 'yaml';
import type { KubeHttp } from '../cluster/kubeHttp';
import { kindResolver } from '../actions/kindResolver';
import { compareObject, errorText } from '../apps/compareObject';
import { maskSecret } from '../objectSanitizer';
import type { HelmDriftObject } from '../../../shared/contract/helm';
import type { ManifestObject } from '../../../shared/helm/manifest';
import { normalizeForDiff } from '../../../shared/apps/normalizeForDiff';

// Drift of a release: its stored manifest against the live objects, with `kubectl diff` semantics: each
// manifest object is applied server-side as a dry run (as helm's field manager, taking its fields
// back), so defaults, admission and other managers' fields are the server's, not guessed; server
// noise is stripped from both sides, and what differs is drift. A release is an application whose
// desired state is its manifest: the comparison is the Applications engine's (core/apps/compareObject).

/** Helm v4 applies server-side as this field manager. */
const HELM_FIELD_MANAGER = 'helm';

const toYaml = (o: unknown) => (o === undefined ? '' : stringify(o, { lineWidth: 0 }));

/**
 * What helm adds to every object it applies (pkg/action/validate.go setMetadataVisitor): without them a
 * dry run as helm's field manager would remove them, and every object would look drifted.
 */
function asHelmApplies(o: Record<string, unknown>, release: { name: string; namespace: string }, ns: string | undefined): Record<string, unknown> {
  const meta = (o.metadata ?? {}) as Record<string, any>;
  return {
    ...o,
    metadata: {
      ...meta,
      ...(ns ? { namespace: ns } : {}),
      labels: { ...(meta.labels ?? {}), 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { ...(meta.annotations ?? {}), 'meta.helm.sh/release-name': release.name, 'meta.helm.sh/release-namespace': release.namespace },
    },
  };
}

export async function computeDrift(http: KubeHttp, objects: ManifestObject[], release: { name: string; namespace: string }): Promise<HelmDriftObject[]> {
  const resolve = kindResolver(http);
  return Promise.all(objects.map(async (o): Promise<HelmDriftObject> => {
    const base = { key: o.key, kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) };
    if (!o.object) return { ...base, status: 'Error', desired: o.text, live: '', message: `The manifest document does not parse: ${o.parseError}` };
    let target;
    try {
      target = await resolve(o.apiVersion, o.kind);
    } catch (err) {
      return { ...base, status: 'Error', desired: o.text, live: '', message: errorText(err) };
    }
    const namespace = target.namespaced ? o.namespace : undefined;
    const c = await compareObject(http, { ...target, name: o.name, namespace, object: asHelmApplies(o.object, release, namespace) }, undefined, { fieldManager: HELM_FIELD_MANAGER });
    if (c.state === 'Error') return { ...base, status: 'Error', desired: o.text, live: '', message: c.reason };
    const desired = c.wouldBe ? toYaml(show(normalizeForDiff(c.wouldBe))) : '';
    if (c.state === 'Missing') return { ...base, status: 'Missing', desired, live: '', message: 'The object is in the manifest but not in the cluster.' };
    const live = c.live ? toYaml(show(normalizeForDiff(c.live))) : '';
    const status = c.state === 'Synced' ? 'Synced' : 'OutOfSync';
    return { ...base, status, desired, live, ...(c.conflicts.length ? { message: c.reason } : {}) };
  }));
}

/** Secret data never reaches the renderer in clear, drift or not. */
function show(o: Record<string, unknown>): Record<string, unknown> {
  return o.kind === 'Secret' ? maskSecret(o as Record<string, any>) : o;
}
