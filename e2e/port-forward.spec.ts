// Port-forward from where users look (Chromium, serve mode, the real test cluster): the Forward…
// button beside a Service's port in its details (a taken local port refused with a clear message, then
// any free port), beside a pod's container port, and the sidebar's "Port forwards" list across
// contexts (bytes, Open in browser, Stop). KWOK's port-forward reaches the test cluster's echo server,
// so a request through the forwarded port must get its fixed body back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { ECHO_BODY } from '../test-cluster/cluster-lib.mjs';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-pf-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });

const manifests = {
  apiVersion: 'v1', kind: 'List', items: [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: {
      replicas: 1, selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'metrics' }] }] } },
    } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  ],
};

/** A plain GET through the forwarded port (KWOK tunnels it to the echo server). */
async function getThrough(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(20_000) });
  expect(res.status).toBe(200);
  return res.text();
}

describe('port-forward from details and the sidebar (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  let blocker: Server;
  let takenPort = 0;

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify(manifests));
    await eventually(async () => {
      const pods = JSON.parse(await k(['get', 'pods', '-n', NS, '-l', 'app=web', '-o', 'json'])).items;
      expect(pods.some((p: any) => p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'))).toBe(true);
    }, 90_000);
    // A local port something else already listens on (picked free by the OS, then held).
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    takenPort = (blocker.address() as { port: number }).port;

    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    blocker?.close();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it("forwards a Service's port from its details: a taken local port is refused, any free one works", async () => {
    await pickNamespace(page, NS);
    await openKind(page, '/services');
    await openRow(page, 'web');
    await page.waitForSelector('[data-testid="dp-service-ports"]');
    await page.click('[data-testid="dp-service-ports"] [data-testid="pf-forward-80"]');
    await page.waitForSelector('[data-testid="pf-dialog"]');
    // Port 80 is privileged: the dialog offers any free port rather than the same number.
    expect(await page.inputValue('[data-testid="pf-dialog-local"]')).toBe('');

    await page.fill('[data-testid="pf-dialog-local"]', String(takenPort));
    await page.click('[data-testid="pf-dialog-start"]');
    const error = await page.waitForSelector('[data-testid="pf-dialog-error"]');
    expect(await error.textContent()).toContain(`Local port ${takenPort} is already in use`);
    await screenshots(page, 'pf-1-dialog-port-taken');
    // Nothing was started by the refusal.
    expect(await page.$$('[data-testid="pf-dialog"] [data-testid="pf-row"]')).toHaveLength(0);
    expect(await page.$$('[data-testid="nav-port-forwards-count"]')).toHaveLength(0);

    await page.fill('[data-testid="pf-dialog-local"]', '');
    await page.click('[data-testid="pf-dialog-start"]');
    const row = await page.waitForSelector('[data-testid="pf-dialog"] [data-testid="pf-row"]', { timeout: 30_000 });
    const local = Number(await row.getAttribute('data-local-port'));
    expect(local).toBeGreaterThan(0);
    expect(local).not.toBe(takenPort);
    expect(await row.textContent()).toContain(`${NS}/svc/web → web-`);
    expect(await getThrough(local)).toBe(ECHO_BODY);
    await screenshots(page, 'pf-2-dialog-started');
    await page.click('[data-testid="pf-dialog"] .modal-close');
  });

  it("forwards a pod's container port (same number locally when free) from the pod's details", async () => {
    await openKind(page, '/pods');
    const pod = JSON.parse(await k(['get', 'pods', '-n', NS, '-l', 'app=web', '-o', 'json'])).items[0].metadata.name;
    await openRow(page, pod);
    await page.waitForSelector('[data-testid="dp-container-web"] [data-testid="pf-forward-9090"]');
    await page.click('[data-testid="dp-container-web"] [data-testid="pf-forward-9090"]');
    await page.fill('[data-testid="pf-dialog-local"]', '');
    await page.click('[data-testid="pf-dialog-start"]');
    const row = await page.waitForSelector('[data-testid="pf-dialog"] [data-testid="pf-row"]', { timeout: 30_000 });
    expect(await row.textContent()).toContain(`${NS}/${pod}:9090`);
    expect(await getThrough(Number(await row.getAttribute('data-local-port')))).toBe(ECHO_BODY);
    await page.click('[data-testid="pf-dialog"] .modal-close');
  });

  it('lists every forward in the sidebar: bytes, Open in browser, Stop', async () => {
    await page.waitForSelector('[data-testid="nav-port-forwards-count"]:text-is("2")');
    await page.click('[data-testid="nav-port-forwards"]');
    await page.waitForSelector('[data-testid="pf-page"]');
    const rows = page.locator('[data-testid="pf-page"] [data-testid="pf-row"]');
    await eventually(async () => expect(await rows.count()).toBe(2));
    const svcRow = rows.filter({ hasText: 'svc/web' });
    expect(await svcRow.getAttribute('data-context')).toBe(ADMIN);
    const local = Number(await svcRow.getAttribute('data-local-port'));
    expect(await svcRow.textContent()).toContain(`127.0.0.1:${local}`);
    // The earlier request went through: bytes both ways.
    await eventually(async () => expect(await svcRow.locator('[data-testid="pf-bytes"]').textContent()).not.toMatch(/^0 B|\/ 0 B$/));
    await screenshots(page, 'pf-3-sidebar-list');

    // Open in browser: the echo server's page in a new tab, through the forward.
    const [popup] = await Promise.all([page.context().waitForEvent('page'), svcRow.locator('[data-testid="pf-open"]').click()]);
    await popup.waitForLoadState();
    expect(await popup.textContent('body')).toBe(ECHO_BODY);
    await popup.close();

    await svcRow.locator('[data-testid="pf-stop"]').click();
    await eventually(async () => expect(await rows.count()).toBe(1));
    await expect(getThrough(local)).rejects.toThrow();
    await rows.first().locator('[data-testid="pf-stop"]').click();
    await page.waitForSelector('[data-testid="pf-page"] td:has-text("No port forwards")');
    expect(page.errors).toEqual([]);
  });

  it("a table row's right-click menu: the object's actions and a port-forward per port", async () => {
    await page.click('[data-testid="nav-/services"]');
    const row = page.locator('[data-testid="resource-table"] [role="row"][data-name="web"]');
    await row.click({ button: 'right' });
    await page.waitForSelector('[data-testid="row-menu"] [data-testid="row-menu-forward-80"]', { timeout: 30_000 });
    // The same actions menu as the details header, checked against RBAC the same way.
    await page.waitForSelector('[data-testid="row-menu"] [data-testid="action-delete"]');
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="row-menu"] .act-item')].some((b) => (b.textContent ?? '').includes('Checking permissions')), null, { timeout: 30_000 });
    expect(await page.isDisabled('[data-testid="row-menu"] [data-testid="action-edit"]')).toBe(false);
    await screenshots(page, 'pf-4-row-menu');
    await page.click('[data-testid="row-menu-forward-80"]');
    await page.click('[data-testid="pf-dialog-start"]');
    const started = await page.waitForSelector('[data-testid="pf-dialog"] [data-testid="pf-row"]', { timeout: 30_000 });
    const local = Number(await started.getAttribute('data-local-port'));
    expect(await getThrough(local)).toBe(ECHO_BODY);
    await page.click('[data-testid="pf-dialog"] [data-testid="pf-stop"]');
    await expect(eventually(() => getThrough(local), 5_000)).rejects.toThrow();
    await page.click('[data-testid="pf-dialog"] .modal-close');
    await page.waitForSelector('[data-testid="row-menu"]', { state: 'detached' });
    expect(page.errors).toEqual([]);
  });

  it("a topology card's right-click menu offers the same actions and port-forwards", async () => {
    await page.click('text=Topology');
    const card = page.locator('[data-testid="topology-node"][data-kind="Service"][data-name="web"]');
    await card.waitFor({ timeout: 60_000 });
    await card.click({ button: 'right' });
    await page.waitForSelector('[data-testid="row-menu"] [data-testid="row-menu-forward-80"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="row-menu"] [data-testid="action-delete"]');
    await screenshots(page, 'pf-5-topology-card-menu');
    await page.click('[data-testid="row-menu-forward-80"]');
    await page.click('[data-testid="pf-dialog-start"]');
    const started = await page.waitForSelector('[data-testid="pf-dialog"] [data-testid="pf-row"]', { timeout: 30_000 });
    expect(await getThrough(Number(await started.getAttribute('data-local-port')))).toBe(ECHO_BODY);
    await page.click('[data-testid="pf-dialog"] [data-testid="pf-stop"]');
    await page.click('[data-testid="pf-dialog"] .modal-close');
    expect(page.errors).toEqual([]);
  });
});
