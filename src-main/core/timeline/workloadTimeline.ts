import type { StreamHttp } from '../cluster/currentHttp';
import { HttpListWatch, type RawObject } from '../watch/listWatch';
import { SharedInformer, type InformerHandler } from '../watch/informer';
import type { StoreChange } from '../watch/store';
import type { ResourcePath } from '../cluster/resourcePath';
import type { Freshness } from '../../../shared/contract/resources';
import { worstFreshness } from '../../../shared/model/freshness';
import { resourceOf } from '../../../shared/model/kinds';
import { TIMELINE_CAPACITY, type TimelineEntry, type TimelineEvent } from '../../../shared/contract/timeline';
import {
  diffPod, diffReplicaSet, diffWorkload, historyOf, projectPod, projectReplicaSet, projectWorkload,
  type PodState, type ReplicaSetState, type TimelineChange, TRACKED_KINDS, type TrackedKind, type WorkloadState,
} from '../../../shared/timeline/workloadChanges';

const WORKLOAD_RESOURCES = Object.fromEntries(TRACKED_KINDS.map((kind) => [kind, resourceOf(kind)])) as Record<TrackedKind, ResourcePath>;
const REPLICASETS: ResourcePath = resourceOf('ReplicaSet');
const PODS: ResourcePath = resourceOf('Pod');

/** One workload's entries (oldest first, at most TIMELINE_CAPACITY) and who listens to them. */
class WorkloadLog {
  readonly entries: TimelineEntry[] = [];
  readonly listeners = new Set<(e: TimelineEntry) => void>();
  seeded = false;
  private nextId = 1;

  push(change: TimelineChange, at: string, observed: boolean): void {
    const entry: TimelineEntry = { id: this.nextId++, at, observed, ...change };
    this.entries.push(entry);
    if (this.entries.length > TIMELINE_CAPACITY) this.entries.splice(0, this.entries.length - TIMELINE_CAPACITY);
    for (const l of this.listeners) l(entry);
  }
}

type Informer<T extends { resourceVersion?: string }> = SharedInformer<T>;

/**
 * The change timelines of every Deployment, StatefulSet and DaemonSet in one namespace, recorded from a
 * raw list+watch of the workloads, their ReplicaSets and pods (full objects: managedFields say who made
 * each change). Entries are kept per workload by kind and name, so a deleted and recreated workload
 * continues its timeline.
 */
export class NamespaceTimeline {
  readonly recordingSince: string;
  private readonly logs = new Map<string, WorkloadLog>();
  private readonly workloads = new Map<TrackedKind, Informer<WorkloadState>>();
  private readonly replicaSets: Informer<ReplicaSetState>;
  private readonly pods: Informer<PodState>;
  private readonly freshnessListeners = new Set<(f: Freshness) => void>();
  private readonly removers: (() => void)[] = [];
  private lastFreshness?: string;

  constructor(http: StreamHttp, readonly namespace: string, private readonly now: () => Date = () => new Date()) {
    this.recordingSince = now().toISOString();
    const informer = <T extends { resourceVersion?: string }>(r: ResourcePath, project: (raw: RawObject) => T | undefined) =>
      new SharedInformer<T>(new HttpListWatch(http, r, namespace, 'object'), (raw) => raw.metadata?.uid, project);
    for (const kind of Object.keys(WORKLOAD_RESOURCES) as TrackedKind[]) {
      this.workloads.set(kind, informer(WORKLOAD_RESOURCES[kind], projectWorkload));
    }
    this.replicaSets = informer(REPLICASETS, projectReplicaSet);
    this.pods = informer(PODS, projectPod);

    for (const [kind, inf] of this.workloads) this.listen(inf, (c) => this.onWorkload(kind, c));
    this.listen(this.replicaSets, (c) => this.onReplicaSet(c));
    this.listen(this.pods, (c) => this.onPod(c));
  }

  start(): void {
    for (const inf of this.allInformers()) inf.start();
  }

  async stop(): Promise<void> {
    for (const r of this.removers) r();
    await Promise.allSettled(this.allInformers().map((i) => i.stop()));
  }

  /** The timeline of one workload: a snapshot now, then each new entry and freshness change. */
  subscribe(kind: TrackedKind, name: string, emit: (e: TimelineEvent) => void): () => void {
    const log = this.log(kind, name);
    emit({ type: 'snapshot', entries: [...log.entries], recordingSince: this.recordingSince, freshness: this.freshness() });
    const onEntry = (entry: TimelineEntry) => emit({ type: 'entry', entry });
    const onFreshness = (freshness: Freshness) => emit({ type: 'freshness', freshness });
    log.listeners.add(onEntry);
    this.freshnessListeners.add(onFreshness);
    return () => { log.listeners.delete(onEntry); this.freshnessListeners.delete(onFreshness); };
  }

  /** Freshness now and on every change, for a subscriber that only keeps the recording going. */
  watchFreshness(emit: (f: Freshness) => void): () => void {
    emit(this.freshness());
    this.freshnessListeners.add(emit);
    return () => { this.freshnessListeners.delete(emit); };
  }

  /** The worst freshness of the watches that feed the timelines. */
  freshness(): Freshness {
    const all = this.allInformers().map((i) => i.freshness());
    return worstFreshness(all)!; // never empty: the pods and ReplicaSets informers always exist
  }

  private allInformers(): Informer<any>[] {
    return [...this.workloads.values(), this.replicaSets, this.pods];
  }

  private listen<T extends { resourceVersion?: string }>(inf: Informer<T>, onChange: (c: StoreChange<T>) => void): void {
    const handler: InformerHandler<T> = {
      // The first list is the baseline: nothing in it is a change. Later relists arrive as changes.
      onSync: () => { this.seedAll(); this.emitFreshness(); },
      onChanges: (changes) => { for (const c of changes) onChange(c); },
      onFreshness: () => this.emitFreshness(),
    };
    this.removers.push(inf.addHandler(handler));
  }

  private emitFreshness(): void {
    const f = this.freshness();
    const key = `${f.state}|${f.reason ?? ''}`;
    if (key === this.lastFreshness) return;
    this.lastFreshness = key;
    for (const l of this.freshnessListeners) l(f);
  }

  private log(kind: TrackedKind, name: string): WorkloadLog {
    const key = `${kind}/${name}`;
    let log = this.logs.get(key);
    if (!log) {
      log = new WorkloadLog();
      this.logs.set(key, log);
      this.seed(kind, name, log);
    }
    return log;
  }

  private seedAll(): void {
    for (const [key, log] of this.logs) {
      const [kind, name] = key.split('/') as [TrackedKind, string];
      this.seed(kind, name, log);
    }
  }

  /** Once the lists it needs are in: the workload's creation and the revisions its ReplicaSets hold. */
  private seed(kind: TrackedKind, name: string, log: WorkloadLog): void {
    const inf = this.workloads.get(kind)!;
    if (log.seeded || !inf.hasSynced || (kind === 'Deployment' && !this.replicaSets.hasSynced)) return;
    log.seeded = true;
    const w = inf.store.list().find((x) => x.name === name);
    if (!w) return;
    const replicaSets = kind === 'Deployment' ? this.replicaSets.store.list() : [];
    for (const { at, ...change } of historyOf(w, replicaSets)) log.push(change, at, false);
  }

  private record(kind: TrackedKind, name: string, changes: TimelineChange[]): void {
    if (changes.length === 0) return;
    const log = this.log(kind, name);
    const at = this.now().toISOString();
    for (const c of changes) log.push(c, at, true);
  }

  private onWorkload(kind: TrackedKind, c: StoreChange<WorkloadState>): void {
    if (c.type === 'added') {
      // A timeline started now seeds itself with the creation; one that already exists records it.
      if (this.logs.has(`${kind}/${c.obj.name}`)) this.record(kind, c.obj.name, [{ kind: 'created', summary: `${kind} ${c.obj.name} created` }]);
      else this.log(kind, c.obj.name);
    }
    else if (c.type === 'updated') this.record(kind, c.obj.name, diffWorkload(c.old, c.obj));
    else this.record(kind, c.old.name, [{ kind: 'deleted', summary: `${kind} ${c.old.name} deleted` }]);
  }

  private onReplicaSet(c: StoreChange<ReplicaSetState>): void {
    if (c.type === 'deleted' || !c.obj.owner) return;
    this.record('Deployment', c.obj.owner, diffReplicaSet(c.type === 'updated' ? c.old : undefined, c.obj));
  }

  private onPod(c: StoreChange<PodState>): void {
    if (c.type === 'deleted') return;
    const owner = this.workloadOf(c.obj);
    if (owner) this.record(owner.kind, owner.name, diffPod(c.type === 'updated' ? c.old : undefined, c.obj));
  }

  /** The workload a pod belongs to: its StatefulSet or DaemonSet, or its ReplicaSet's Deployment. */
  private workloadOf(pod: PodState): { kind: TrackedKind; name: string } | undefined {
    const o = pod.owner;
    if (!o) return undefined;
    if (o.kind === 'StatefulSet' || o.kind === 'DaemonSet') return { kind: o.kind, name: o.name };
    if (o.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.store.list().find((r) => r.name === o.name);
    return rs?.owner ? { kind: 'Deployment', name: rs.owner } : undefined;
  }
}
