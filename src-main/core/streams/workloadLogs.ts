import type { StreamHttp } from '../cluster/contextLink';
import { deepMessage } from '../cluster/apiError';
import { HttpListWatch, type RawObject } from '../watch/listWatch';
import { Reflector } from '../watch/reflector';
import { Store, type StoreChange } from '../watch/store';
import type { LogEvent, LogStreamState, WorkloadLogEvent, WorkloadLogSource, WorkloadLogsParams } from '../../../shared/contract/streams';
import { resourceOf } from '../../../shared/model/kinds';
import { labelSelectorString } from '../../../shared/model/labelSelector';
import { objectPath } from '../cluster/resourcePath';
import { FlowGate, type StreamSink } from './flowGate';
import { LogMerger } from './logMerger';
import { LogStream } from './logStream';

/** The slice of a pod that workload logs need. */
interface PodEntry {
  uid: string;
  name: string;
  containers: string[];
  resourceVersion?: string;
}

interface Followed {
  id: string;
  podUid: string;
  pod: string;
  container: string;
  stream: LogStream;
  state: LogStreamState;
  message: string;
}

export interface WorkloadLogsOptions {
  /** Most streams followed at once (pods × containers). */
  maxStreams?: number;
  /** Lines the merge may hold before the streams stop reading. */
  maxMerged?: number;
  holdMs?: number;
  joinHoldMs?: number;
  tickMs?: number;
}

async function resolveSelector(http: StreamHttp, p: WorkloadLogsParams, signal: AbortSignal): Promise<string> {
  if (p.selector !== undefined) return p.selector;
  const owner = p.owner!;
  const obj = await http.request('GET', objectPath(resourceOf(owner.kind), p.namespace, owner.name), { signal, timeoutMs: 15_000 });
  const sel = labelSelectorString(obj?.spec?.selector);
  if (!sel) throw new Error(`${owner.kind} ${p.namespace}/${owner.name} has no selector`);
  return sel;
}

function podEntry(raw: RawObject): PodEntry | undefined {
  const m = raw.metadata;
  const spec = (raw as { spec?: { initContainers?: { name: string }[]; containers?: { name: string }[] } }).spec;
  if (!m?.uid || !m.name) return undefined;
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
  return { uid: m.uid, name: m.name, containers, resourceVersion: m.resourceVersion };
}

/**
 * Logs of every pod a selector (or a workload's selector) picks, merged by timestamp, each line
 * tagged with its pod and container. Pods joining or leaving are followed live through a list+watch
 * of the selected pods. One bounded merge sits between the per-container streams and the renderer;
 * when it is full, or the renderer lags, every stream stops reading.
 */
export class WorkloadLogs {
  private readonly controller = new AbortController();
  private readonly merger: LogMerger;
  private readonly gate: FlowGate;
  private readonly followed = new Map<string, Followed>();
  private readonly podRemovals = new Map<string, NodeJS.Timeout>();
  private reflector: Reflector<PodEntry> | undefined;
  private tick: NodeJS.Timeout | undefined;
  private sourcesTimer: NodeJS.Timeout | undefined;
  private readonly skipped = new Set<string>();
  private dropped = 0;
  private stopped = false;
  private readonly o: Required<WorkloadLogsOptions>;

  constructor(private readonly http: StreamHttp, private readonly params: WorkloadLogsParams, private readonly sink: StreamSink<WorkloadLogEvent>, opts: WorkloadLogsOptions = {}) {
    this.o = { maxStreams: 100, maxMerged: 20_000, holdMs: 300, joinHoldMs: 2_000, tickMs: 30, ...opts };
    this.merger = new LogMerger(this.o.holdMs, this.o.joinHoldMs);
    this.gate = new FlowGate(sink, 8);
  }

  start(): void {
    void this.run().catch((err) => {
      if (!this.stopped) this.sink.emit({ type: 'state', state: 'error', message: deepMessage(err) });
    });
  }

  private async run(): Promise<void> {
    this.sink.emit({ type: 'state', state: 'connecting', message: 'Finding the pods…' });
    const selector = await resolveSelector(this.http, this.params, this.controller.signal);
    if (this.stopped) return;
    const source = new HttpListWatch(this.http, { group: '', version: 'v1', resource: 'pods' }, this.params.namespace, 'object', { labelSelector: selector });
    const store = new Store<PodEntry>();
    let synced = false;
    this.reflector = new Reflector<PodEntry>(source, store, (raw) => raw.metadata?.uid, {
      transform: podEntry,
      onChanges: (changes) => this.onPods(changes),
      onSynced: () => {
        if (synced) return;
        synced = true;
        this.sink.emit({ type: 'state', state: 'streaming', message: `Following pods matching ${selector}.` });
        this.publishSources();
      },
      onState: (state, reason) => {
        if (state === 'forbidden' || state === 'unauthorized') this.sink.emit({ type: 'state', state: 'error', message: reason ?? state });
      },
    });
    this.reflector.start();
  }

  private onPods(changes: StoreChange<PodEntry>[]): void {
    if (this.stopped) return;
    for (const c of changes) {
      if (c.type === 'deleted') this.podGone(c.old);
      else this.podSeen(c.obj);
    }
    this.publishSources();
  }

  private podSeen(pod: PodEntry): void {
    const cancel = this.podRemovals.get(pod.uid);
    if (cancel) { clearTimeout(cancel); this.podRemovals.delete(pod.uid); }
    for (const container of pod.containers) {
      if (this.params.container && container !== this.params.container) continue;
      const id = `${pod.uid}/${container}`;
      if (this.followed.has(id)) continue;
      if (this.followed.size >= this.o.maxStreams) { this.skipped.add(id); continue; }
      this.follow(id, pod, container);
    }
  }

  private follow(id: string, pod: PodEntry, container: string): void {
    this.merger.add(id, pod.name, container);
    const inner: StreamSink<LogEvent> = {
      emit: (e) => this.fromStream(id, e),
      unacked: () => 0,
      congested: () => this.merger.size >= this.o.maxMerged || !this.gate.open,
      onAck: () => {},
    };
    const stream = new LogStream(this.http, {
      context: this.params.context, namespace: this.params.namespace, pod: pod.name, container,
      follow: true, timestamps: true, tailLines: this.params.tailLines ?? 200, sinceSeconds: this.params.sinceSeconds,
    }, inner);
    this.followed.set(id, { id, podUid: pod.uid, pod: pod.name, container, stream, state: 'connecting', message: '' });
    stream.start();
  }

  private fromStream(id: string, e: LogEvent): void {
    const f = this.followed.get(id);
    if (!f || this.stopped) return;
    if (e.type === 'lines') {
      this.merger.push(id, e.lines);
      this.schedule();
    } else if (e.type === 'dropped') {
      this.dropped += e.count;
      this.schedule();
    } else if (e.type === 'state') {
      // (No 'packed' or 'skipped': these streams ask for neither.)
      f.state = e.state;
      f.message = e.message;
      this.merger.setQuiet(id, e.state !== 'streaming' && e.state !== 'connecting');
      if (e.state === 'ended' || e.state === 'error') {
        this.merger.remove(id);
        this.schedule();
      }
      this.publishSources();
    }
  }

  /** A deleted pod's streams get a moment to deliver their last lines, then stop. */
  private podGone(pod: PodEntry): void {
    if (this.podRemovals.has(pod.uid)) return;
    const t = setTimeout(() => {
      this.podRemovals.delete(pod.uid);
      for (const [id, f] of this.followed) {
        if (f.podUid !== pod.uid) continue;
        f.stream.stop();
        this.followed.delete(id);
        this.merger.remove(id);
      }
      for (const id of this.skipped) if (id.startsWith(`${pod.uid}/`)) this.skipped.delete(id);
      this.schedule();
      this.publishSources();
    }, 1_000);
    t.unref?.();
    this.podRemovals.set(pod.uid, t);
  }

  private schedule(): void {
    if (this.tick || this.stopped) return;
    this.tick = setTimeout(() => { this.tick = undefined; this.pump(); }, this.o.tickMs);
    this.tick.unref?.();
  }

  private pump(): void {
    if (this.stopped) return;
    if (this.dropped) { this.sink.emit({ type: 'dropped', count: this.dropped }); this.dropped = 0; }
    while (this.gate.open) {
      const lines = this.merger.take(2_000);
      if (!lines.length) break;
      this.sink.emit({ type: 'lines', lines });
    }
    if (this.merger.size) this.schedule();
  }

  private publishSources(): void {
    if (this.sourcesTimer || this.stopped) return;
    this.sourcesTimer = setTimeout(() => {
      this.sourcesTimer = undefined;
      if (this.stopped) return;
      const sources: WorkloadLogSource[] = [...this.followed.values()]
        .map((f) => (f.message ? { pod: f.pod, container: f.container, state: f.state, message: f.message } : { pod: f.pod, container: f.container, state: f.state }))
        .sort((a, b) => a.pod.localeCompare(b.pod) || a.container.localeCompare(b.container));
      this.sink.emit({ type: 'sources', sources });
      if (this.skipped.size) this.sink.emit({ type: 'state', state: 'streaming', message: `Following ${this.followed.size} containers; ${this.skipped.size} more not followed (limit ${this.o.maxStreams}).` });
    }, 100);
    this.sourcesTimer.unref?.();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.controller.abort();
    void this.reflector?.stop();
    for (const f of this.followed.values()) f.stream.stop();
    this.followed.clear();
    for (const t of this.podRemovals.values()) clearTimeout(t);
    clearTimeout(this.tick);
    clearTimeout(this.sourcesTimer);
    this.gate.dispose();
  }
}
