import { isControlledBy } from '../model/kubeObject';
import { equalIgnoreHash, withoutPodTemplateHash } from './podTemplateHash';
import { semanticEqual } from './semanticEqual';
import {
  CHANGE_CAUSE_ANNOTATION, REVISION_ANNOTATION,
  type ControllerRevision, type PodTemplate, type ReplicaSet, type Workload,
} from './workloadShapes';

/** One revision of a workload, as `kubectl rollout history` counts them, with what a person wants to see. */
export interface RevisionEntry {
  revision: number;
  /** The ReplicaSet or ControllerRevision that records it. */
  source: string;
  changeCause?: string;
  images: { container: string; image: string }[];
  createdAt?: string;
  /** The revision the workload's template is at now. */
  current: boolean;
  /** Pods the ReplicaSet wants (Deployments only). */
  replicas?: number;
  /** The pod template of the revision, without `pod-template-hash`. */
  template: PodTemplate;
}

/**
 * kubectl's revision of a ReplicaSet: the revision annotation as an integer, 0 when absent, and
 * undefined (the ReplicaSet is skipped, as kubectl skips it with a warning) when it does not parse.
 */
export function replicaSetRevision(rs: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const v = rs.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * The ReplicaSets of a Deployment in kubectl's order (deploymentutil.GetAllReplicaSets): those it
 * controls, old ones by creation time (name breaks ties), then the new one, the oldest whose template
 * equals the Deployment's ignoring the hash label.
 */
export function deploymentReplicaSets(deployment: Workload, replicaSets: ReplicaSet[]): { old: ReplicaSet[]; current?: ReplicaSet } {
  const owned = replicaSets.filter((rs) => isControlledBy(rs, deployment)).sort(byCreation);
  const current = owned.find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
  return current ? { old: owned.filter((rs) => rs !== current), current } : { old: owned };
}

/** `kubectl rollout history deployment/x` as data, oldest revision first. */
export function deploymentHistory(deployment: Workload, replicaSets: ReplicaSet[]): RevisionEntry[] {
  const { old, current } = deploymentReplicaSets(deployment, replicaSets);
  const byRevision = new Map<number, RevisionEntry>();
  for (const rs of current ? [...old, current] : old) {
    const revision = replicaSetRevision(rs);
    if (revision === undefined) continue;
    const template = withoutPodTemplateHash(rs.spec?.template);
    const entry: RevisionEntry = {
      revision, source: rs.metadata.name ?? '', images: imagesOf(template), current: rs === current, template,
    };
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) entry.changeCause = cause;
    if (rs.metadata.creationTimestamp) entry.createdAt = rs.metadata.creationTimestamp;
    if (rs.spec?.replicas !== undefined) entry.replicas = rs.spec.replicas;
    byRevision.set(revision, entry);
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/** The pod template a ControllerRevision restores (its data replaces spec.template whole). */
export function controllerRevisionTemplate(cr: ControllerRevision): PodTemplate {
  const t = structuredClone(cr.data?.spec?.template ?? {});
  delete t.$patch;
  return t;
}

/** `kubectl rollout history statefulset/x` (or daemonset) as data, oldest revision first. */
export function controllerRevisionHistory(owner: Workload, revisions: ControllerRevision[]): RevisionEntry[] {
  const byRevision = new Map<number, RevisionEntry>();
  for (const cr of revisions.filter((r) => isControlledBy(r, owner))) {
    const template = controllerRevisionTemplate(cr);
    const entry: RevisionEntry = {
      revision: cr.revision, source: cr.metadata.name ?? '', images: imagesOf(template),
      current: semanticEqual(template, owner.spec?.template), template,
    };
    const cause = cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) entry.changeCause = cause;
    if (cr.metadata.creationTimestamp) entry.createdAt = cr.metadata.creationTimestamp;
    byRevision.set(cr.revision, entry);
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

export function imagesOf(template: PodTemplate | undefined): { container: string; image: string }[] {
  return (template?.spec?.containers ?? []).map((c) => ({ container: c.name, image: c.image ?? '' }));
}

function byCreation(a: { metadata: { creationTimestamp?: string; name?: string } }, b: { metadata: { creationTimestamp?: string; name?: string } }): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}
