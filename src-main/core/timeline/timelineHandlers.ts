import type { Core } from '../core';
import type { Handlers, TopicSink } from '../handlers';
import { toContractError } from '../cluster/apiError';
import { NamespaceTimeline } from './workloadTimeline';
import { timelineNotesOf } from './timelineNotes';

/** A namespace with no timeline subscriber keeps recording this long, so reopening a panel finds its history. */
const IDLE_MS = 30 * 60_000;

interface Recorder { timeline: NamespaceTimeline; subscribers: number; idle?: NodeJS.Timeout; unfollow(): void }

/**
 * `timeline.watch`: one recorder per context and namespace, started by its first subscriber and kept
 * while anyone listens (and for IDLE_MS after), so entries outlive a closed details panel.
 */
export function timelineHandlers(core: Core): Handlers {
  const recorders = new Map<string, Recorder>();
  /** Stops the key's recorder (only `only`, when given: a later recorder under the same key is another's). */
  const stop = (key: string, only?: Recorder) => {
    const r = recorders.get(key);
    if (!r || (only && r !== only)) return;
    recorders.delete(key);
    clearTimeout(r.idle);
    r.unfollow();
    r.timeline.stop();
  };
  core.onDispose.push(() => { for (const key of [...recorders.keys()]) stop(key); });

  /** The namespace's recorder (started if need be), held until `release` is called. */
  const hold = (context: string, namespace: string): { timeline: NamespaceTimeline; release(): void; stopRecorder(): void } => {
    const key = `${context}\u0000${namespace}`;
    let r = recorders.get(key);
    if (!r) {
      // The hub's informers follow the context's link: the recorder outlives kubeconfig rewrites.
      const timeline = new NamespaceTimeline(core.hub, context, namespace);
      // The app's own entries (Applications syncs), including those made before this recorder started.
      const unfollow = timelineNotesOf(core).follow(context, namespace, (n) => timeline.note(n.kind, n.name, n.change, n.at));
      r = { timeline, subscribers: 0, unfollow };
      recorders.set(key, r);
    }
    const rec = r;
    clearTimeout(rec.idle);
    rec.subscribers++;
    return {
      timeline: rec.timeline,
      stopRecorder: () => stop(key, rec),
      release() {
        if (--rec.subscribers > 0) return;
        rec.idle = setTimeout(() => stop(key, rec), IDLE_MS);
        rec.idle.unref?.();
      },
    };
  };

  /**
   * A subscription to the namespace's recorder that ends with the reason when the context is gone
   * (the recorder's informers end with it; the recorder stops).
   */
  const subscribe = <E>(p: { context: string; namespace: string }, sink: TopicSink<E>, listen: (t: NamespaceTimeline) => () => void) => {
    const h = hold(p.context, p.namespace);
    const unsubscribe = listen(h.timeline);
    let done = false;
    let unEnd = () => {};
    const end = () => { if (done) return; done = true; unEnd(); unsubscribe(); h.release(); };
    unEnd = h.timeline.onEnd((err) => {
      end();
      h.stopRecorder();
      sink.end(toContractError(err));
    });
    return end;
  };

  return {
    methods: {},
    topics: {
      'timeline.watch': (p, sink) => subscribe(p, sink, (t) => t.subscribe(p.kind, p.name, (e) => sink.emit(e))),
      'timeline.record': (p, sink) => subscribe(p, sink, (t) =>
        t.watchFreshness((freshness) => sink.emit({ type: 'recording', recordingSince: t.recordingSince, freshness }))),
    },
  };
}
