import { TopologyEngine, type EngineRequest, type EngineResult } from '../../topology-engine/topologyEngine';

export type EngineReply = EngineResult | { id: number; scopeKey: string; error: string };

/**
 * The page's handle on the topology engine: a Web Worker (bundled by Vite from
 * src-renderer/workers/topology.worker.ts), or the same engine in the page where workers are not
 * available. One per context for the app's life (`topologyEngine(context)`), so the positions it
 * remembers outlive the view: leaving the graph and coming back finds every node where it was.
 */
export class TopologyEngineClient {
  private readonly listeners = new Set<(r: EngineReply) => void>();
  private readonly worker?: Worker;
  private readonly local?: TopologyEngine;

  constructor() {
    try {
      this.worker = new Worker(new URL('../../workers/topology.worker.ts', import.meta.url), { type: 'module', name: 'topology' });
      this.worker.onmessage = (e: MessageEvent<EngineReply>) => this.emit(e.data);
    } catch {
      this.local = new TopologyEngine();
    }
  }

  post(req: EngineRequest): void {
    if (this.worker) { this.worker.postMessage(req); return; }
    // In the page: answer on a microtask, like the worker would, so callers see one behaviour.
    let reply: EngineReply | undefined;
    try {
      reply = this.local!.handle(req);
    } catch (err) {
      if (req.type === 'build') reply = { id: req.id, scopeKey: req.scopeKey, error: (err as Error)?.message ?? String(err) };
    }
    if (reply) { const r = reply; queueMicrotask(() => this.emit(r)); }
  }

  subscribe(fn: (r: EngineReply) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(r: EngineReply) {
    for (const l of this.listeners) l(r);
  }
}

/**
 * One engine per context, for the app's life: its objects are one cluster's (two clusters' graphs on
 * screen at once, MergedTopology, must not mix), and the positions it remembers outlive the view.
 */
const engines = new Map<string, TopologyEngineClient>();
export function topologyEngine(context: string): TopologyEngineClient {
  let e = engines.get(context);
  if (!e) engines.set(context, (e = new TopologyEngineClient()));
  return e;
}
