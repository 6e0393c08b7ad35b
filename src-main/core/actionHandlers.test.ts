import { describe, expect, it } from 'vitest';
import { actionHandlers } from './actionHandlers';
import { ContractSession } from '../transport/contractSession';
import type { Core, CoreState } from './core';
import type { ServerFrame } from '../../shared/contract';

/**
 * A session over the action handlers with a core that must never be reached: only validation runs. Its
 * per-core state (the activity log) may be made; any cluster access throws.
 */
function session() {
  const frames: ServerFrame[] = [];
  const states = new Map<unknown, unknown>();
  const unreachable: Core = new Proxy({}, {
    get: (_t, prop) => {
      if (prop === 'state') return (key: CoreState<unknown>) => { if (!states.has(key)) states.set(key, key.create(unreachable)); return states.get(key); };
      throw new Error('the core was reached');
    },
  }) as unknown as Core;
  const s = new ContractSession(actionHandlers(unreachable), (f) => frames.push(f));
  return { s, frames };
}
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('action params are validated before anything runs', () => {
  const valid = { context: 'c', namespace: 'shop', kind: 'Deployment', name: 'web', replicas: 3 };
  it.each([
    ['replicas above 100000', { ...valid, replicas: 100_001 }],
    ['negative replicas', { ...valid, replicas: -1 }],
    ['fractional replicas', { ...valid, replicas: 1.5 }],
    ['a name over 253 characters', { ...valid, name: 'a'.repeat(254) }],
    ['a name with a slash', { ...valid, name: 'web/../x' }],
    ['an invalid namespace', { ...valid, namespace: 'Shop_1' }],
    ['an unknown kind', { ...valid, kind: 'DaemonSet' }],
  ])('scale rejects %s', async (_what, params) => {
    const { s, frames } = session();
    s.receive({ t: 'req', id: 1, method: 'actions.scale', params });
    await settle();
    expect(frames).toEqual([expect.objectContaining({ t: 'res', id: 1, ok: false, error: expect.objectContaining({ code: 'bad-request' }) })]);
  });

  it('undo rejects a negative revision, delete an unknown propagation policy, drain a zero timeout', async () => {
    const { s, frames } = session();
    s.receive({ t: 'req', id: 1, method: 'actions.rolloutUndo', params: { context: 'c', namespace: 'n', kind: 'Deployment', name: 'w', toRevision: -1 } });
    s.receive({ t: 'req', id: 2, method: 'actions.delete', params: { context: 'c', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'n', name: 'w', propagationPolicy: 'Sideways' } });
    s.receive({ t: 'sub', id: 3, topic: 'actions.drain', params: { context: 'c', node: 'n1', timeoutSeconds: 0 } });
    await settle();
    expect(frames.map((f) => (f.t === 'res' && !f.ok ? f.error.code : f.t === 'end' ? f.error?.code : f.t))).toEqual(['bad-request', 'bad-request', 'bad-request']);
  });

  it('lists an empty activity log without touching a cluster', async () => {
    const { s, frames } = session();
    s.receive({ t: 'req', id: 1, method: 'activity.list', params: {} });
    await settle();
    expect(frames).toEqual([{ t: 'res', id: 1, ok: true, result: { entries: [] } }]);
  });
});
