// The live topology view against the real test cluster: the graph it draws for the seeded `demo`
// namespace must equal a reference computed here, independently, from `kubectl get -o json`; scaling a
// Deployment must add pod nodes without moving any node already on screen; health must say what the
// cluster says; cluster strings must stay text.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { eventually } from './support/polling';
import { recordWatchDebug } from '../src-main/core/watch/watchDebug';

const CONTEXT = 'wheelhouse-admin';
const NS = 'demo';

interface ShownNode { id: string; kind?: string; name?: string; namespace?: string; health?: string; x: number; y: number; hidden: boolean; replicas?: { desired: number; ready: number } }
interface ShownEdge { id: string; kind: string; source: string; target: string; hidden: boolean }

const kc = () => ({ kubeconfig: testKubeconfig(), context: CONTEXT });
const getJson = async (args: string[]) => JSON.parse(await kubectl(['get', ...args, '-o', 'json'], kc()));

async function shownGraph(page: Page): Promise<{ nodes: ShownNode[]; edges: ShownEdge[] }> {
  const [nodes, edges] = await Promise.all([
    page.textContent('[data-testid="topology-nodes"]'),
    page.textContent('[data-testid="topology-edges"]'),
  ]);
  return { nodes: JSON.parse(nodes ?? '[]'), edges: JSON.parse(edges ?? '[]') };
}


// ── the reference, from raw kubectl JSON, written without shared/topology ─────────────────────────

const NAMESPACED = ['pods', 'services', 'replicasets.apps', 'deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch',
  'cronjobs.batch', 'ingresses.networking.k8s.io', 'horizontalpodautoscalers.autoscaling', 'configmaps', 'secrets', 'persistentvolumeclaims'];

/** kube-root-ca.crt is in every namespace and mounted by every pod: the view leaves it out unless asked. */
const SYSTEM_CONFIGMAP = 'kube-root-ca.crt';

async function referenceEdges(ns: string): Promise<{ edges: Set<string>; names: Map<string, string> }> {
  const lists = await Promise.all(NAMESPACED.map((r) => getJson([r, '-n', ns])));
  const pvs = (await getJson(['persistentvolumes'])).items as any[];
  const objects: any[] = lists.flatMap((l) => l.items).filter((o) => !(o.kind === 'ConfigMap' && o.metadata.name === SYSTEM_CONFIGMAP));
  const names = new Map<string, string>();
  for (const o of [...objects, ...pvs]) names.set(o.metadata.uid, `${o.kind}/${o.metadata.name}`);
  const byKindName = new Map<string, any>(objects.map((o) => [`${o.kind}/${o.metadata.name}`, o]));
  const uids = new Set(objects.map((o) => o.metadata.uid));
  const edges = new Set<string>();
  const add = (kind: string, from: any, to: any) => { if (from && to) edges.add(`${kind}:${from.metadata.uid}->${to.metadata.uid}`); };

  for (const o of objects) {
    for (const ref of o.metadata.ownerReferences ?? []) if (uids.has(ref.uid)) edges.add(`owns:${ref.uid}->${o.metadata.uid}`);
  }
  const pods = objects.filter((o) => o.kind === 'Pod');
  for (const svc of objects.filter((o) => o.kind === 'Service')) {
    const sel = svc.spec.selector ?? {};
    if (Object.keys(sel).length === 0) continue;
    for (const p of pods) if (Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v)) add('selects', svc, p);
  }
  for (const ing of objects.filter((o) => o.kind === 'Ingress')) {
    const backends = [ing.spec.defaultBackend, ...(ing.spec.rules ?? []).flatMap((r: any) => (r.http?.paths ?? []).map((p: any) => p.backend))];
    for (const b of backends) if (b?.service?.name) add('routes', ing, byKindName.get(`Service/${b.service.name}`));
  }
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const t = hpa.spec.scaleTargetRef;
    add('scales', hpa, byKindName.get(`${t.kind}/${t.name}`));
  }
  for (const p of pods) {
    const spec = p.spec;
    const cms: string[] = [];
    const secrets: string[] = [];
    const claims: string[] = [];
    for (const v of spec.volumes ?? []) {
      if (v.configMap) cms.push(v.configMap.name);
      if (v.secret) secrets.push(v.secret.secretName);
      if (v.persistentVolumeClaim) claims.push(v.persistentVolumeClaim.claimName);
      for (const s of v.projected?.sources ?? []) {
        if (s.configMap) cms.push(s.configMap.name);
        if (s.secret) secrets.push(s.secret.name);
      }
    }
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      for (const e of c.env ?? []) {
        if (e.valueFrom?.configMapKeyRef) cms.push(e.valueFrom.configMapKeyRef.name);
        if (e.valueFrom?.secretKeyRef) secrets.push(e.valueFrom.secretKeyRef.name);
      }
      for (const e of c.envFrom ?? []) {
        if (e.configMapRef) cms.push(e.configMapRef.name);
        if (e.secretRef) secrets.push(e.secretRef.name);
      }
    }
    for (const n of cms) add('mounts', p, byKindName.get(`ConfigMap/${n}`));
    for (const n of secrets) add('mounts', p, byKindName.get(`Secret/${n}`));
    for (const n of claims) add('mounts', p, byKindName.get(`PersistentVolumeClaim/${n}`));
  }
  for (const pvc of objects.filter((o) => o.kind === 'PersistentVolumeClaim')) {
    const pv = pvc.spec.volumeName ? pvs.find((v) => v.metadata.name === pvc.spec.volumeName) : undefined;
    add('binds', pvc, pv);
  }
  // Gateway API (seed v4): class → Gateway by gatewayClassName, Gateway → route by parentRefs, route → Service by backendRefs.
  const gw = 'gateway.networking.k8s.io';
  const [classes, gateways, ...routeLists] = await Promise.all([getJson([`gatewayclasses.${gw}`]), getJson([`gateways.${gw}`, '-n', ns]),
    getJson([`httproutes.${gw}`, '-n', ns]), getJson([`grpcroutes.${gw}`, '-n', ns])]);
  for (const o of [...classes.items, ...gateways.items, ...routeLists.flatMap((l: any) => l.items)]) names.set(o.metadata.uid, `${o.kind}/${o.metadata.name}`);
  for (const g of gateways.items) add('classifies', classes.items.find((c: any) => c.metadata.name === g.spec.gatewayClassName), g);
  for (const r of routeLists.flatMap((l: any) => l.items)) {
    for (const p of r.spec.parentRefs ?? []) add('routes', gateways.items.find((g: any) => g.metadata.name === p.name), r);
    for (const rule of r.spec.rules ?? []) for (const b of rule.backendRefs ?? []) add('routes', r, byKindName.get(`Service/${b.name}`));
  }
  return { edges, names };
}

const edgeKey = (e: { kind: string; source: string; target: string }) => `${e.kind}:${e.source}->${e.target}`;

/** Every pod node's position, and where React Flow actually drew each node (its transform). */
async function drawnTransforms(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval('.react-flow__node[data-id]', (els) => els.map((e) => [e.getAttribute('data-id')!, (e as HTMLElement).style.transform] as [string, string]));
  return new Map(pairs);
}

/** What the view and the core were doing, printed once when a test fails (CI keeps only the output). */
async function diagnosis(page: Page, consoleLines: string[], watchLines: string[]): Promise<string> {
  const g = await shownGraph(page).catch(() => ({ nodes: [] as ShownNode[], edges: [] as ShownEdge[] }));
  const byKind = new Map<string, number>();
  for (const n of g.nodes) byKind.set(n.kind ?? '?', (byKind.get(n.kind ?? '?') ?? 0) + 1);
  const text = async (sel: string) => (await page.locator(sel).allTextContents().catch(() => [] as string[])).join(' | ');
  await page.screenshot({ path: 'test-results/topology-failure.png' }).catch(() => {});
  return [
    `[topology diagnosis] url ${page.url()}`,
    `nodes ${g.nodes.length} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), edges ${g.edges.length}`,
    `empty/loading: ${await text('.topo-empty')}`,
    `toolbar: ${await text('.topo-toolbar, .topo-filters')}`,
    `page console (last 30):`, ...consoleLines.slice(-30),
    `core watch log (last 150):`, ...watchLines.slice(-150),
  ].join('\n');
}

describe('topology: the live graph of a namespace', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  const dialogs: string[] = [];
  const consoleLines: string[] = [];
  const watchLog = recordWatchDebug();
  let diagnosed = false;

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || diagnosed || !page) return;
    diagnosed = true;
    console.log(await diagnosis(page, [...consoleLines, ...page.errors.map((e) => `pageerror: ${e.message}`)], watchLog()));
  });

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${m.text()}`); });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // Large enough that the fitted demo namespace (which grows as the seed does: HPA, Helm release,
    // metrics load) stays above the cards' low-detail zoom, where steppers, stats and "+N old" show.
    await page.setViewportSize({ width: 2560, height: 1600 });
    // The view publishes its graph as JSON for tests only when asked (see TopologyTestHooks.tsx).
    await page.evaluate(() => localStorage.setItem('wheelhouse.testHooks', '1'));
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/overview?ns=${NS}`);
    await page.waitForSelector('[data-testid="topology-node"]', { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
  });

  it('draws the demo namespace with exactly the edges kubectl\'s objects imply (deploy→rs→pod, svc→pod, ing→svc, hpa→deploy, pod→cm/secret/pvc, pvc→pv)', async () => {
    const { shown, ref } = await eventually(async () => {
      // Old ReplicaSets (scaled to 0) are collapsed into their Deployment; show them so every owner edge
      // is drawn. On every try: a slow list (the view draws what arrived after 8 s) brings its
      // Deployments, and their collapsed old ReplicaSets, later than the first node.
      for (;;) {
        const toggle = page.locator('[data-testid="toggle-old-rs"]', { hasText: 'old' }).filter({ hasNotText: 'hide' }).first();
        if (await toggle.count() === 0) break;
        await toggle.click();
        await page.waitForTimeout(200);
      }
      const ref = await referenceEdges(NS);
      const shown = await shownGraph(page);
      const drawn = new Set(shown.edges.map(edgeKey));
      const name = (k: string) => k.replace(/[0-9a-f-]{36}/g, (uid) => ref.names.get(uid) ?? uid);
      const missing = [...ref.edges].filter((k) => !drawn.has(k)).map(name);
      const extra = [...drawn].filter((k) => !ref.edges.has(k)).map(name);
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      return { shown, ref };
    });
    // Every kind of edge the brief names is there.
    expect(new Set(shown.edges.map((e) => e.kind))).toEqual(new Set(['owns', 'selects', 'routes', 'scales', 'mounts', 'binds', 'classifies']));
    expect(ref.edges.size).toBeGreaterThan(20);
    // No filter is on: every edge is visible, and what React Flow drew is what the JSON says.
    expect(shown.edges.filter((e) => e.hidden)).toEqual([]);
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(600);
    const drawnIds = await page.$$eval('.react-flow__edge[data-id]', (els) => els.map((e) => e.getAttribute('data-id')!));
    expect(new Set(drawnIds)).toEqual(new Set(shown.edges.map((e) => e.id)));
    await page.screenshot({ path: 'test-results/topology-demo.png' });
  });

  it('shows the stuck Deployment as Degraded or Progressing and a healthy one as Healthy', async () => {
    const card = (name: string) => page.locator(`[data-testid="topology-node"][data-kind="Deployment"][data-name="${name}"]`);
    await eventually(async () => {
      expect(['Degraded', 'Progressing']).toContain(await card('stuck').getAttribute('data-health'));
      expect(await card('web').getAttribute('data-health')).toBe('Healthy');
    });
    await expect(card('stuck').locator('[data-testid="health"]').textContent()).resolves.toMatch(/Degraded|Progressing/);
    await expect(card('web').locator('[data-testid="health"]').textContent()).resolves.toBe('Healthy');
    // Its card says why: 0 of 2 ready, and the rollout bar is not full.
    await expect(card('stuck').locator('[data-stat="ready"] b').textContent()).resolves.toBe('0');
    expect(Number(await card('stuck').locator('[data-testid="rollout-progress"]').getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(Number(await card('web').locator('[data-testid="rollout-progress"]').getAttribute('aria-valuenow'))).toBe(100);
  });

  it('scaling a Deployment with kubectl adds pod nodes live while every node already drawn keeps its exact position', async () => {
    const before = await shownGraph(page);
    const drawnBefore = await drawnTransforms(page);
    const webRs = (await getJson(['replicasets', '-n', NS, '-l', 'app=web'])).items.find((r: any) => r.spec.replicas > 0);
    const webPods = (g: { nodes: ShownNode[] }) => g.nodes.filter((n) => n.kind === 'Pod' && n.name?.startsWith(`${webRs.metadata.name}-`));
    expect(webPods(before)).toHaveLength(3);
    try {
      await kubectl(['scale', 'deployment/web', '-n', NS, '--replicas=5'], kc());
      const after = await eventually(async () => {
        const g = await shownGraph(page);
        expect(webPods(g)).toHaveLength(5);
        return g;
      }, 60_000);
      const afterById = new Map(after.nodes.map((n) => [n.id, n]));
      const moved = before.nodes.filter((n) => afterById.has(n.id) && (afterById.get(n.id)!.x !== n.x || afterById.get(n.id)!.y !== n.y));
      expect(moved).toEqual([]);
      // Nothing that was there went away either (the scale only adds).
      expect(before.nodes.filter((n) => !afterById.has(n.id))).toEqual([]);
      // And on screen: React Flow draws each old node at the very same transform.
      const drawnAfter = await drawnTransforms(page);
      const shifted = [...drawnBefore].filter(([id, t]) => drawnAfter.has(id) && drawnAfter.get(id) !== t);
      expect(shifted).toEqual([]);
      // The new pods do not sit on top of any other node.
      const fresh = webPods(after).filter((n) => !before.nodes.some((b) => b.id === n.id));
      expect(fresh).toHaveLength(2);
      for (const f of fresh) {
        for (const o of after.nodes) {
          if (o.id === f.id) continue;
          const overlap = Math.abs(o.x - f.x) < 256 && Math.abs(o.y - f.y) < 100;
          expect(overlap, `${f.name} overlaps ${o.kind}/${o.name}`).toBe(false);
        }
      }
      await page.click('.react-flow__controls-fitview');
      await page.waitForTimeout(600);
      await page.screenshot({ path: 'test-results/topology-scaled.png' });
    } finally {
      await kubectl(['scale', 'deployment/web', '-n', NS, '--replicas=3'], kc());
    }
    await eventually(async () => expect(webPods(await shownGraph(page))).toHaveLength(3), 60_000);
  });

  it('scales from the card\'s stepper through the actions contract, and the counts follow', async () => {
    const card = page.locator('[data-testid="topology-node"][data-kind="Deployment"][data-name="hostile-logs"]');
    await card.scrollIntoViewIfNeeded();
    await eventually(async () => expect(await card.locator('[data-testid="desired-replicas"]').textContent()).toBe('1'));
    try {
      await card.getByRole('button', { name: 'Scale hostile-logs up' }).click();
      await eventually(async () => {
        const d = await getJson(['deployment/hostile-logs', '-n', NS]);
        expect(d.spec.replicas).toBe(2);
      }, 20_000, 300);
      await eventually(async () => expect(await card.locator('[data-stat="ready"] b').textContent()).toBe('2'), 60_000);
    } finally {
      await kubectl(['scale', 'deployment/hostile-logs', '-n', NS, '--replicas=1'], kc());
    }
    await eventually(async () => expect(await card.locator('[data-stat="desired"] [data-testid="desired-replicas"]').textContent()).toBe('1'));
  });

  it('a dragged node stays where the user put it, through live updates and a trip to a table and back', async () => {
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(500);
    const sel = '[data-testid="topology-node"][data-kind="ConfigMap"][data-name="hostile"]';
    const at = async () => (await shownGraph(page)).nodes.find((n) => n.kind === 'ConfigMap' && n.name === 'hostile')!;
    const start = await at();
    const box = (await page.locator(sel).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 + 60, { steps: 12 });
    await page.mouse.up();
    const dropped = await eventually(async () => {
      const n = await at();
      expect(n.x).toBeLessThan(start.x - 100);
      return n;
    }, 5_000, 100);

    // A live change adds a node (a deleted pod's replacement): the dragged node does not move.
    const victim = (await shownGraph(page)).nodes.find((n) => n.kind === 'Pod' && n.name?.startsWith('web-'))!;
    await kubectl(['delete', 'pod', victim.name!, '-n', NS, '--wait=false'], kc());
    await eventually(async () => {
      const g = await shownGraph(page);
      expect(g.nodes.filter((n) => n.kind === 'Pod' && n.name?.startsWith('web-') && n.id !== victim.id).length).toBeGreaterThanOrEqual(3);
    }, 60_000);
    expect(await at()).toMatchObject({ x: dropped.x, y: dropped.y });

    // Away to a table and back: the view remounts, the positions do not change.
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/r/_/v1/configmaps?ns=${NS}`);
    await page.waitForSelector('[data-testid="resource-table"]', { timeout: 30_000 });
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/overview?ns=${NS}`);
    await page.waitForSelector(sel, { timeout: 30_000 });
    expect(await at()).toMatchObject({ x: dropped.x, y: dropped.y });
  });

  it('search centres on matches; filters hide by kind and health; double-click focuses a workload; focus shows a neighbourhood', async () => {
    await page.fill('[data-testid="topology-search"]', 'stuck');
    await eventually(async () => expect(await page.textContent('[data-testid="search-count"]')).toMatch(/^1 of \d+$/));
    expect(await page.locator('.topo-card.current').count()).toBe(1);
    await page.screenshot({ path: 'test-results/topology-search.png' });
    await page.fill('[data-testid="topology-search"]', '');

    await page.click('[data-testid="filter-kind-Pod"]');
    let g = await shownGraph(page);
    expect(g.nodes.filter((n) => !n.hidden).every((n) => n.kind === 'Pod')).toBe(true);
    await page.click('[data-testid="filter-kind-Pod"]');
    await page.click('[data-testid="filter-health-Degraded"]');
    g = await shownGraph(page);
    expect(g.nodes.filter((n) => !n.hidden).map((n) => `${n.kind}/${n.name}`)).toContain('Deployment/stuck');
    expect(g.nodes.filter((n) => !n.hidden).every((n) => n.health === 'Degraded')).toBe(true);
    await page.click('[data-testid="filter-health-Degraded"]');

    // Double-click the web Deployment: its subtree (RS, pods), the Service and Ingress in front, the config behind.
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(400);
    await page.dblclick('[data-testid="topology-node"][data-kind="Deployment"][data-name="web"]');
    await page.waitForSelector('[data-testid="back-to-namespace"]');
    g = await shownGraph(page);
    const kinds = new Set(g.nodes.map((n) => n.kind));
    // (Seed v4: the HTTPRoute web-split routes to web too, and its Gateway is the way in.)
    expect(kinds).toEqual(new Set(['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Ingress', 'HTTPRoute', 'Gateway', 'ConfigMap', 'Secret']));
    expect(g.nodes.filter((n) => n.kind === 'Deployment').map((n) => n.name)).toEqual(['web']);
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'test-results/topology-workload.png' });
    await page.click('[data-testid="back-to-namespace"]');
    await page.waitForSelector('[data-testid="topology-node"][data-name="stuck"]');

    // Click a pod, then "1 hop": the pod, its ReplicaSet, the Services selecting it and what it mounts.
    const podName = (await shownGraph(page)).nodes.find((n) => n.kind === 'Pod' && n.name?.startsWith('api-'))!.name!;
    await page.click(`[data-testid="topology-node"][data-kind="Pod"][data-name="${podName}"]`);
    await page.click('[data-testid="focus-1"]');
    await eventually(async () => {
      g = await shownGraph(page);
      expect(new Set(g.nodes.map((n) => n.kind))).toEqual(new Set(['Pod', 'ReplicaSet', 'Service', 'ConfigMap', 'Secret']));
    });
    await page.click('[data-testid="back-to-namespace"]');
    // The whole namespace again. Its graph, not the DOM: React Flow culls the cards off screen, and the
    // camera stays where the focus left it.
    await eventually(async () => expect((await shownGraph(page)).nodes.some((n) => n.name === 'stuck' && !n.hidden)).toBe(true));
    expect(page.errors).toEqual([]);
  });

  it('renders cluster strings as text: an image named like an <img onerror> tag shows literally and runs nothing', async () => {
    const ns = `e2e-topo-xss-${Date.now().toString(36)}`;
    const hostile = '<img src=x onerror=alert(1)>';
    await kubectl(['create', 'namespace', ns], kc());
    try {
      await kubectl(['apply', '-f', '-'], {
        ...kc(),
        input: JSON.stringify({
          apiVersion: 'batch/v1', kind: 'Job',
          metadata: { name: 'hostile', namespace: ns },
          spec: { suspend: true, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: hostile }] } } },
        }),
      });
      await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/overview?ns=${ns}`);
      const card = page.locator('[data-testid="topology-node"][data-kind="Job"][data-name="hostile"]');
      await card.waitFor({ timeout: 30_000 });
      await expect(card.textContent()).resolves.toContain(hostile);
      expect(await page.locator('.react-flow img').count()).toBe(0);
      await page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      await page.screenshot({ path: 'test-results/topology-xss.png' });
    } finally {
      await kubectl(['delete', 'namespace', ns, '--wait=false'], kc());
    }
  });

  it('draws all namespaces as one box per namespace, in light and dark', async () => {
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/overview?ns=*`);
    // One box per namespace around exactly its nodes, no two boxes overlapping. (The shared test cluster
    // may hold other specs' namespaces too; a big graph opens at a corner, so check the model, and that
    // boxes are drawn at all.)
    const groups = await eventually(async () => {
      const gs: { namespace: string; x: number; y: number; width: number; height: number }[] = JSON.parse((await page.textContent('[data-testid="topology-groups"]')) ?? '[]');
      for (const ns of ['demo', 'shop', 'data']) expect(gs.filter((b) => b.namespace === ns)).toHaveLength(1);
      return gs;
    }, 30_000);
    const g = await shownGraph(page);
    for (const n of g.nodes) {
      if (!n.namespace) continue;
      const b = groups.find((x) => x.namespace === n.namespace)!;
      expect(n.x >= b.x && n.y >= b.y && n.x + 256 <= b.x + b.width && n.y + 100 <= b.y + b.height, `${n.kind}/${n.name} outside its namespace box`).toBe(true);
    }
    for (const a of groups) for (const b of groups) {
      if (a === b) continue;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `namespace boxes ${a.namespace} and ${b.namespace} overlap`).toBe(true);
    }
    await page.waitForSelector('[data-testid="namespace-group"]');
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'test-results/topology-all-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/overview?ns=shop`);
    await page.waitForSelector('[data-testid="topology-node"][data-kind="DaemonSet"]', { timeout: 30_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'test-results/topology-shop-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(page.errors).toEqual([]);
  });
});
