import type { SharedInformer, InformerHandler } from '../watch/informer';
import type { InformerView, WatchHub } from '../watch/watchHub';
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

/** The timeline's own projections of the hub's objects (who made each change needs managedFields). */
const VIEWS = {
  workload: { name: 'timeline-workload', transform: projectWorkload } as InformerView<WorkloadState>,
  replicaSet: { name: 'timeline-replicaset', transform: projectReplicaSet } as InformerView<ReplicaSetState>,
  pod: { name: 'timeline-pod', transform: projectPod } as InformerView<PodState>,
};

/**
 * The change timelines of every Deployment, StatefulSet and DaemonSet in one namespace, recorded from
 * the hub's informers of the workloads, their ReplicaSets and pods (projected from full objects:
 * managedFields say who made each change). Entries are kept per workload by kind and name, so a
 * deleted and recreated workload continues its timeline. The informers follow the context's link
 * like every hub informer; when the context is gone, `onEnd` listeners hear why.
 */
export class NamespaceTimeline {
  readonly recordingSince: string;
  private readonly logs = new Map<string, WorkloadLog>();
  private readonly workloads = new Map<TrackedKind, Informer<WorkloadState>>();
  private readonly replicaSets: Informer<ReplicaSetState>;
  private readonly pods: Informer<PodState>;
  private readonly freshnessListeners = new Set<(f: Freshness) => void>();
  private readonly removers: (() => void)[] = [];
  private readonly endListeners = new Set<(error: Error) => void>();
  private ended: Error | undefined;
  private lastFreshness?: string;

  constructor(hub: WatchHub, readonly context: string, readonly namespace: string, private readonly now: () => Date = () => new Date()) {
    this.recordingSince = now().toISOString();
    const informer = <T extends { resourceVersion?: string }>(r: ResourcePath, view: InformerView<T>) => {
      const { informer: inf, release } = hub.acquire<T>({ context, ...r, namespace, representation: 'object' }, view);
      this.removers.push(release);
      return inf;
    };
    for (const kind of Object.keys(WORKLOAD_RESOURCES) as TrackedKind[]) {
      this.workloads.set(kind, informer(WORKLOAD_RESOURCES[kind], VIEWS.workload));
    }
    this.replicaSets = informer(REPLICASETS, VIEWS.replicaSet);
    this.pods = informer(PODS, VIEWS.pod);

    for (const [kind, inf] of this.workloads) this.listen(inf, (c) => this.onWorkload(kind, c));
    this.listen(this.replicaSets, (c) => this.onReplicaSet(c));
    this.listen(this.pods, (c) => this.onPod(c));
  }

  /** Stops recording: its handlers leave the hub's informers and release them. */
  stop(): void {
    // Handlers leave first (they were added last), then the informers are released.
    for (const r of this.removers.splice(0).reverse()) r();
    this.endListeners.clear();
  }

  /** `l` hears, once, why the recording ended (the context left the kubeconfig). */
  onEnd(l: (error: Error) => void): () => void {
    if (this.ended) { l(this.ended); return () => {}; }
    this.endListeners.add(l);
    return () => { this.endListeners.delete(l); };
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
      onEnd: (error) => {
        if (this.ended) return;
        this.ended = error;
        for (const l of [...this.endListeners]) l(error);
      },
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

  /** An entry the app itself makes (an Applications sync), at the time it was made. */
  note(kind: TrackedKind, name: string, change: TimelineChange, at: string): void {
    this.log(kind, name).push(change, at, true);
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
