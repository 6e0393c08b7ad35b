import { buildTopology, type ObjectNode, type Topology, type TopologyOptions, type TopoNode } from '../../shared/topology/graph';
import type { TopoEdge } from '../../shared/topology/edges';
import type { TopoObject } from '../../shared/topology/topologyObject';
import { PositionMemory, type XY } from './placement';
import { withoutSystemObjects } from './systemObjects';

/**
 * The graph pipeline that runs off the main thread: it keeps its own copy of the watched objects
 * (fed by the live lists' own change sets, see listChanges.ts), builds the graph (buildTopology: edges,
 * health rollup, pod folding) and places it (positions kept per scope). At 10k pods a build is a few
 * hundred milliseconds; in the page it would freeze scrolling and typing on every batch of changes.
 * Pure and synchronous, so the worker is a thin shell (src-renderer/workers/topology.worker.ts), the
 * benchmark runs it in Node, and tests drive it directly.
 */
export type EngineRequest =
  /**
   * Object changes: `reset` drops every object first; `resetKinds` drops the objects of these kinds
   * (a list that resynced or whose changes were missed: its current items are among `upserts`).
   */
  | { type: 'sync'; upserts: readonly TopoObject[]; deletes: readonly string[]; reset?: boolean; resetKinds?: readonly string[] }
  | { type: 'build'; id: number; scopeKey: string; options: BuildOptions }
  /** A node dragged by the user: it stays there in later layouts of the scope. */
  | { type: 'move'; scopeKey: string; nodeId: string; x: number; y: number }
  /** Re-layout: the scope's next build places everything afresh. */
  | { type: 'forget'; scopeKey: string };

export interface BuildOptions extends TopologyOptions {
  /** Draw kube-root-ca.crt and its kind (systemObjects.ts); off unless the user asks. */
  systemObjects?: boolean;
}

/** An object node without its object (the page has it already, and keeps its identity). */
export type SlimNode = Exclude<TopoNode, ObjectNode> | (Omit<ObjectNode, 'object'> & { object?: undefined });

export interface EngineResult {
  id: number;
  scopeKey: string;
  nodes: SlimNode[];
  edges: TopoEdge[];
  positions: Map<string, XY>;
  /** Milliseconds the build and placement took, for the curious (and the benchmark). */
  ms: number;
}

export class TopologyEngine {
  private readonly objects = new Map<string, TopoObject>();
  private readonly memory = new PositionMemory();

  handle(req: EngineRequest): EngineResult | undefined {
    switch (req.type) {
      case 'sync':
        if (req.reset) this.objects.clear();
        if (req.resetKinds?.length) {
          const kinds = new Set(req.resetKinds);
          for (const [uid, o] of this.objects) if (kinds.has(o.kind)) this.objects.delete(uid);
        }
        for (const d of req.deletes) this.objects.delete(d);
        for (const o of req.upserts) this.objects.set(o.uid, o);
        return undefined;
      case 'move':
        this.memory.move(req.scopeKey, req.nodeId, { x: req.x, y: req.y });
        return undefined;
      case 'forget':
        this.memory.forget(req.scopeKey);
        return undefined;
      case 'build': {
        const t0 = performance.now();
        const { systemObjects, ...options } = req.options;
        const all = [...this.objects.values()];
        const topology = buildTopology(systemObjects ? all : withoutSystemObjects(all), options);
        const positions = this.memory.place(req.scopeKey, topology);
        return { id: req.id, scopeKey: req.scopeKey, nodes: topology.nodes.map(slim), edges: topology.edges, positions: new Map(positions), ms: performance.now() - t0 };
      }
    }
  }
}

function slim(n: TopoNode): SlimNode {
  if (n.type !== 'object') return n;
  const { object: _object, ...rest } = n;
  return rest;
}

/** The page's current object of a kind by uid (its live list's). */
export type ObjectLookup = (uid: string, kind: string) => TopoObject | undefined;

/**
 * Puts the page's own objects back into object nodes, so an unchanged object is the very same
 * object as before and its memoized card does not re-render. A node whose object the page no longer
 * has (deleted meanwhile) is dropped.
 */
export function rehydrate(result: Pick<EngineResult, 'nodes' | 'edges'>, lookup: ObjectLookup): Topology {
  const nodes: TopoNode[] = [];
  const gone = new Set<string>();
  for (const n of result.nodes) {
    if (n.type !== 'object') { nodes.push(n); continue; }
    const object = lookup(n.id, n.kind);
    if (!object) { gone.add(n.id); continue; }
    nodes.push({ ...n, object } as ObjectNode);
  }
  const edges = gone.size === 0 ? result.edges : result.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  return { nodes, edges };
}
