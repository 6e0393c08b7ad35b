import { describe, expect, it } from 'vitest';
import { accessChecks, actionsFor, describeCheck, planChecks } from './actionAccess';

const web = { group: 'apps', resource: 'deployments', namespace: 'shop', name: 'web' };

describe('actionAccess', () => {
  it('offers the actions a kind has', () => {
    expect(actionsFor('Deployment', { spec: {} })).toEqual(['scale', 'restart', 'pause', 'edit', 'expose', 'delete']);
    expect(actionsFor('Deployment', { spec: { paused: true } })).toEqual(['scale', 'restart', 'resume', 'edit', 'expose', 'delete']);
    expect(actionsFor('DaemonSet', {})).toEqual(['restart', 'edit', 'delete']);
    expect(actionsFor('Node', { spec: { unschedulable: true } })).toEqual(['uncordon', 'drain', 'nodeShell', 'edit', 'delete']);
    expect(actionsFor('Pod', {})).toEqual(['debug', 'edit', 'expose', 'delete']);
    expect(actionsFor('ConfigMap', {})).toEqual(['edit', 'delete']);
  });

  it('debug needs the ephemeralcontainers patch and exec; a node shell creates, execs into and deletes a pod', () => {
    expect(accessChecks('debug', { group: '', resource: 'pods', namespace: 'demo', name: 'p' }).map(describeCheck))
      .toEqual(['patch pods/ephemeralcontainers "p" in namespace "demo"', 'create pods/exec "p" in namespace "demo"']);
    expect(accessChecks('nodeShell', { group: '', resource: 'nodes', name: 'n1' }).map(describeCheck))
      .toEqual(['create pods in namespace "default"', 'create pods/exec in namespace "default"', 'delete pods in namespace "default"']);
    expect(accessChecks('files', { group: '', resource: 'pods', namespace: 'demo', name: 'p' }).map(describeCheck)).toEqual(['create pods/exec "p" in namespace "demo"']);
  });

  it('checks the scale subresource for scale, and eviction in every namespace for drain', () => {
    expect(accessChecks('scale', web)).toEqual([
      { verb: 'get', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'shop', name: 'web' },
      { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'shop', name: 'web' },
    ]);
    const drain = accessChecks('drain', { group: '', resource: 'nodes', name: 'n1' });
    expect(drain.map(describeCheck)).toEqual(['patch nodes "n1"', 'list pods in all namespaces', 'create pods/eviction in all namespaces']);
  });

  it('asks each distinct check once and reads a verdict per action with the first denial as the reason', () => {
    const plan = planChecks(['restart', 'pause', 'edit', 'delete'], web);
    expect(plan.checks).toHaveLength(2);
    const v = plan.read([{ allowed: true }, { allowed: false, reason: 'RBAC: no' }]);
    expect(v.restart).toEqual({ allowed: true });
    expect(v.delete).toEqual({ allowed: false, reason: 'Not allowed to delete deployments.apps "web" in namespace "shop": RBAC: no' });
  });
});

describe('declared needs the core checks too', () => {
  it('reads rollout history from ReplicaSets for a Deployment and ControllerRevisions otherwise; rollback adds the patch', () => {
    expect(accessChecks('rolloutHistory', web).map(describeCheck)).toEqual(['get deployments.apps "web" in namespace "shop"', 'list replicasets.apps in namespace "shop"']);
    const db = { group: 'apps', resource: 'statefulsets', namespace: 'shop', name: 'db' };
    expect(accessChecks('rollback', db).map(describeCheck)).toEqual([
      'get statefulsets.apps "db" in namespace "shop"', 'list controllerrevisions.apps in namespace "shop"', 'patch statefulsets.apps "db" in namespace "shop"',
    ]);
    expect(accessChecks('rolloutStatus', web).map(describeCheck)).toEqual(['list deployments.apps in namespace "shop"', 'watch deployments.apps in namespace "shop"']);
    expect(accessChecks('replace', web).map((c) => c.verb)).toEqual(['update']);
  });
});

describe('expose and create', () => {
  it('expose is offered where kubectl can expose, and needs the object read and a Service created beside it', () => {
    expect(actionsFor('Pod', {})).toEqual(['debug', 'edit', 'expose', 'delete']);
    expect(actionsFor('Service', {})).toEqual(['edit', 'expose', 'delete']);
    expect(actionsFor('StatefulSet', {})).not.toContain('expose');
    expect(accessChecks('expose', web).map(describeCheck)).toEqual(['get deployments.apps "web" in namespace "shop"', 'create services in namespace "shop"']);
  });

  it('create asks for the collection (a namespace, or cluster-wide for cluster kinds)', () => {
    expect(accessChecks('create', { group: '', resource: 'configmaps', namespace: 'shop', name: '' }).map(describeCheck)).toEqual(['create configmaps in namespace "shop"']);
    expect(accessChecks('create', { group: '', resource: 'namespaces', name: '' }).map(describeCheck)).toEqual(['create namespaces in all namespaces']);
  });
});
