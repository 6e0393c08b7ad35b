import type { TopoEdge } from './edges';
import type { HealthStatus, HealthStatusCode } from './health';
import type { TopologyScope } from './scope';
import type { TopoObject } from './topologyObject';

/**
 * The shapes the graph pipeline (graph.ts) passes between its stages and hands the renderer: the
 * options a view builds with, the two kinds of node, the graph. Types only, so every stage can name
 * them without importing the pipeline that calls it.
 */
export interface TopologyOptions {
  scope: TopologyScope;
  /** More pods than this under one owner fold into one group node. Default 8. */
  podGroupThreshold?: number;
  /** Owner uids whose pods are never folded. */
  expandedGroups?: Iterable<string>;
  /** Hide ReplicaSets scaled to 0 (old revisions). Default true. */
  collapseOldReplicaSets?: boolean;
  /** ReplicaSet uids, or their owners' uids, whose old ReplicaSets stay visible. */
  expandedReplicaSets?: Iterable<string>;
}

export const DEFAULT_POD_GROUP_THRESHOLD = 8;

export interface EndpointSummary {
  ready: number;
  total: number;
}

interface NodeBase {
  id: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The namespace, in the all-namespaces scope only: the renderer draws one box per group. */
  group?: string;
  /** Own health with the owned children's rolled in (worst wins). */
  health: HealthStatus;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  object: TopoObject;
  /** A ReplicaSet scaled to 0: an old revision. */
  dimmed?: boolean;
  /** Services: ready/total endpoints summed over their EndpointSlices. */
  endpoints?: EndpointSummary;
  /** Deployments: how many old ReplicaSets are collapsed away. */
  hiddenReplicaSets?: number;
}

export interface PodGroupNode extends NodeBase {
  type: 'podGroup';
  kind: 'PodGroup';
  ownerUid: string;
  ownerKind: string;
  count: number;
  byHealth: Record<HealthStatusCode, number>;
  podUids: string[];
}

export type TopoNode = ObjectNode | PodGroupNode;

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

/** Each included object's health as the graph shows it (own and owned children's, worst wins). */
export type HealthOf = (o: TopoObject) => HealthStatus;

export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
