import type { Core } from '../core';
import type { Handlers } from '../handlers';
import type { HelmReleaseEvent, HelmReleasesEvent, HelmValues } from '../../../shared/contract/helm';
import { coalesceValues, maskSecretValues } from '../../../shared/helm/values';
import { maskManifestSecrets, splitManifest } from '../../../shared/helm/manifest';
import { ReleaseStorages } from './releaseStorages';
import { releaseDetail, releaseRows, revisionsOf } from './releaseView';
import { decoded, pickRevision, revisionDiff, valuesYaml } from './releaseRevisions';
import { computeDrift } from './drift';
import { helmStatus, type HelmCliOptions } from './helmCli';
import { helmActions } from './helmActions';

/** The Helm domain: releases read natively from their storage; actions through the real helm binary. */
export function helmHandlers(core: Core, opts: HelmCliOptions = {}): Handlers {
  const storages = new ReleaseStorages(core);
  const revisionOf = async (p: { context: string; namespace: string; name: string }, revision?: number) =>
    decoded(pickRevision(await storages.revisions(p.context, p.namespace), p.namespace, p.name, revision));

  return {
    methods: {
      'helm.values': async (p): Promise<HelmValues> => {
        const r = await revisionOf(p, p.revision);
        const raw = p.all ? coalesceValues(r.chart?.values ?? {}, r.config ?? {}) : (r.config ?? {});
        const shown = p.reveal ? { values: raw, paths: [] as string[] } : maskSecretValues(raw);
        return { revision: r.version, values: shown.values, yaml: valuesYaml(shown.values), masked: shown.paths };
      },
      'helm.manifest': async (p) => {
        const r = await revisionOf(p, p.revision);
        return { revision: r.version, manifest: p.reveal ? (r.manifest ?? '') : maskManifestSecrets(r.manifest ?? '', r.namespace) };
      },
      'helm.diff': async (p) => {
        const all = await storages.revisions(p.context, p.namespace);
        const from = decoded(pickRevision(all, p.namespace, p.name, p.from));
        const to = decoded(pickRevision(all, p.namespace, p.name, p.to));
        return revisionDiff(from, to, p.reveal);
      },
      'helm.drift': async (p) => {
        const r = await revisionOf(p);
        return { revision: r.version, objects: await computeDrift(core.connection(p.context).http, splitManifest(r.manifest ?? '', r.namespace), r) };
      },
      'helm.tool': async () => helmStatus(opts),
      ...helmActions(core, storages, opts),
    },
    topics: {
      'helm.releases': (p, sink) => {
        const { storage, release } = storages.acquire(p.context, p.namespace);
        let last = '';
        const off = storage.subscribe({
          onRevisions: (revs) => {
            const ev: HelmReleasesEvent = { type: 'snapshot', rows: releaseRows(revs), freshness: storage.freshness() };
            const s = JSON.stringify(ev.rows);
            if (s === last) return;
            last = s;
            sink.emit(ev);
          },
          onFreshness: (freshness) => sink.emit({ type: 'freshness', freshness }),
        });
        return () => { off(); release(); };
      },
      'helm.release': (p, sink) => {
        const { storage, release } = storages.acquire(p.context, p.namespace);
        let last = '';
        const off = storage.subscribe({
          onRevisions: (revs) => {
            const detail = releaseDetail(revisionsOf(revs, p.namespace, p.name));
            const ev: HelmReleaseEvent = detail ? { type: 'release', release: detail } : { type: 'gone' };
            const s = JSON.stringify(ev);
            if (s === last) return;
            last = s;
            sink.emit(ev);
          },
          onFreshness: () => {},
        });
        return () => { off(); release(); };
      },
    },
  };
}
