// The Network view in Chromium against the real test cluster: reached from the sidebar, it shows a
// path address → Ingress → Service → pods for a fixture of this spec's own namespace (the spec PLAYS THE
// INGRESS CONTROLLER: it writes the Ingress's address through the status subresource, since no ingress
// controller runs here); scaling the fixture's Deployment to 0 turns that path red live, with the
// reason; the seeded demo shows its Gateway as not accepted by any controller; a Service's details link
// to the view; and the topology draws GatewayClass → Gateway → HTTPRoute → Service edges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-net-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const G = 'gateway.networking.k8s.io/v1';

const fixture = {
  apiVersion: 'v1', kind: 'List', items: [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop' }, spec: {
      replicas: 2, selector: { matchLabels: { app: 'shop' } },
      template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'shop', image: 'nginx:1.27', ports: [{ containerPort: 8080, name: 'web' }] }] } },
    } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop' }, spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop' }, spec: { ingressClassName: 'wheelhouse',
      rules: [{ host: 'shop.e2e.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop', port: { number: 80 } } } }] } }] } },
    { apiVersion: G, kind: 'Gateway', metadata: { name: 'edge' }, spec: { gatewayClassName: 'wheelhouse', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] } },
    { apiVersion: G, kind: 'HTTPRoute', metadata: { name: 'shop-route' }, spec: { parentRefs: [{ name: 'edge' }], rules: [{ backendRefs: [{ name: 'shop', port: 80 }] }] } },
  ],
};

const pathRow = (page: Page, id: string) => page.locator(`[data-testid="net-path-${NS}/${id}"]`);

describe('Network view (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify(fixture));
    await k(['rollout', 'status', '-n', NS, 'deployment/shop', '--timeout=120s']);
    // THE SPEC PLAYS THE INGRESS CONTROLLER: it publishes the Ingress's address (TEST-NET-3).
    await k(['patch', 'ingress', 'shop', '-n', NS, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } })]);
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
  });

  it('shows address → Ingress → Service → pods from the sidebar, and turns the path red live when the pods go', async () => {
    await pickNamespace(page, NS);
    await page.click('[data-testid="nav-network"]');
    await page.waitForSelector('[data-testid="network-view"]');
    const row = pathRow(page, 'Ingress/shop/shop.e2e.test/');
    await row.waitFor({ timeout: 60_000 });
    await eventually(async () => {
      expect(await row.getAttribute('data-state')).toBe('ok');
      expect(await row.locator('[data-testid="net-address"]').allTextContents()).toEqual(['203.0.113.7']);
      expect(await row.locator('[data-testid="net-entry"] .net-name').textContent()).toBe('shop');
      expect(await row.locator('[data-testid="net-service"] .net-name').textContent()).toBe('shop');
      expect(await row.locator('[data-testid="net-endpoints"]').textContent()).toBe('endpoints 2 ready, 0 not ready');
    });
    const pods = JSON.parse(await k(['get', 'pods', '-n', NS, '-l', 'app=shop', '-o', 'json'])).items.map((p: any) => p.metadata.name).sort();
    expect((await row.locator('[data-testid="net-pod"] .net-name').allTextContents()).sort()).toEqual(pods);
    // The named targetPort is resolved per pod, as the EndpointSlice controller does.
    expect(await row.locator('[data-testid="net-pod"]').first().textContent()).toContain('http→8080');
    await screenshots(page, 'network-view');

    // The Gateway path is honest about nobody running a Gateway controller here.
    const gw = pathRow(page, 'Gateway/edge/HTTPRoute/shop-route/0/shop');
    expect(await gw.getAttribute('data-state')).toBe('stop');
    expect(await gw.locator('[data-testid="net-stops"]').textContent()).toContain('not accepted by any controller: GatewayClass wheelhouse names controller wheelhouse.dev/no-gateway-controller');

    await k(['scale', '-n', NS, 'deployment/shop', '--replicas=0']);
    await eventually(async () => {
      expect(await row.getAttribute('data-state')).toBe('stop');
      expect(await row.locator('[data-testid="net-stops"]').textContent()).toContain("Service shop's selector matches no pods");
    }, 60_000);
    await page.screenshot({ path: 'test-results/network-view-stopped-1440x900-light.png' });
    await k(['scale', '-n', NS, 'deployment/shop', '--replicas=2']);
    await eventually(async () => expect(await row.getAttribute('data-state')).toBe('ok'), 60_000);
  });

  it('shows the seeded demo: Ingress web → Service web → its pods, and says nobody serves its class or its Gateway', async () => {
    await pickNamespace(page, 'demo');
    await page.waitForSelector('[data-testid="network-view"] .net-header:has-text("namespace demo")');
    const row = page.locator('[data-testid="net-path-demo/Ingress/web/web.demo.wheelhouse.test/"]');
    await row.waitFor({ timeout: 60_000 });
    const pods = JSON.parse(await k(['get', 'pods', '-n', 'demo', '-l', 'app=web', '-o', 'json'])).items.map((p: any) => p.metadata.name).sort();
    await eventually(async () => {
      expect(await row.locator('[data-testid="net-service"] .net-name').textContent()).toBe('web');
      expect((await row.locator('[data-testid="net-pod"] .net-name').allTextContents()).sort()).toEqual(pods);
    });
    // No ingress controller runs in the test cluster: the path says so rather than showing a green line.
    expect(await row.locator('[data-testid="net-stops"]').textContent()).toContain('IngressClass wheelhouse names controller wheelhouse.dev/no-controller');
    const split = page.locator('[data-testid="net-path-demo/Gateway/web-gateway/HTTPRoute/web-split/0/web"]');
    expect(await split.textContent()).toContain('weight 90%');
    expect(await split.textContent()).toContain('asks 192.0.2.10, not assigned');
    await screenshots(page, 'network-demo');
    await pickNamespace(page, NS);
    await page.waitForSelector(`[data-testid="network-view"] .net-header:has-text("namespace ${NS}")`);
  });

  it('for a user who may not list IngressClasses or GatewayClasses (edit in demo only), says so instead of calling the class missing', async () => {
    await page.evaluate((h) => { window.location.hash = h; }, '#/c/wheelhouse-limited/network?ns=demo');
    await page.waitForSelector('[data-testid="network-view"] .net-header:has-text("namespace demo")');
    const note = page.locator('[data-testid="network-forbidden"]');
    await note.waitFor({ timeout: 60_000 });
    // Gateway API kinds are watched once discovery answers: the note grows then.
    await eventually(async () => {
      expect(await note.textContent()).toContain('IngressClass');
      expect(await note.textContent()).toContain('GatewayClass');
    });
    const row = page.locator('[data-testid="net-path-demo/Ingress/web/web.demo.wheelhouse.test/"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('[data-testid="net-stops"]').textContent()).not.toContain('No IngressClass');
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${ADMIN}/network?ns=${NS}`);
    await page.waitForSelector(`[data-testid="network-view"] .net-header:has-text("namespace ${NS}")`);
  });

  it('opens details, logs and port-forward from a node, and a Service’s details link back to the view', async () => {
    const row = pathRow(page, 'Ingress/shop/shop.e2e.test/');
    await row.locator('[data-testid="net-service"] button', { hasText: 'Details' }).click();
    await page.waitForSelector('[data-testid="details"] [data-testid="dp-title"]:text-is("shop")');
    await page.click('[data-testid="dp-network-link"]');
    await eventually(async () => expect(page.url()).toContain('via=Service%2Fshop'));
    await page.waitForSelector('[data-testid="network-view"]');
    expect(await page.locator('[data-testid="network-view"] .net-header').textContent()).toContain('through Service/shop');
    // Logs of a pod behind it: its details open on the Logs tab.
    const pod = row.locator('[data-testid="net-pod"]').first();
    await pod.waitFor();
    const podName = await pod.locator('.net-name').textContent();
    await pod.locator('button', { hasText: 'Logs' }).click();
    await page.waitForSelector(`[data-testid="details"] [data-testid="dp-title"]:text-is("${podName}")`);
    await eventually(async () => expect(await page.locator('[data-testid="dp-tab-logs"]').getAttribute('aria-selected')).toBe('true'));
    // Port-forward: the existing dialog, for the Service's port.
    await row.locator('[data-testid="net-service"] [data-testid="pf-forward-80"]').click();
    await page.waitForSelector('[data-testid="pf-dialog"]');
    expect(await page.locator('[data-testid="pf-dialog"]').textContent()).toContain(`Service ${NS}/shop`);
    await page.click('[data-testid="pf-dialog"] .modal-close');
  });

  it('draws GatewayClass → Gateway → HTTPRoute → Service in the topology', async () => {
    await page.evaluate(() => localStorage.setItem('wheelhouse.testHooks', '1'));
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${ADMIN}/overview?ns=${NS}`);
    await page.waitForSelector('[data-testid="topology-node"][data-kind="Gateway"]', { timeout: 60_000 });
    const uid = async (kind: string, name: string) => (await k(['get', kind, name, ...(kind === 'gatewayclass' ? [] : ['-n', NS]), '-o', 'jsonpath={.metadata.uid}'])).trim();
    const [gc, gw, route, svc] = await Promise.all([uid('gatewayclass', 'wheelhouse'), uid('gateway', 'edge'), uid('httproute', 'shop-route'), uid('service', 'shop')]);
    await eventually(async () => {
      const edges = JSON.parse((await page.textContent('[data-testid="topology-edges"]')) ?? '[]').map((e: any) => `${e.kind}:${e.source}->${e.target}`);
      expect(edges).toEqual(expect.arrayContaining([`classifies:${gc}->${gw}`, `routes:${gw}->${route}`, `routes:${route}->${svc}`]));
    });
    const card = page.locator('[data-testid="topology-node"][data-kind="Gateway"]');
    expect(await card.getAttribute('data-health')).toBe('Progressing');
    // Honest about nobody running a Gateway controller here: the pill's title names the class's controller.
    expect(await card.locator('[data-testid="health"]').getAttribute('title')).toBe('Not accepted by any controller: GatewayClass wheelhouse names controller wheelhouse.dev/no-gateway-controller');
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(600);
    await screenshots(page, 'network-gateway-topology');
    // The Gateway's details link to the Network view narrowed to the paths through it.
    await card.click();
    await page.waitForSelector('[data-testid="details"] [data-testid="dp-title"]:text-is("edge")');
    await page.click('[data-testid="dp-network-link"]');
    await page.waitForSelector('[data-testid="network-view"] .net-header:has-text("through Gateway/edge")');
    await pathRow(page, 'Gateway/edge/HTTPRoute/shop-route/0/shop').waitFor();
    expect(await page.locator('[data-testid="network-view"] .net-path').count()).toBe(1);
    expect(page.errors).toEqual([]);
  });
});
