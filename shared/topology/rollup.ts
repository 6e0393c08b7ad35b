import { rollupHealth, type HealthStatus } from './health';
import type { TopoEdge } from './edges';
import type { TopoObject } from './topologyObject';

/**
 * Whether a child's health speaks for its parent now. Finished work does not: a Job that retried
 * keeps its failed pod, a CronJob keeps failed Jobs from last week, and the parent's own rule
 * (Job conditions, CronJob last success vs last schedule) already judges those runs.
 */
function contributes(parent: TopoObject, child: TopoObject): boolean {
  if (parent.kind !== 'Job' && parent.kind !== 'CronJob') return true;
  if (child.kind === 'Pod') return child.pod?.phase !== 'Succeeded' && child.pod?.phase !== 'Failed';
  if (child.kind === 'Job') return !child.job?.finished;
  return true;
}

/**
 * Every object's health with its owned children rolled in, bottom-up along `owns` edges
 * (Pod → ReplicaSet → Deployment), each object visited once. Ownership cycles, which Kubernetes
 * forbids but a half-written fixture might hold, are cut where they close.
 */
export function rolledHealth(objects: readonly TopoObject[], edges: readonly TopoEdge[]): Map<string, HealthStatus> {
  const byUid = new Map<string, TopoObject>();
  for (const o of objects) byUid.set(o.uid, o);
  const children = new Map<string, TopoObject[]>();
  for (const e of edges) {
    if (e.kind !== 'owns') continue;
    const child = byUid.get(e.target);
    if (!child) continue;
    const list = children.get(e.source);
    if (list) list.push(child); else children.set(e.source, [child]);
  }
  const result = new Map<string, HealthStatus>();
  const visiting = new Set<string>();
  const visit = (o: TopoObject): HealthStatus => {
    const done = result.get(o.uid);
    if (done) return done;
    if (visiting.has(o.uid)) return o.health;
    visiting.add(o.uid);
    const kids = (children.get(o.uid) ?? []).filter((c) => contributes(o, c)).map(visit);
    const health = kids.length > 0 ? rollupHealth(o.health, kids) : o.health;
    visiting.delete(o.uid);
    result.set(o.uid, health);
    return health;
  };
  for (const o of objects) visit(o);
  return result;
}
