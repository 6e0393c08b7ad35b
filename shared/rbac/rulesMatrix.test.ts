import { describe, expect, it } from 'vitest';
import { kindRows, matrixColumns, resourceLabel, rowAllows, ruleRows } from './rulesMatrix';
import { parseResourceText } from './resourceText';
import { identityOf, impersonatedIdentity } from './identity';
import { aggregatedFrom, aggregatedRules } from './aggregation';
import type { RbacRole } from './rbacObjects';

describe('ruleRows (kubectl auth can-i --list)', () => {
  it('breaks rules down per group, resource and name and merges verbs in first-seen order', () => {
    const rows = ruleRows({
      resourceRules: [
        { verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments/scale'] },
        { verbs: ['delete', 'get'], apiGroups: [''], resources: ['pods'] },
        { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['x', 'y'] },
      ],
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/api/*'] }],
    });
    expect(rows.map((r) => [r.label, r.resourceName ?? r.nonResourceURL ?? '', r.verbs.join(' ')])).toEqual([
      ['configmaps', 'x', 'get'], ['configmaps', 'y', 'get'], ['deployments.apps/scale', '', 'get list'], ['deployments/scale', '', 'get list'],
      ['pods', '', 'get list delete'], ['pods.apps', '', 'get list'], ['', '/api/*', 'get'], ['', '/healthz', 'get'],
    ]);
    expect(resourceLabel('*', '*')).toBe('*.*');
    expect(rowAllows({ label: 'x', verbs: ['*'] }, 'patch')).toBe(true);
    expect(matrixColumns([{ label: 'x', verbs: ['impersonate', '*'] }])).toContain('impersonate');
  });
});

describe('parseResourceText', () => {
  it('reads kubectl forms', () => {
    expect(parseResourceText('deploy/scale')).toEqual({ group: 'apps', resource: 'deployments', subresource: 'scale' });
    expect(parseResourceText('widgets.example.com')).toEqual({ group: 'example.com', resource: 'widgets' });
    expect(parseResourceText('pods/log')).toEqual({ group: '', resource: 'pods', subresource: 'log' });
    expect(parseResourceText('a b')).toHaveProperty('error');
  });
});

describe('identity and aggregation', () => {
  it('adds the implicit groups', () => {
    expect(identityOf('system:serviceaccount:ns:sa').groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:ns', 'system:authenticated']);
    expect(identityOf('bob', ['dev']).groups).toEqual(['dev', 'system:authenticated']);
    // Impersonating a ServiceAccount with named groups: its own groups are not added (impersonation.go).
    expect(impersonatedIdentity('system:serviceaccount:ns:sa', ['team']).groups).toEqual(['team', 'system:authenticated']);
    expect(impersonatedIdentity('system:serviceaccount:ns:sa', []).groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:ns', 'system:authenticated']);
  });
  it('aggregates the matching ClusterRoles in name order, each rule once', () => {
    const r = (name: string, labels: Record<string, string>, verbs: string[]): RbacRole => ({ kind: 'ClusterRole', name, uid: name, labels, rules: [{ verbs, apiGroups: [''], resources: ['pods'] }] });
    const all = [r('b', { agg: 'y' }, ['get']), r('a', { agg: 'y' }, ['list']), r('c', { agg: 'n' }, ['get']), r('d', { agg: 'y' }, ['get'])];
    const top: RbacRole = { kind: 'ClusterRole', name: 'top', uid: 't', rules: [], aggregationSelectors: [{ matchLabels: { agg: 'y' } }] };
    expect(aggregatedFrom(top, all).map((c) => c.name)).toEqual(['a', 'b', 'd']);
    expect(aggregatedRules(top, all).map((x) => x.verbs[0])).toEqual(['list', 'get']);
  });
});

describe('kindRows', () => {
  it('marks each verb of each kind allowed only when a rule allows it on the whole resource', () => {
    const rows = kindRows({ resourceRules: [{ verbs: ['*'], apiGroups: [''], resources: ['pods'] }, { verbs: ['get'], apiGroups: [''], resources: ['nodes'], resourceNames: ['n1'] }], nonResourceRules: [] },
      [{ group: '', resource: 'pods', namespaced: true }, { group: '', resource: 'nodes', namespaced: false }]);
    expect([...rows[0].allowed]).toEqual(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
    expect([...rows[1].allowed]).toEqual([]);
  });
});
