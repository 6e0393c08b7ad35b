// Which actions an object offers and which RBAC checks each needs (SelfSubjectAccessReview attributes).
// Declared once: the core checks exactly these before it writes (src-main/core/actions/accessCheck.ts),
// and the renderer asks the same ones up front, so a button is disabled with the reason before a person
// clicks it. Pure, tested beside.

import { hasCapability, resourceOf } from '../model/kinds';

export type ObjectActionId = 'scale' | 'restart' | 'pause' | 'resume' | 'edit' | 'expose' | 'delete' | 'cordon' | 'uncordon' | 'drain' | 'debug' | 'nodeShell';
/**
 * Every action with declared needs: the menu's, plus replacing an object, the rollout tab's reads and
 * rollback, the Files tab, and `create` (an object of `ref.resource` in `ref.namespace`: the New menu's forms).
 */
export type AccessAction = ObjectActionId | 'replace' | 'rolloutStatus' | 'rolloutHistory' | 'rollback' | 'files' | 'create';

export interface AccessCheck { verb: string; group: string; resource: string; subresource?: string; namespace?: string; name?: string }
export interface ObjectRef { group: string; resource: string; namespace?: string; name: string }
/** `pending` while the answer is not in yet (then `allowed` is false: nothing is enabled on a guess). */
export interface Verdict { allowed: boolean; reason?: string; pending?: boolean }


/** The actions offered for an object, in menu order. */
export function actionsFor(kind: string | undefined, obj: any): ObjectActionId[] {
  const out: ObjectActionId[] = [];
  if (hasCapability(kind, 'scalable')) out.push('scale');
  if (hasCapability(kind, 'restartable')) out.push('restart');
  if (hasCapability(kind, 'pausable')) out.push(obj?.spec?.paused ? 'resume' : 'pause');
  if (kind === 'Node') out.push(obj?.spec?.unschedulable ? 'uncordon' : 'cordon', 'drain', 'nodeShell');
  if (kind === 'Pod') out.push('debug');
  out.push('edit');
  if (hasCapability(kind, 'exposable')) out.push('expose');
  out.push('delete');
  return out;
}

/** Why the object's own state rules an allowed action out (restart of a paused rollout), if it does. */
export function stateBlock(action: ObjectActionId, obj: any): string | undefined {
  if (action === 'restart' && obj?.kind === 'Deployment' && obj?.spec?.paused) return 'The rollout is paused: resume it before restarting.';
  return undefined;
}

/**
 * What the API server must allow for one action on this object. Restart, pause, resume, cordon and
 * edit read the object before they patch it; the read needs no check of its own (a denied GET fails
 * with the API server's 403), the write is what a person must be allowed.
 */
export function accessChecks(action: AccessAction, ref: ObjectRef): AccessCheck[] {
  const on = (verb: string, subresource?: string): AccessCheck => ({
    verb, group: ref.group, resource: ref.resource, name: ref.name,
    ...(subresource ? { subresource } : {}), ...(ref.namespace ? { namespace: ref.namespace } : {}),
  });
  const collection = (verb: string, r: { group: string; resource: string }): AccessCheck =>
    ({ verb, group: r.group, resource: r.resource, ...(ref.namespace ? { namespace: ref.namespace } : {}) });
  // A Deployment's revisions are its ReplicaSets; a StatefulSet's or DaemonSet's, its ControllerRevisions.
  const revisions = () => resourceOf(ref.resource === resourceOf('Deployment').resource ? 'ReplicaSet' : 'ControllerRevision');
  switch (action) {
    case 'scale': return [on('get', 'scale'), on('patch', 'scale')];
    case 'restart': case 'pause': case 'resume': case 'edit': case 'cordon': case 'uncordon': return [on('patch')];
    case 'replace': return [on('update')];
    case 'delete': return [on('delete')];
    // `kubectl expose` reads the object and creates a Service beside it.
    case 'expose': return [on('get'), collection('create', resourceOf('Service'))];
    case 'create': return [collection('create', ref)];
    case 'rolloutStatus': return [collection('list', ref), collection('watch', ref)];
    case 'rolloutHistory': return [on('get'), collection('list', revisions())];
    case 'rollback': return [...accessChecks('rolloutHistory', ref), on('patch')];
    // kubectl debug: the ephemeralcontainers patch, then a shell in it (we exec; kubectl attaches).
    case 'debug': return [on('patch', 'ephemeralcontainers'), on('create', 'exec')];
    // kubectl debug node/N: a pod in the namespace (ref.namespace), a shell in it, and our cleanup.
    case 'nodeShell': return [
      { verb: 'create', group: '', resource: 'pods', namespace: ref.namespace ?? 'default' },
      { verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace: ref.namespace ?? 'default' },
      { verb: 'delete', group: '', resource: 'pods', namespace: ref.namespace ?? 'default' },
    ];
    // Files: ls/find and tar run over exec.
    case 'files': return [on('create', 'exec')];
    case 'drain': return [
      on('patch'),
      { verb: 'list', group: '', resource: 'pods' },
      { verb: 'create', group: '', resource: 'pods', subresource: 'eviction' },
    ];
  }
}

/** `patch deployments.apps/scale "web" in namespace "shop"`, as the core words it. */
export function describeCheck(c: AccessCheck): string {
  const what = `${c.resource}${c.group ? `.${c.group}` : ''}${c.subresource ? `/${c.subresource}` : ''}`;
  return `${c.verb} ${what}${c.name ? ` "${c.name}"` : ''}${c.namespace ? ` in namespace "${c.namespace}"` : c.name ? '' : ' in all namespaces'}`;
}

/** All checks of several actions as one request, and how to read the answers back per action. */
export function planChecks(actions: ObjectActionId[], ref: ObjectRef): { checks: AccessCheck[]; read(answers: { allowed: boolean; reason?: string }[]): Record<string, Verdict> } {
  const checks: AccessCheck[] = [];
  const index = new Map<string, number>();
  const per = actions.map((a) => ({
    action: a,
    slots: accessChecks(a, ref).map((c) => {
      const key = JSON.stringify(c);
      if (!index.has(key)) { index.set(key, checks.length); checks.push(c); }
      return index.get(key)!;
    }),
  }));
  return {
    checks,
    read(answers) {
      const out: Record<string, Verdict> = {};
      for (const { action, slots } of per) {
        const denied = slots.find((i) => answers[i]?.allowed !== true);
        out[action] = denied === undefined ? { allowed: true }
          : { allowed: false, reason: `Not allowed to ${describeCheck(checks[denied])}${answers[denied]?.reason ? `: ${answers[denied].reason}` : ''}` };
      }
      return out;
    },
  };
}
