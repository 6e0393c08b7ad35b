import type { RawObject } from '../watch/listWatch';
import type { SharedInformer } from '../watch/informer';
import type { InformerView, WatchHub } from '../watch/watchHub';
import type { Freshness } from '../../../shared/contract/resources';
import { appVersionOf, chartLabel, type HelmRelease } from '../../../shared/helm/release';
import { decodeRelease } from './releaseCodec';

// Helm's release storage read through shared informers: Secrets of type helm.sh/release.v1 labelled
// owner=helm (the default driver) and ConfigMaps labelled owner=helm (the configmap driver). Each stored
// revision is decoded once when it arrives; the store keeps a slim summary and the still-encoded record,
// which is decoded again only when someone opens that revision.

export type Driver = 'secret' | 'configmap';

/** One stored revision of one release. */
export interface StoredRevision {
  uid: string;
  resourceVersion?: string;
  driver: Driver;
  /** `sh.helm.release.v1.hello.v2` */
  storageName: string;
  namespace: string;
  name: string;
  version: number;
  /** From the decoded record; from the `status` label when it could not be decoded. */
  status: string;
  chart: string;
  appVersion: string;
  lastDeployed?: string;
  firstDeployed?: string;
  description: string;
  rollbackRevision?: number;
  /** The encoded `data.release` (compressed: far smaller than the decoded release). */
  encoded?: string;
  /** Why this revision could not be read. */
  error?: string;
}

/** The hub's projections of Helm's stored records: one summary per revision, the record kept encoded. */
const SECRET_REVISIONS: InformerView<StoredRevision> = { name: 'helm-revision-secret', transform: (raw) => storedRevision(raw, 'secret') };
const CONFIGMAP_REVISIONS: InformerView<StoredRevision> = { name: 'helm-revision-configmap', transform: (raw) => storedRevision(raw, 'configmap') };

/** Name and revision from the labels, else from `sh.helm.release.v1.<name>.v<rev>`. */
function identity(raw: RawObject): { name: string; version: number } {
  const labels = (raw.metadata as any)?.labels ?? {};
  const m = /^sh\.helm\.release\.v1\.(.+)\.v(\d+)$/.exec(raw.metadata?.name ?? '');
  const version = Number(labels.version ?? m?.[2] ?? 0);
  return { name: String(labels.name ?? m?.[1] ?? raw.metadata?.name ?? ''), version: Number.isFinite(version) ? version : 0 };
}

export function storedRevision(raw: RawObject, driver: Driver): StoredRevision {
  const meta: any = raw.metadata ?? {};
  const base = {
    uid: String(meta.uid ?? ''), resourceVersion: meta.resourceVersion, driver, storageName: String(meta.name ?? ''),
    namespace: String(meta.namespace ?? ''), ...identity(raw),
  };
  const encoded = (raw as any).data?.release;
  try {
    const r = decodeRelease(encoded, driver);
    return summarize(base, r, encoded);
  } catch (err) {
    return {
      ...base, status: String(meta.labels?.status ?? 'unknown'), chart: '', appVersion: '', description: '',
      error: `Cannot read ${driver === 'secret' ? 'Secret' : 'ConfigMap'} ${base.namespace}/${base.storageName}: ${(err as Error).message}.`,
    };
  }
}

function summarize(base: Omit<StoredRevision, 'status' | 'chart' | 'appVersion' | 'description'>, r: HelmRelease, encoded: string): StoredRevision {
  const s: StoredRevision = {
    ...base,
    // The record is the truth (helm list reads it, not the labels).
    name: r.name, namespace: r.namespace || base.namespace, version: r.version,
    status: r.info?.status ?? 'unknown', chart: chartLabel(r), appVersion: appVersionOf(r), description: r.info?.description ?? '', encoded,
  };
  if (r.info?.last_deployed && !r.info.last_deployed.startsWith('0001-')) s.lastDeployed = r.info.last_deployed;
  if (r.info?.first_deployed && !r.info.first_deployed.startsWith('0001-')) s.firstDeployed = r.info.first_deployed;
  if (r.info?.rollback_revision) s.rollbackRevision = r.info.rollback_revision;
  return s;
}

/** Decodes a revision again in full (its manifest, values, chart, notes). */
export function fullRelease(rev: StoredRevision): HelmRelease {
  if (rev.error || !rev.encoded) throw new Error(rev.error ?? `revision ${rev.version} of ${rev.namespace}/${rev.name} has no stored data`);
  return decodeRelease(rev.encoded, rev.driver);
}

export interface ReleaseStorageListener {
  /** Every stored revision now (after the first sync and after each change, coalesced). */
  onRevisions(revisions: StoredRevision[]): void;
  onFreshness(f: Freshness): void;
}

/** Both drivers' informers for one context and namespace (or all), from the core's watch hub. */
export class ReleaseStorage {
  private readonly informers: SharedInformer<StoredRevision>[];
  private readonly listeners = new Set<ReleaseStorageListener>();
  private readonly detach: (() => void)[] = [];
  private pending?: NodeJS.Timeout;
  private synced = new Set<number>();

  // The hub's informers follow the context's link: a new connection behind it relists in place.
  constructor(hub: WatchHub, context: string, namespace: string | undefined) {
    const key = { context, group: '', version: 'v1', namespace, representation: 'object' as const, labelSelector: 'owner=helm' };
    const acquired = [
      hub.acquire<StoredRevision>({ ...key, resource: 'secrets', fieldSelector: 'type=helm.sh/release.v1' }, SECRET_REVISIONS),
      hub.acquire<StoredRevision>({ ...key, resource: 'configmaps' }, CONFIGMAP_REVISIONS),
    ];
    this.informers = acquired.map((a) => a.informer);
    this.detach.push(...acquired.map((a) => a.release));
    this.informers.forEach((inf, i) => {
      this.detach.push(inf.addHandler({
        onSync: () => { this.synced.add(i); this.changed(); },
        onChanges: () => this.changed(),
        onFreshness: () => { this.emitFreshness(); this.changed(); },
      }));
    });
  }

  /** Lets go of the hub's informers (they linger there a while, then stop). */
  stop(): Promise<void> {
    clearTimeout(this.pending);
    for (const d of this.detach.reverse()) d();
    this.detach.length = 0;
    return Promise.resolve();
  }

  /** Both listed, or refused: a driver the user may not list (ConfigMaps) must not hide the other's releases. */
  get hasSynced(): boolean {
    return this.informers.every((inf, i) => this.synced.has(i) || ['forbidden', 'unauthorized'].includes(inf.freshness().state));
  }

  revisions(): StoredRevision[] { return this.informers.flatMap((i) => i.store.list()); }

  /** The worst of the two informers' freshness (a forbidden ConfigMap list must show). */
  freshness(): Freshness {
    const all = this.informers.map((i) => i.freshness());
    return all.find((f) => f.state !== 'live') ?? all[0];
  }

  subscribe(l: ReleaseStorageListener): () => void {
    this.listeners.add(l);
    l.onFreshness(this.freshness());
    if (this.hasSynced) l.onRevisions(this.revisions());
    return () => { this.listeners.delete(l); };
  }

  private changed(): void {
    if (!this.hasSynced || this.pending) return;
    // helm writes a revision and updates the previous one back to back: one snapshot for both.
    this.pending = setTimeout(() => {
      this.pending = undefined;
      const revs = this.revisions();
      for (const l of this.listeners) l.onRevisions(revs);
    }, 50);
  }

  private emitFreshness(): void {
    const f = this.freshness();
    for (const l of this.listeners) l.onFreshness(f);
  }
}
