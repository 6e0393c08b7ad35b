import type { Core } from '../core';
import type { Handlers } from '../../transport/contractSession';
import { NamespaceTimeline } from './workloadTimeline';

/** A namespace with no timeline subscriber keeps recording this long, so reopening a panel finds its history. */
const IDLE_MS = 30 * 60_000;

interface Recorder { timeline: NamespaceTimeline; subscribers: number; idle?: NodeJS.Timeout }

/**
 * `timeline.watch`: one recorder per context and namespace, started by its first subscriber and kept
 * while anyone listens (and for IDLE_MS after), so entries outlive a closed details panel.
 */
export function timelineHandlers(core: Core): Handlers {
  const recorders = new Map<string, Recorder>();
  const stop = (key: string) => {
    const r = recorders.get(key);
    if (!r) return;
    recorders.delete(key);
    clearTimeout(r.idle);
    void r.timeline.stop();
  };
  core.onDispose.push(() => { for (const key of [...recorders.keys()]) stop(key); });

  /** The namespace's recorder (started if need be), held until `release` is called. */
  const hold = (context: string, namespace: string): { timeline: NamespaceTimeline; release(): void } => {
    const key = `${context}\u0000${namespace}`;
    let r = recorders.get(key);
    if (!r) {
      r = { timeline: new NamespaceTimeline(core.connection(context).http, namespace), subscribers: 0 };
      recorders.set(key, r);
      r.timeline.start();
    }
    const rec = r;
    clearTimeout(rec.idle);
    rec.subscribers++;
    return {
      timeline: rec.timeline,
      release() {
        if (--rec.subscribers > 0) return;
        rec.idle = setTimeout(() => stop(key), IDLE_MS);
        rec.idle.unref?.();
      },
    };
  };

  return {
    methods: {},
    topics: {
      'timeline.watch': (p, sink) => {
        const h = hold(p.context, p.namespace);
        const unsubscribe = h.timeline.subscribe(p.kind, p.name, (e) => sink.emit(e));
        return () => { unsubscribe(); h.release(); };
      },
      'timeline.record': (p, sink) => {
        const h = hold(p.context, p.namespace);
        const unsubscribe = h.timeline.watchFreshness((freshness) => sink.emit({ type: 'recording', recordingSince: h.timeline.recordingSince, freshness }));
        return () => { unsubscribe(); h.release(); };
      },
    },
  };
}
