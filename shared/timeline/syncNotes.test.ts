import { describe, expect, it } from 'vitest';
import { syncNotes } from './syncNotes';

describe('syncNotes', () => {
  const app = { name: 'shop', namespace: 'prod' };
  const items = [
    { kind: 'Deployment', name: 'web', namespace: 'prod', outcome: 'configured' },
    { kind: 'StatefulSet', name: 'db', outcome: 'created' },
    { kind: 'DaemonSet', name: 'agent', namespace: 'ops', outcome: 'pruned' },
    { kind: 'Deployment', name: 'api', namespace: 'prod', outcome: 'conflict' },
    { kind: 'Deployment', name: 'old', namespace: 'prod', outcome: 'error' },
    { kind: 'ConfigMap', name: 'cfg', namespace: 'prod', outcome: 'configured' },
  ];

  it('notes each workload the sync wrote, in its namespace (the app\'s when it names none), with the revision', () => {
    expect(syncNotes(app, { sha: 'abc1234', dirty: false }, items, 'wheelhouse')).toEqual([
      { kind: 'Deployment', namespace: 'prod', name: 'web', change: { kind: 'synced', summary: 'Synced by application shop at revision abc1234', manager: 'wheelhouse', operation: 'Apply' } },
      { kind: 'StatefulSet', namespace: 'prod', name: 'db', change: { kind: 'synced', summary: 'Created by application shop at revision abc1234', manager: 'wheelhouse', operation: 'Apply' } },
      { kind: 'DaemonSet', namespace: 'ops', name: 'agent', change: { kind: 'synced', summary: 'Pruned by application shop at revision abc1234', manager: 'wheelhouse', operation: 'Delete' } },
    ]);
  });

  it('says when the folder had uncommitted changes, and nothing of a revision outside git', () => {
    expect(syncNotes(app, { sha: 'abc1234', dirty: true }, items.slice(0, 1), 'wheelhouse')[0].change.summary).toBe('Synced by application shop at revision abc1234 (with uncommitted changes)');
    expect(syncNotes(app, undefined, items.slice(0, 1), 'wheelhouse')[0].change.summary).toBe('Synced by application shop');
  });
});
