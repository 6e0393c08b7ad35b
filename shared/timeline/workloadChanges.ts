// The pure half of the change timeline: raw objects from a watch become slim states, and two states of
// the same object become timeline changes (image, scale, restart, pause, template, revision, failing
// pods), each attributed from managedFields to the field manager that owns the changed field.
// The core (src-main/core/timeline/) feeds it watch events and keeps the results.

import { diffPodTemplates } from '../rollout/templateDiff';
import type { RolloutKind } from '../rollout/workloadShapes';
import { ROLLOUT_KINDS } from '../model/kinds';
import type { TimelineEntry } from '../contract/timeline';
import { allOwners, ownerKey, ownersOf, writersOf, type FieldOwner, type FieldStep } from './managedFields';

/** The kinds with a change timeline: those with rollouts (shared/model/kinds.ts). */
export type TrackedKind = RolloutKind;
export const TRACKED_KINDS = [...ROLLOUT_KINDS] as readonly TrackedKind[];

/** A change before it is placed on a timeline (which adds id, time and `observed`). */
export type TimelineChange = Omit<TimelineEntry, 'id' | 'at' | 'observed'>;

export interface ImageRef { container: string; image: string; init: boolean }

export interface WorkloadState {
  uid: string;
  kind: TrackedKind;
  name: string;
  resourceVersion?: string;
  createdAt?: string;
  replicas?: number;
  paused: boolean;
  restartedAt?: string;
  images: ImageRef[];
  /** The pod template, for changes other than images and restarts. */
  template: unknown;
  /** StatefulSet: status.updateRevision (a ControllerRevision name). */
  updateRevision?: string;
  /** Why the rollout is failing (Progressing=False, ReplicaFailure=True), when it is. */
  stuck?: string;
  managedFields: unknown;
}

export interface ReplicaSetState {
  uid: string;
  name: string;
  resourceVersion?: string;
  createdAt?: string;
  /** The Deployment that controls it. */
  owner?: string;
  revision?: number;
  changeCause?: string;
  images: ImageRef[];
}

export interface PodState {
  uid: string;
  name: string;
  resourceVersion?: string;
  /** The controlling owner: a ReplicaSet, StatefulSet or DaemonSet. */
  owner?: { kind: string; name: string };
  /** Why the pod is failing, when it is: `web: CrashLoopBackOff`. */
  failing?: string;
  restarts: Record<string, { count: number; last?: string }>;
}

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const REVISION = 'deployment.kubernetes.io/revision';
/** Container states that mean the pod will not run as it is (kubelet waiting reasons). */
const BAD_WAITING = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull', 'InvalidImageName',
  'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PreStartHookError', 'PostStartHookError']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const controllerOf = (meta: any): { kind: string; name: string } | undefined => {
  const ref = (Array.isArray(meta?.ownerReferences) ? meta.ownerReferences : []).find((r: any) => r?.controller) ?? meta?.ownerReferences?.[0];
  return ref && typeof ref.kind === 'string' && typeof ref.name === 'string' ? { kind: ref.kind, name: ref.name } : undefined;
};

function imagesOf(podSpec: any): ImageRef[] {
  const out: ImageRef[] = [];
  for (const [field, init] of [['initContainers', true], ['containers', false]] as const) {
    for (const c of Array.isArray(podSpec?.[field]) ? podSpec[field] : []) {
      if (typeof c?.name === 'string') out.push({ container: c.name, image: String(c.image ?? ''), init });
    }
  }
  return out;
}

/** The slim state of a Deployment, StatefulSet or DaemonSet (managedFields kept: they name who changed what). */
export function projectWorkload(raw: any): WorkloadState | undefined {
  const kind = raw?.kind;
  const uid = str(raw?.metadata?.uid);
  if (!uid || !(TRACKED_KINDS as readonly string[]).includes(kind)) return undefined;
  const spec = raw.spec ?? {};
  const template = spec.template ?? {};
  const s: WorkloadState = {
    uid, kind, name: String(raw.metadata.name ?? ''),
    paused: spec.paused === true,
    images: imagesOf(template.spec),
    template,
    managedFields: raw.metadata.managedFields,
  };
  if (raw.metadata.resourceVersion) s.resourceVersion = String(raw.metadata.resourceVersion);
  if (raw.metadata.creationTimestamp) s.createdAt = String(raw.metadata.creationTimestamp);
  if (kind !== 'DaemonSet') s.replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const restartedAt = str(template.metadata?.annotations?.[RESTARTED_AT]);
  if (restartedAt) s.restartedAt = restartedAt;
  if (kind === 'StatefulSet' && str(raw.status?.updateRevision)) s.updateRevision = raw.status.updateRevision;
  const conditions: any[] = Array.isArray(raw.status?.conditions) ? raw.status.conditions : [];
  const bad = conditions.find((c) => (c?.type === 'Progressing' && c.status === 'False') || (c?.type === 'ReplicaFailure' && c.status === 'True'));
  if (bad) s.stuck = [bad.reason, bad.message].filter(Boolean).join(': ') || String(bad.type);
  return s;
}

export function projectReplicaSet(raw: any): ReplicaSetState | undefined {
  const uid = str(raw?.metadata?.uid);
  if (!uid) return undefined;
  const meta = raw.metadata;
  const s: ReplicaSetState = { uid, name: String(meta.name ?? ''), images: imagesOf(raw.spec?.template?.spec) };
  if (meta.resourceVersion) s.resourceVersion = String(meta.resourceVersion);
  if (meta.creationTimestamp) s.createdAt = String(meta.creationTimestamp);
  const owner = controllerOf(meta);
  if (owner?.kind === 'Deployment') s.owner = owner.name;
  const rev = Number(meta.annotations?.[REVISION]);
  if (Number.isInteger(rev) && rev > 0) s.revision = rev;
  const cause = str(meta.annotations?.[CHANGE_CAUSE]);
  if (cause) s.changeCause = cause;
  return s;
}

export function projectPod(raw: any): PodState | undefined {
  const uid = str(raw?.metadata?.uid);
  if (!uid) return undefined;
  const s: PodState = { uid, name: String(raw.metadata.name ?? ''), restarts: {} };
  if (raw.metadata.resourceVersion) s.resourceVersion = String(raw.metadata.resourceVersion);
  const owner = controllerOf(raw.metadata);
  if (owner) s.owner = owner;
  const status = raw.status ?? {};
  const statuses: any[] = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  const reasons: string[] = [];
  if (status.phase === 'Failed') reasons.push(['Failed', status.reason].filter(Boolean).join(' '));
  for (const c of statuses) {
    if (typeof c?.name !== 'string') continue;
    const waiting = c.state?.waiting;
    if (waiting && BAD_WAITING.has(waiting.reason)) reasons.push(`${c.name}: ${waiting.reason}`);
    const term = c.state?.terminated;
    if (term && term.exitCode !== 0 && status.phase !== 'Succeeded' && !(status.initContainerStatuses ?? []).includes(c)) {
      reasons.push(`${c.name}: terminated (${term.reason ?? 'Error'}, exit ${term.exitCode})`);
    }
    const last = c.lastState?.terminated;
    s.restarts[c.name] = {
      count: Number(c.restartCount ?? 0),
      ...(last ? { last: `${last.reason ?? 'terminated'}, exit ${last.exitCode}` } : {}),
    };
  }
  if (reasons.length > 0) s.failing = reasons.join('; ');
  return s;
}

/**
 * Who changed the field at `steps` in the update from `before` to `managedFields`. First the writers
 * of this update (the managedFields entries it created or touched, writersOf), preferring the one that
 * owns the field; when the update left no trace in managedFields, the field's newest owner; for a
 * removed field, the object's latest writer (inferred). Field ownership alone misleads when several
 * managers own a parent of the changed field (a removed env var under a container created by
 * `kubectl apply` and rolled back by Wheelhouse) or share its one-second timestamp.
 */
export function attribute(managedFields: unknown, steps: FieldStep[], minDepth = steps.length, before?: unknown): Pick<TimelineChange, 'manager' | 'managerInferred' | 'operation' | 'subresource'> {
  const writers = before === undefined ? [] : writersOf(before, managedFields).filter((o) => o.subresource !== 'status');
  // A list item keyed by something other than `name` (ports, tolerations) is not addressable here:
  // walk up to the nearest owned parent instead.
  const ownersAt = (pick: (owners: FieldOwner[]) => FieldOwner | undefined): FieldOwner | undefined => {
    for (let n = steps.length; n >= minDepth; n--) {
      const o = pick(ownersOf(managedFields, steps.slice(0, n)));
      if (o) return o;
    }
    return undefined;
  };
  const writerKeys = new Set(writers.map(ownerKey));
  let owner = writers.length > 0 ? ownersAt((os) => os.find((o) => writerKeys.has(ownerKey(o)))) ?? writers[0] : undefined;
  owner ??= ownersAt((os) => os[0]);
  let inferred = false;
  if (!owner) { owner = allOwners(managedFields).find((o) => o.subresource !== 'status'); inferred = !!owner; }
  if (!owner) return {};
  return {
    manager: owner.manager,
    ...(inferred ? { managerInferred: true } : {}),
    ...(owner.operation ? { operation: owner.operation } : {}),
    ...(owner.subresource ? { subresource: owner.subresource } : {}),
  };
}

/** `spec.containers[web].env[FOO].value` → steps under spec.template. */
function templateSteps(path: string): FieldStep[] {
  const steps: FieldStep[] = ['spec', 'template'];
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(part);
    if (!m) { steps.push(part); continue; }
    steps.push(m[1]);
    for (const k of m[2].match(/\[[^\]]*\]/g) ?? []) steps.push({ name: k.slice(1, -1) });
  }
  return steps;
}

const imageText = (images: ImageRef[]) => images.filter((i) => !i.init).map((i) => i.image).join(', ') || images.map((i) => i.image).join(', ');

/** What changed between two states of one workload, in a stable order. */
export function diffWorkload(old: WorkloadState, next: WorkloadState): TimelineChange[] {
  const out: TimelineChange[] = [];
  const mf = next.managedFields;
  const by = (steps: FieldStep[], minDepth = steps.length) => attribute(mf, steps, minDepth, old.managedFields);
  if (old.replicas !== next.replicas && next.replicas !== undefined) {
    out.push({ kind: 'scale', summary: `Scaled ${old.replicas ?? '?'} → ${next.replicas}`, ...by(['spec', 'replicas']) });
  }
  const images = new Map(old.images.map((i) => [`${i.init}/${i.container}`, i.image]));
  const imageChanges = next.images.filter((i) => images.has(`${i.init}/${i.container}`) && images.get(`${i.init}/${i.container}`) !== i.image);
  if (imageChanges.length > 0) {
    const first = imageChanges[0];
    out.push({
      kind: 'image',
      summary: imageChanges.map((i) => `${i.container}: ${images.get(`${i.init}/${i.container}`)} → ${i.image}`).join('; '),
      ...by(['spec', 'template', 'spec', first.init ? 'initContainers' : 'containers', { name: first.container }, 'image'], 5),
    });
  }
  if (next.restartedAt && next.restartedAt !== old.restartedAt) {
    out.push({ kind: 'restart', summary: `Restarted (restartedAt ${next.restartedAt})`, ...by(['spec', 'template', 'metadata', 'annotations', RESTARTED_AT]) });
  }
  // Everything else in the template: containers added or removed, env, resources, labels...
  const rest = diffPodTemplates(old.template as any, next.template as any).filter((c) =>
    !/^spec\.(initContainers|containers)\[[^\]]*\]\.image$/.test(c.path) && c.path !== `metadata.annotations.${RESTARTED_AT}`);
  if (rest.length > 0) {
    const shown = rest.slice(0, 3).map((c) => c.path).join(', ');
    out.push({ kind: 'template', summary: `Pod template changed: ${shown}${rest.length > 3 ? ` and ${rest.length - 3} more` : ''}`, ...by(templateSteps(rest[0].path), 2) });
  }
  if (old.paused !== next.paused) {
    out.push({ kind: next.paused ? 'paused' : 'resumed', summary: next.paused ? 'Rollout paused' : 'Rollout resumed', ...by(['spec', 'paused']) });
  }
  if (next.updateRevision && old.updateRevision && next.updateRevision !== old.updateRevision) {
    out.push({ kind: 'revision', summary: `New revision ${next.updateRevision}`, object: next.updateRevision });
  }
  if (next.stuck && next.stuck !== old.stuck) out.push({ kind: 'degraded', summary: `Rollout failing: ${next.stuck}` });
  if (!next.stuck && old.stuck) out.push({ kind: 'recovered', summary: 'Rollout progressing again' });
  return out;
}

/** A ReplicaSet that appeared or took a new revision number (a rollback reuses the old one). */
export function diffReplicaSet(old: ReplicaSetState | undefined, next: ReplicaSetState): TimelineChange[] {
  if (!next.owner || next.revision === undefined) return [];
  const cause = next.changeCause ? ` — ${next.changeCause}` : '';
  if (!old) {
    return [{ kind: 'revision', summary: `New ReplicaSet ${next.name}: revision ${next.revision} (${imageText(next.images)})${cause}`, revision: next.revision, object: next.name }];
  }
  if (old.revision !== next.revision) {
    return [{ kind: 'revision', summary: `ReplicaSet ${next.name} (${imageText(next.images)}) is revision ${next.revision} now, was ${old.revision ?? 'none'}${cause}`, revision: next.revision, object: next.name }];
  }
  return [];
}

/** A pod that started failing, stopped failing, or restarted a container. */
export function diffPod(old: PodState | undefined, next: PodState): TimelineChange[] {
  const out: TimelineChange[] = [];
  if (next.failing && next.failing !== old?.failing) out.push({ kind: 'degraded', summary: `Pod ${next.name} failing: ${next.failing}`, object: next.name });
  if (!next.failing && old?.failing) out.push({ kind: 'recovered', summary: `Pod ${next.name} no longer failing`, object: next.name });
  if (old) {
    for (const [container, r] of Object.entries(next.restarts)) {
      const before = old.restarts[container]?.count ?? 0;
      if (r.count > before) out.push({ kind: 'degraded', summary: `Pod ${next.name}: container ${container} restarted (${r.count}${r.last ? `; last ${r.last}` : ''})`, object: next.name });
    }
  }
  return out;
}

/**
 * What a timeline starts with when recording begins: the workload's creation and, for a Deployment,
 * each revision its ReplicaSets still hold, at their creation times (oldest first).
 */
export function historyOf(w: WorkloadState, replicaSets: ReplicaSetState[]): (TimelineChange & { at: string })[] {
  const out: (TimelineChange & { at: string })[] = [];
  // Its images then are not known (the template may have changed since): the revisions below say them.
  if (w.createdAt) out.push({ at: w.createdAt, kind: 'created', summary: `${w.kind} ${w.name} created` });
  for (const rs of replicaSets) {
    if (rs.owner !== w.name || rs.revision === undefined || !rs.createdAt) continue;
    out.push({ at: rs.createdAt, kind: 'revision', summary: `ReplicaSet ${rs.name}: revision ${rs.revision} (${imageText(rs.images)})${rs.changeCause ? ` — ${rs.changeCause}` : ''}`, revision: rs.revision, object: rs.name });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.revision ?? 0) - (b.revision ?? 0));
}
