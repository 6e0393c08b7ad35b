import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NamespaceTimeline } from './workloadTimeline';
import { ADMIN, eventually, newCore, randomName, testKubeconfig } from '../../testing/testCluster';
import { deploymentManifest } from '../../testing/twinTestKit';
import { kubectl as runKubectl } from '../../../test-cluster/kubectl.mjs';
import { rolloutUndo } from '../actions/rolloutUndo';
import { FIELD_MANAGER } from '../actions/writeOptions';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';
import type { TimelineEntry } from '../../../shared/contract/timeline';

const k = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
  runKubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, ...opts });

interface ManagedEntry { manager: string; operation: string; subresource?: string; time: string; fieldsV1: unknown }

/**
 * Issue 14: each change on the timeline names the field manager that made it. The oracle is kubectl:
 * after each write, `kubectl get -o json --show-managed-fields` shows which managedFields entry that
 * write created or touched; the timeline must name that manager (and its operation and subresource).
 */
describe('timeline attribution matches the managers kubectl shows (real test cluster)', () => {
  let core: Core;
  let http: KubeHttp;
  let ns: string;
  let timeline: NamespaceTimeline;
  const entries: TimelineEntry[] = [];

  const managed = async (): Promise<ManagedEntry[]> =>
    JSON.parse(await k(['get', '-n', ns, 'deployment/web', '-o', 'json', '--show-managed-fields'])).metadata.managedFields;
  /** The entries kubectl shows as new or re-timed since `before` (a manager that only lost fields keeps its time). */
  const touched = (before: ManagedEntry[], after: ManagedEntry[]) => after.filter((a) => {
    const b = before.find((x) => x.manager === a.manager && x.operation === a.operation && (x.subresource ?? '') === (a.subresource ?? ''));
    return !b || b.time !== a.time;
  });
  /** Makes a change, waits for its timeline entry, and checks the entry against kubectl's managedFields. */
  async function expectAttributed(kind: TimelineEntry['kind'], summary: string, write: () => Promise<unknown>, expected: { manager: string; operation: string; subresource?: string }) {
    // managedFields times have one-second resolution: a write in the same second as the one before
    // would leave kubectl's oracle (a changed time) nothing to see.
    await new Promise((r) => setTimeout(r, 1100));
    const before = await managed();
    const seen = entries.length;
    await write();
    const entry = await eventually(() => entries.slice(seen).find((e) => e.kind === kind), 30_000, `${kind} entry for ${expected.manager}`);
    const writer = touched(before, await managed()).filter((m) => m.subresource !== 'status');
    expect(writer.map((m) => m.manager)).toEqual([expected.manager]);
    expect({ manager: writer[0].manager, operation: writer[0].operation, subresource: writer[0].subresource }).toEqual(expected);
    expect(entry).toMatchObject({ summary, manager: writer[0].manager, operation: writer[0].operation, observed: true });
    expect(entry.subresource).toBe(writer[0].subresource);
    expect(entry.managerInferred).toBeUndefined();
  }

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    ns = randomName('wh-tl-attr');
    await http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns, labels: { 'wheelhouse.dev/test': 'timeline' } } } });
    await eventually(() => http.request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`), 30_000, 'default service account');
    await k(['apply', '-n', ns, '-f', '-'], { input: JSON.stringify(deploymentManifest('web', 'nginx:1.25', 1)) });
    await k(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=60s']);
    timeline = new NamespaceTimeline(core.hub, ADMIN, ns);
    timeline.subscribe('Deployment', 'web', (e) => {
      if (e.type === 'snapshot') entries.splice(0, entries.length, ...e.entries);
      if (e.type === 'entry') entries.push(e.entry);
    });
    await eventually(() => timeline.freshness().state === 'live' && entries.some((e) => e.kind === 'revision'), 30_000, 'timeline live');
  });
  afterAll(async () => {
    timeline?.stop();
    if (ns) await http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => undefined);
    await core.dispose();
  });

  it('kubectl apply, a Wheelhouse rollback, kubectl scale and kubectl edit are each attributed to their own manager', async () => {
    await expectAttributed('image', 'main: nginx:1.25 → nginx:1.26',
      () => k(['apply', '-n', ns, '-f', '-'], { input: JSON.stringify(deploymentManifest('web', 'nginx:1.26', 1)) }),
      { manager: 'kubectl-client-side-apply', operation: 'Update', subresource: undefined });
    await k(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=60s']);

    // The rollback that issue 14 saw attributed to kubectl-client-side-apply.
    await expectAttributed('image', 'main: nginx:1.26 → nginx:1.25',
      () => rolloutUndo(http, { namespace: ns, kind: 'Deployment', name: 'web' }),
      { manager: FIELD_MANAGER, operation: 'Update', subresource: undefined });
    await k(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=60s']);

    // kubectl 1.35's `scale` writes the /scale subresource as manager `kubectl` (not `kubectl-scale`).
    await expectAttributed('scale', 'Scaled 1 → 3',
      () => k(['scale', '-n', ns, 'deployment/web', '--replicas=3']),
      { manager: 'kubectl', operation: 'Update', subresource: 'scale' });

    await expectAttributed('image', 'main: nginx:1.25 → nginx:1.27',
      () => k(['edit', '-n', ns, 'deployment/web'], { env: { KUBE_EDITOR: "sed -i -e 's/image: nginx:1.25$/image: nginx:1.27/'" } }),
      { manager: 'kubectl-edit', operation: 'Update', subresource: undefined });
  });

  it('a Wheelhouse rollback in the same second as a kubectl apply, removing a field kubectl apply added, is still Wheelhouse\'s', async () => {
    const api = deploymentManifest('api', 'nginx:1.25', 1);
    await k(['apply', '-n', ns, '-f', '-'], { input: JSON.stringify(api) });
    await k(['rollout', 'status', '-n', ns, 'deployment/api', '--timeout=60s']);
    const log: TimelineEntry[] = [];
    const unsubscribe = timeline.subscribe('Deployment', 'api', (e) => {
      if (e.type === 'snapshot') log.splice(0, log.length, ...e.entries);
      if (e.type === 'entry') log.push(e.entry);
    });
    await eventually(() => log.some((e) => e.kind === 'revision' && e.revision === 1), 30_000, 'api revision 1');
    // Start at the beginning of a second so that both writes most likely share one managedFields time:
    // the tie that made field ownership alone name kubectl-client-side-apply for the rollback.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000)));
    api.spec.template.spec.containers[0] = { name: 'main', image: 'nginx:1.26', env: [{ name: 'MODE', value: 'fast' }] };
    await k(['apply', '-n', ns, '-f', '-'], { input: JSON.stringify(api) });
    await rolloutUndo(http, { namespace: ns, kind: 'Deployment', name: 'api', toRevision: 1 });

    const rollbackImage = await eventually(() => log.find((e) => e.kind === 'image' && e.summary === 'main: nginx:1.26 → nginx:1.25'), 30_000, 'rollback image entry');
    const rollbackTemplate = await eventually(() => log.find((e) => e.kind === 'template' && e.id > rollbackImage.id - 1 && /env/.test(e.summary)), 30_000, 'rollback template entry');
    // kubectl's view: the rollback's manager is an Update entry named FIELD_MANAGER, owning the image it restored.
    const mf: ManagedEntry[] = JSON.parse(await k(['get', '-n', ns, 'deployment/api', '-o', 'json', '--show-managed-fields'])).metadata.managedFields;
    const ours = mf.find((m) => m.manager === FIELD_MANAGER);
    expect(ours).toMatchObject({ operation: 'Update' });
    expect(JSON.stringify(ours!.fieldsV1)).toContain('"f:image"');
    expect(log.find((e) => e.kind === 'image' && e.summary === 'main: nginx:1.25 → nginx:1.26')).toMatchObject({ manager: 'kubectl-client-side-apply' });
    expect(rollbackImage).toMatchObject({ manager: FIELD_MANAGER, operation: 'Update' });
    expect(rollbackTemplate).toMatchObject({ manager: FIELD_MANAGER, operation: 'Update' });
    expect(rollbackTemplate.managerInferred).toBeUndefined();
    unsubscribe();
  });
});
