// RBAC answers against the real test cluster, kubectl as the oracle: the rules matrix equals
// `kubectl auth can-i --list`, can-i equals `kubectl auth can-i ... --as/--as-group` on 33 cases, and
// who-can / effective permissions equal a reference worked out here, by hand-written rules written
// independently of shared/rbac, from `kubectl get ... -o json`. The test makes its own namespaces,
// roles, an aggregated ClusterRole (unique label) and bindings, and deletes them afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LIMITED, eventually, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { caller } from '../../testing/helmTestKit';
import { rbacHandlers } from './rbacHandlers';
import { rowRequest, ruleRows } from '../../../shared/rbac/rulesMatrix';
import { whoCan, boundRoles, bindingProblems, grantsFor } from '../../../shared/rbac/rbacGrants';
import { aggregatedRules } from '../../../shared/rbac/aggregation';
import { identityOf } from '../../../shared/rbac/identity';
import type { AccessRequest } from '../../../shared/rbac/policyRule';
import type { RbacObjects } from '../../../shared/rbac/rbacObjects';
import type { RbacObjectsEvent, RulesReviewResult } from '../../../shared/contract/rbac';
import type { Core } from '../core';
import type { Handlers } from '../handlers';

const S = randomName('whr').slice(4);
const A = `wh-rbac-a-${S}`;
const B = `wh-rbac-b-${S}`;
const AGG = `wh-rbac-agg-${S}`;
const LABEL = `wheelhouse.test/rbac-agg-${S}`;
const CR = (n: string) => `wh-rbac-${n}-${S}`;
const alice = `alice-${S}`;
const bob = `bob-${S}`;
const carol = `carol-${S}`;
const team = `team-${S}`;
const bot = `system:serviceaccount:${A}:bot`;
const url = `/wh-rbac-${S}`;

const rbac = (kind: string, name: string, body: object, namespace?: string) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...body });
const ref = (kind: string, name: string) => ({ roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name } });
const user = (name: string) => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name });
const group = (name: string) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name });

const objects = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'bot', namespace: A } },
  rbac('ClusterRole', AGG, { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [LABEL]: 'true' } }] } }),
  { ...rbac('ClusterRole', CR('part1'), { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] }), metadata: { name: CR('part1'), labels: { [LABEL]: 'true' } } },
  { ...rbac('ClusterRole', CR('part2'), { rules: [{ apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['get'] }] }), metadata: { name: CR('part2'), labels: { [LABEL]: 'true' } } },
  rbac('ClusterRole', CR('wild'), { rules: [{ apiGroups: ['apps'], resources: ['*'], verbs: ['*'] }] }),
  rbac('ClusterRole', CR('nodes'), { rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }] }),
  rbac('ClusterRole', CR('url'), { rules: [{ nonResourceURLs: [`${url}/*`, `${url}-health`], verbs: ['get'] }] }),
  rbac('Role', 'named', { rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['cfg-a'], verbs: ['get', 'update'] }] }, A),
  rbac('Role', 'status', { rules: [{ apiGroups: [''], resources: ['*/status'], verbs: ['get'] }] }, A),
  rbac('RoleBinding', 'agg', { ...ref('ClusterRole', AGG), subjects: [user(alice)] }, A),
  rbac('RoleBinding', 'wild', { ...ref('ClusterRole', CR('wild')), subjects: [group(team)] }, B),
  rbac('RoleBinding', 'named', { ...ref('Role', 'named'), subjects: [{ kind: 'ServiceAccount', name: 'bot' }] }, A),
  rbac('RoleBinding', 'status', { ...ref('Role', 'status'), subjects: [group(`system:serviceaccounts:${A}`)] }, A),
  rbac('RoleBinding', 'dangling', { ...ref('Role', `missing-${S}`), subjects: [{ kind: 'ServiceAccount', name: 'ghost', namespace: A }] }, A),
  rbac('ClusterRoleBinding', CR('nodes'), { ...ref('ClusterRole', CR('nodes')), subjects: [user(carol)] }),
  rbac('ClusterRoleBinding', CR('url'), { ...ref('ClusterRole', CR('url')), subjects: [group(team)] }),
];

// ---- kubectl, parsed ------------------------------------------------------------------------------

/** `kubectl auth can-i`: "yes", or "no[ - reason][ - evaluationError]" with exit code 1. */
async function kubectlCanI(args: string[], context = ADMIN): Promise<{ allowed: boolean; text: string }> {
  try {
    const out = await kubectl(['auth', 'can-i', ...args], { context });
    return { allowed: true, text: out.trim() };
  } catch (e: any) {
    if (e.code === 1 && /^no\b/.test(String(e.stdout))) return { allowed: false, text: String(e.stdout).trim() };
    throw e;
  }
}

/** `kubectl auth can-i --list` as atoms `label|name|url|verb`. */
function parseCanIList(out: string): Set<string> {
  const atoms = new Set<string>();
  for (const line of out.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const m = /^(\S*)\s+\[(.*?)\]\s+\[(.*?)\]\s+\[(.*?)\]\s*$/.exec(line);
    if (!m) throw new Error(`unparsed kubectl line: ${line}`);
    const [, label, urls, names, verbs] = m;
    for (const v of verbs.split(' ').filter(Boolean)) atoms.add(`${label}|${names}|${urls}|${v}`);
  }
  return atoms;
}

function ourAtoms(review: RulesReviewResult): Set<string> {
  const atoms = new Set<string>();
  for (const row of ruleRows(review)) for (const v of row.verbs) atoms.add(`${row.label}|${row.resourceName ?? ''}|${row.nonResourceURL ?? ''}|${v}`);
  return atoms;
}

// ---- the reference for who-can: hand-written, from kubectl's JSON ----------------------------------

interface Req { verb: string; group?: string; resource?: string; sub?: string; name?: string; ns?: string; url?: string }

function refRuleAllows(rule: any, q: Req): boolean {
  const verbs: string[] = rule.verbs ?? [];
  if (!verbs.includes('*') && !verbs.includes(q.verb)) return false;
  if (q.url !== undefined) {
    return (rule.nonResourceURLs ?? []).some((u: string) => u === '*' || u === q.url || (u.endsWith('*') && q.url!.startsWith(u.slice(0, u.length - 1))));
  }
  const groups: string[] = rule.apiGroups ?? [];
  if (!groups.includes('*') && !groups.includes(q.group!)) return false;
  const want = q.sub ? `${q.resource}/${q.sub}` : q.resource!;
  const resOk = (rule.resources ?? []).some((r: string) => r === '*' || r === want || (q.sub !== undefined && r === `*/${q.sub}`));
  if (!resOk) return false;
  const names: string[] = rule.resourceNames ?? [];
  return names.length === 0 || (q.name !== undefined && names.includes(q.name));
}

function referenceWhoCan(all: { roles: any[]; clusterroles: any[]; rolebindings: any[]; clusterrolebindings: any[] }, q: Req): string[] {
  const out = new Set<string>();
  const consider = (b: any) => {
    const role = b.roleRef.kind === 'ClusterRole'
      ? all.clusterroles.find((r) => r.metadata.name === b.roleRef.name)
      : all.roles.find((r) => r.metadata.name === b.roleRef.name && r.metadata.namespace === b.metadata.namespace);
    if (!role || !(role.rules ?? []).some((r: any) => refRuleAllows(r, q))) return;
    for (const s of b.subjects ?? []) out.add(s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace || b.metadata.namespace}/${s.name}` : `${s.kind} ${s.name}`);
  };
  all.clusterrolebindings.forEach(consider);
  if (q.ns) all.rolebindings.filter((b) => b.metadata.namespace === q.ns).forEach(consider);
  return [...out].sort();
}

async function kubectlRbac() {
  const items = async (r: string) => JSON.parse(await kubectl(['get', r, '-A', '-o', 'json'])).items;
  return { roles: await items('roles'), clusterroles: await items('clusterroles'), rolebindings: await items('rolebindings'), clusterrolebindings: await items('clusterrolebindings') };
}

const asRequest = (q: Req): AccessRequest => (q.url !== undefined ? { verb: q.verb, nonResourceURL: q.url }
  : { verb: q.verb, group: q.group ?? '', resource: q.resource!, ...(q.sub ? { subresource: q.sub } : {}), ...(q.name ? { name: q.name } : {}), ...(q.ns ? { namespace: q.ns } : {}) });

// ---------------------------------------------------------------------------------------------------

describe('RBAC answers, kubectl as the oracle (real test cluster)', () => {
  let core: Core;
  let h: Handlers;
  let call: ReturnType<typeof caller>;
  let latest: RbacObjectsEvent | undefined;
  let close: () => void = () => {};

  beforeAll(async () => {
    core = newCore();
    h = rbacHandlers(core);
    call = caller(h);
    await kubectl(['create', 'namespace', A]);
    await kubectl(['create', 'namespace', B]);
    await kubectl(['apply', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }) });
    // The controller-manager's aggregation controller fills the aggregated role in.
    await eventually(async () => JSON.parse(await kubectl(['get', 'clusterrole', AGG, '-o', 'json'])).rules?.length === 2, 30_000, 'aggregated rules');
    close = (h.topics['rbac.objects'] as any)({ context: ADMIN }, { emit: (e: RbacObjectsEvent) => { latest = e; }, end: () => {}, unacked: () => 0, congested: () => false });
  }, 120_000);

  afterAll(async () => {
    close();
    await kubectl(['delete', 'namespace', A, B, '--wait=false']).catch(() => undefined);
    await kubectl(['delete', 'clusterrole', AGG, CR('part1'), CR('part2'), CR('wild'), CR('nodes'), CR('url'), '--ignore-not-found']).catch(() => undefined);
    await kubectl(['delete', 'clusterrolebinding', CR('nodes'), CR('url'), '--ignore-not-found']).catch(() => undefined);
    await core?.dispose();
  });

  for (const [context, ns] of [[ADMIN, 'demo'], [ADMIN, A], [LIMITED, 'demo'], [LIMITED, A]] as const) {
    it(`the matrix of ${context} in ${ns === A ? 'a test namespace' : ns} equals kubectl auth can-i --list`, async () => {
      // Other tests may change cluster-wide RBAC meanwhile: both sides are read again until they agree.
      let last = '';
      await eventually(async () => {
        const ours = ourAtoms(await call('rbac.rulesReview', { context, namespace: ns }));
        const theirs = parseCanIList(await kubectl(['auth', 'can-i', '--list', '-n', ns], { context }));
        last = JSON.stringify({ onlyOurs: [...ours].filter((a) => !theirs.has(a)), onlyKubectl: [...theirs].filter((a) => !ours.has(a)) });
        return ours.size > 0 && ours.size === theirs.size && [...ours].every((a) => theirs.has(a));
      }, 20_000, 'the same atoms').catch((e) => { throw new Error(`${e.message}\n${last}`); });
      if (context === LIMITED && ns === 'demo') {
        const review = await call('rbac.rulesReview', { context, namespace: ns });
        expect(ruleRows(review).some((r) => r.label === 'pods' && r.verbs.includes('delete'))).toBe(true);
        expect(ruleRows(review).some((r) => r.label === 'nodes')).toBe(false);
      }
    }, 60_000);
  }

  it('the cluster-wide matrix (namespace "") equals kubectl auth can-i --list in a namespace that does not exist', async () => {
    for (const context of [ADMIN, LIMITED]) {
      await eventually(async () => {
        const ours = ourAtoms(await call('rbac.rulesReview', { context, namespace: '' }));
        const theirs = parseCanIList(await kubectl(['auth', 'can-i', '--list', '-n', `wh-rbac-none-${S}`], { context }));
        return ours.size > 0 && ours.size === theirs.size && [...ours].every((a) => theirs.has(a));
      }, 20_000, `the same cluster-wide atoms for ${context}`);
    }
    const limited = ruleRows(await call('rbac.rulesReview', { context: LIMITED, namespace: '' }));
    expect(limited.some((r) => r.label === 'pods')).toBe(false);
  }, 60_000);

  // [verb, resource-as-kubectl-reads-it, parsed, name, namespace ('' = all namespaces / cluster), as, groups]
  type Case = [string, string, Omit<Req, 'verb' | 'ns' | 'name'>, string | undefined, string, string | undefined, string[]];
  const cases: Case[] = [
    ['get', 'pods', { group: '', resource: 'pods' }, undefined, A, alice, []],                               // aggregated
    ['list', 'pods', { group: '', resource: 'pods' }, undefined, A, alice, []],
    ['delete', 'pods', { group: '', resource: 'pods' }, undefined, A, alice, []],
    ['get', 'pods', { group: '', resource: 'pods' }, undefined, B, alice, []],
    ['get', 'deployments.apps/scale', { group: 'apps', resource: 'deployments', sub: 'scale' }, undefined, A, alice, []], // aggregated subresource
    ['get', 'deployments.apps', { group: 'apps', resource: 'deployments' }, undefined, A, alice, []],
    ['list', 'pods', { group: '', resource: 'pods' }, undefined, '', alice, []],                             // all namespaces
    ['create', 'deployments.apps', { group: 'apps', resource: 'deployments' }, undefined, B, bob, [team]],     // wildcard resources and verbs, a group
    ['deletecollection', 'statefulsets.apps', { group: 'apps', resource: 'statefulsets' }, undefined, B, bob, [team]],
    ['get', 'pods', { group: '', resource: 'pods' }, undefined, B, bob, [team]],
    ['create', 'deployments.apps', { group: 'apps', resource: 'deployments' }, undefined, A, bob, [team]],
    ['create', 'deployments.apps', { group: 'apps', resource: 'deployments' }, undefined, B, bob, []],
    ['get', 'configmaps', { group: '', resource: 'configmaps' }, 'cfg-a', A, bot, []],                        // resourceNames, a ServiceAccount
    ['update', 'configmaps', { group: '', resource: 'configmaps' }, 'cfg-a', A, bot, []],
    ['get', 'configmaps', { group: '', resource: 'configmaps' }, 'other', A, bot, []],
    ['get', 'configmaps', { group: '', resource: 'configmaps' }, undefined, A, bot, []],
    ['get', 'pods/status', { group: '', resource: 'pods', sub: 'status' }, undefined, A, bot, []],           // */status through system:serviceaccounts:<ns>
    ['get', 'deployments.apps/status', { group: 'apps', resource: 'deployments', sub: 'status' }, undefined, A, bot, []],
    ['get', 'pods/log', { group: '', resource: 'pods', sub: 'log' }, undefined, A, bot, []],
    ['get', 'services/status', { group: '', resource: 'services', sub: 'status' }, undefined, A, `system:serviceaccount:${A}:other`, []],
    ['get', 'pods/status', { group: '', resource: 'pods', sub: 'status' }, undefined, A, `system:serviceaccount:${B}:default`, []],
    ['list', 'nodes', { group: '', resource: 'nodes' }, undefined, '', carol, []],                           // cluster-scoped
    ['delete', 'nodes', { group: '', resource: 'nodes' }, undefined, '', carol, []],
    ['get', 'nodes', { group: '', resource: 'nodes' }, 'kwok-node-0', '', carol, []],
    ['list', 'nodes', { group: '', resource: 'nodes' }, undefined, '', alice, []],
    ['get', `${url}/x`, { url: `${url}/x` }, undefined, '', bob, [team]],                                      // nonResourceURLs
    ['get', `${url}-health`, { url: `${url}-health` }, undefined, '', bob, [team]],
    ['post', `${url}-health`, { url: `${url}-health` }, undefined, '', bob, [team]],
    ['get', `${url}-health`, { url: `${url}-health` }, undefined, '', carol, []],
    ['get', '/healthz', { url: '/healthz' }, undefined, '', bot, []],                                           // system:public-info-viewer
    ['get', 'pods/log', { group: '', resource: 'pods', sub: 'log' }, undefined, A, alice, []],
    // A ServiceAccount impersonated with a named group loses its own groups (impersonation.go): asked both ways.
    ['get', 'pods/status', { group: '', resource: 'pods', sub: 'status' }, undefined, A, bot, [team]],
    ['get', 'pods/status', { group: '', resource: 'pods', sub: 'status' }, undefined, A, bot, [team]],
  ];

  const tally = { yes: 0, no: 0 };
  cases.forEach(([verb, text, parsed, name, ns, as, groups], index) => {
    const i = index + 1;
    // kubectl reads `RESOURCE/NAME` (a subresource goes in --subresource).
    const [resourceText] = text.split('/', 1);
    const target = parsed.url ? text : `${parsed.sub ? resourceText : text}${name ? `/${name}` : ''}`;
    const args = [verb, target, ...(parsed.sub ? [`--subresource=${parsed.sub}`] : []), ...(parsed.url ? [] : ns ? ['-n', ns] : ['-A']), ...(as ? [`--as=${as}`] : []), ...groups.map((g) => `--as-group=${g}`)];
    it(`can-i case ${i}: kubectl auth can-i ${args.join(' ')}`, async () => {
      const theirs = await kubectlCanI(args);
      tally[theirs.allowed ? 'yes' : 'no']++;
      // Half the cases ask by impersonation, half by SubjectAccessReview: both must give kubectl's answer.
      const via = i % 2 ? 'impersonate' : 'subjectaccessreview';
      const ours = await call('rbac.canI', {
        context: ADMIN, verb, via, ...(parsed.url ? { nonResourceURL: parsed.url } : { group: parsed.group, resource: parsed.resource, ...(parsed.sub ? { subresource: parsed.sub } : {}) }),
        ...(name ? { name } : {}), ...(ns && !parsed.url ? { namespace: ns } : {}), ...(as ? { as: { user: as, groups } } : {}),
      });
      expect(ours.via).toBe(via);
      expect(ours.allowed).toBe(theirs.allowed);
      // kubectl prints "no - <reason> - <evaluationError>" for a denial.
      if (!theirs.allowed) expect(['no', ours.reason, ours.evaluationError].filter(Boolean).join(' - ')).toBe(theirs.text);
    }, 30_000);
  });

  it('the can-i table holds both answers (a table of only yes or only no could not tell a wrong rule)', () => {
    expect(tally.yes + tally.no).toBe(cases.length);
    expect(tally.yes).toBeGreaterThanOrEqual(10);
    expect(tally.no).toBeGreaterThanOrEqual(10);
  });

  it('asks as the current user without impersonation, and refuses to ask for others when it may neither impersonate nor create SubjectAccessReviews', async () => {
    const self = await call('rbac.canI', { context: LIMITED, verb: 'delete', group: '', resource: 'pods', namespace: 'demo' });
    expect(self).toMatchObject({ allowed: true, via: 'self' });
    expect((await kubectlCanI(['delete', 'pods', '-n', 'demo'], LIMITED)).allowed).toBe(true);
    await expect(call('rbac.canI', { context: LIMITED, verb: 'get', group: '', resource: 'pods', namespace: 'demo', as: { user: alice, groups: [] } }))
      .rejects.toThrow(/may not impersonate .*may not create SubjectAccessReviews/);
  });

  it('every cell of the limited user\'s matrix in demo is traced to a binding (the origins the API does not give)', async () => {
    const me = await call('rbac.whoAmI', { context: LIMITED });
    const objs = await eventually(() => latest?.clusterRoles.length && latest, 30_000, 'RBAC objects') as RbacObjects;
    const rows = ruleRows(await call('rbac.rulesReview', { context: LIMITED, namespace: 'demo' }));
    const untraced: string[] = [];
    const byBinding = new Set<string>();
    for (const row of rows) {
      for (const verb of row.verbs) {
        const grants = grantsFor(objs, identityOf(me.username, me.groups), rowRequest(row, verb, 'demo') as AccessRequest);
        if (!grants.length) untraced.push(`${verb} ${row.label || row.nonResourceURL}`);
        for (const g of grants) byBinding.add(`${g.binding.kind}/${g.binding.namespace ?? ''}/${g.binding.name}`);
      }
    }
    expect(untraced).toEqual([]);
    // The seed's grant (README: RoleBinding limited-user-edit → ClusterRole edit in demo) is among them.
    expect(byBinding).toContain('RoleBinding/demo/limited-user-edit');
  });

  it('whoAmI equals kubectl auth whoami', async () => {
    for (const context of [ADMIN, LIMITED]) {
      const theirs = JSON.parse(await kubectl(['auth', 'whoami', '-o', 'json'], { context })).status.userInfo;
      expect(await call('rbac.whoAmI', { context })).toEqual({ username: theirs.username, groups: theirs.groups ?? [], ...(theirs.uid ? { uid: theirs.uid } : {}) });
    }
  });

  const whoCases: Req[] = [
    { verb: 'get', group: '', resource: 'pods', ns: A },
    { verb: 'get', group: 'apps', resource: 'deployments', sub: 'scale', ns: A },
    { verb: 'create', group: 'apps', resource: 'deployments', ns: B },
    { verb: 'update', group: '', resource: 'configmaps', name: 'cfg-a', ns: A },
    { verb: 'get', group: '', resource: 'configmaps', ns: A },
    { verb: 'get', group: '', resource: 'pods', sub: 'status', ns: A },
    { verb: 'list', group: '', resource: 'nodes' },
    { verb: 'get', url: `${url}/deep/x` },
    { verb: 'delete', group: '', resource: 'pods', ns: 'demo' },
    { verb: 'impersonate', group: '', resource: 'serviceaccounts', ns: B },
  ];

  it.each(whoCases.map((q, i) => [i + 1, q] as const))('who-can case %i (%j) equals the reference from kubectl get -o json', async (_i, q) => {
    let last = '';
    await eventually(async () => {
      if (!latest) return false;
      const ours = whoCan(latest as RbacObjects, asRequest(q)).map((s) => s.key);
      const theirs = referenceWhoCan(await kubectlRbac(), q);
      last = JSON.stringify({ ours, theirs });
      return ours.length > 0 && JSON.stringify(ours) === JSON.stringify(theirs);
    }, 30_000, 'the same subjects').catch((e) => { throw new Error(`${e.message}\n${last}`); });
  }, 60_000);

  it('effective permissions of a ServiceAccount list every binding that names it or its implicit groups; missing roles and ServiceAccounts are flagged; aggregation is explained', async () => {
    const objs = await eventually(() => latest?.roleBindings.some((b) => b.namespace === A && b.name === 'dangling') && latest, 30_000, 'the test bindings');
    const all = await kubectlRbac();
    const who = ['system:serviceaccounts', `system:serviceaccounts:${A}`, 'system:authenticated'];
    const expected = [...all.clusterrolebindings, ...all.rolebindings]
      .filter((b: any) => (b.subjects ?? []).some((s: any) => (s.kind === 'Group' && who.includes(s.name)) || (s.kind === 'ServiceAccount' && s.name === 'bot' && (s.namespace || b.metadata.namespace) === A)))
      .map((b: any) => `${b.kind}/${b.metadata.namespace ?? ''}/${b.metadata.name}`).sort();
    const ours = boundRoles(objs as RbacObjects, identityOf(bot)).map((b) => `${b.binding.kind}/${b.binding.namespace ?? ''}/${b.binding.name}`).sort();
    expect(ours).toEqual(expected);
    expect(ours).toContain(`RoleBinding/${A}/named`);
    const problems = bindingProblems(objs as RbacObjects).filter((p) => p.binding.namespace === A).map((p) => p.problem);
    expect(problems).toEqual([`Role missing-${S} does not exist in namespace ${A}.`, `ServiceAccount ${A}/ghost does not exist.`]);
    const agg = (objs as RbacObjects).clusterRoles.find((r) => r.name === AGG)!;
    const written = JSON.parse(await kubectl(['get', 'clusterrole', AGG, '-o', 'json'])).rules;
    expect(aggregatedRules(agg, (objs as RbacObjects).clusterRoles)).toEqual(written);
  });

  it('is live: a new binding shows in who-can, and a deleted one leaves it', async () => {
    const q = asRequest({ verb: 'list', group: '', resource: 'nodes' });
    const dave = `dave-${S}`;
    await kubectl(['create', 'clusterrolebinding', CR('dave'), `--clusterrole=${CR('nodes')}`, `--user=${dave}`]);
    await eventually(() => latest && whoCan(latest as RbacObjects, q).some((s) => s.key === `User ${dave}`), 20_000, 'dave listed');
    await kubectl(['delete', 'clusterrolebinding', CR('dave')]);
    await eventually(() => latest && !whoCan(latest as RbacObjects, q).some((s) => s.key === `User ${dave}`), 20_000, 'dave gone');
  }, 60_000);

  it('for the limited user the RBAC lists say forbidden instead of pretending to be empty', async () => {
    let ev: RbacObjectsEvent | undefined;
    const stop = (h.topics['rbac.objects'] as any)({ context: LIMITED }, { emit: (e: RbacObjectsEvent) => { ev = e; }, end: () => {}, unacked: () => 0, congested: () => false });
    try {
      await eventually(() => ev?.lists.clusterrolebindings.freshness.state === 'forbidden', 20_000, 'forbidden');
      expect(ev!.serviceAccounts).toBeUndefined();
    } finally { stop(); }
  }, 30_000);
});
