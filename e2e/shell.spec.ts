// Shells and logs from where users look (Chromium, serve mode, the real test cluster): a workload's
// Terminal tab picks a ready pod (another can be chosen), the container picker lists regular, init and
// ephemeral containers with the default marked (kubectl.kubernetes.io/default-container), and the
// command is a choice (bash else sh, sh, bash, custom). A shell in the second container of a
// two-container pod runs, and the exec the page asks the core for names that container.
//
// KWOK runs every exec on the host whatever the container (test-cluster/kwok-config.mjs has one
// ClusterExec for all), so the output cannot tell containers apart; what proves the choice is the
// exec subscription the page sends (container=sidecar) and the API server accepting it for that pod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-shell-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });

const duo = (name: string, annotations?: Record<string, string>) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: {
    replicas: 1, selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name }, ...(annotations ? { annotations } : {}) }, spec: {
      initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['true'] }],
      containers: [{ name: 'main', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox:1.36', env: [{ name: 'ROLE', value: 'sidecar' }] }],
    } },
  },
});

/** The exec subscriptions the page sent over its WebSocket (the frames the core validates and runs). */
function execSubscriptions(page: Page): any[] {
  return (page as any).execSubs as any[];
}

describe('shells from details (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      duo('duo'), duo('annotated', { 'kubectl.kubernetes.io/default-container': 'sidecar' }),
    ] }));
    await eventually(async () => {
      const pods = JSON.parse(await k(['get', 'pods', '-n', NS, '-o', 'json'])).items;
      const ready = pods.filter((p: any) => p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
      expect(ready.length).toBe(2);
    }, 90_000);
    browser = await launchChromium();
    page = await openApp(browser, serve);
    const subs: any[] = [];
    Object.assign(page, { execSubs: subs });
    page.on('websocket', (ws) => ws.on('framesent', (f) => {
      try {
        const frame = JSON.parse(String(f.payload));
        if (frame?.t === 'sub' && frame.topic === 'exec.session') subs.push(frame.params);
      } catch { /* not JSON */ }
    }));
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it("opens a shell in the second container of a workload's ready pod, with a chosen command", async () => {
    await pickNamespace(page, NS);
    await openKind(page, 'apps/deployments');
    await openRow(page, 'duo');
    await page.click('[data-testid="dp-tab-terminal"]');
    const podName = JSON.parse(await k(['get', 'pods', '-n', NS, '-l', 'app=duo', '-o', 'json'])).items[0].metadata.name;
    // A ready pod is picked; the first shell opens in the default container (the first regular one).
    await page.waitForFunction((p) => (document.querySelector('[data-testid="shell-pod"]') as HTMLSelectElement | null)?.value === p, podName, { timeout: 30_000 });
    await page.waitForSelector('[data-testid="terminal-status"][data-state="open"]', { timeout: 30_000 });
    const options = await page.$$eval('[data-testid="shell-container"] option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['main (default)', 'sidecar', expect.stringMatching(/^setup \(init/)]);
    expect(execSubscriptions(page).at(-1)).toMatchObject({ namespace: NS, pod: podName, container: 'main' });

    await page.selectOption('[data-testid="shell-container"]', 'sidecar');
    await page.selectOption('[data-testid="shell-command"]', 'custom');
    await page.fill('[data-testid="shell-custom"]', "sh -c 'echo \"in-$0: $((6*7))\"; exec sh' sidecar");
    await page.click('[data-testid="terminal-new"]');
    await page.waitForSelector('[data-testid="terminal-tab-2"]:has-text("sidecar")');
    const visible = page.locator('.terminal-panel:not([hidden])');
    await visible.locator('[data-testid="terminal-status"][data-state="open"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => /in-sidecar: 42/.test((document.querySelector('.terminal-panel:not([hidden]) .xterm-rows') as HTMLElement).innerText), undefined, { timeout: 20_000 });
    expect(execSubscriptions(page).at(-1)).toMatchObject({ pod: podName, container: 'sidecar', command: ['sh', '-c', 'echo "in-$0: $((6*7))"; exec sh', 'sidecar'] });
    await visible.locator('[data-testid="terminal-box"]').click();
    await page.keyboard.type('echo "cluster=$WHEELHOUSE_TEST_CLUSTER"');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^cluster=wheelhouse\s*$/m.test((document.querySelector('.terminal-panel:not([hidden]) .xterm-rows') as HTMLElement).innerText), undefined, { timeout: 20_000 });
    // The exec reached the sidecar container: the test bed's KWOK gives each named container's execs its name.
    await page.keyboard.type('echo "container=$WHEELHOUSE_CONTAINER"');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^container=sidecar\s*$/m.test((document.querySelector('.terminal-panel:not([hidden]) .xterm-rows') as HTMLElement).innerText), undefined, { timeout: 20_000 });
    await screenshots(page, 'shell-1-workload-sidecar');

    // A custom command that cannot be split is refused before anything runs.
    const before = execSubscriptions(page).length;
    await page.fill('[data-testid="shell-custom"]', "echo 'unterminated");
    await page.click('[data-testid="terminal-new"]');
    expect(await page.textContent('[data-testid="shell-error"]')).toContain('Unterminated single quote');
    expect(execSubscriptions(page)).toHaveLength(before);
    expect(page.errors).toEqual([]);
  });

  it('marks the annotated default container, and a pod opens its first shell there', async () => {
    await openKind(page, '/pods');
    const podName = JSON.parse(await k(['get', 'pods', '-n', NS, '-l', 'app=annotated', '-o', 'json'])).items[0].metadata.name;
    await openRow(page, podName);
    await page.click('[data-testid="dp-tab-terminal"]');
    await page.waitForSelector('[data-testid="terminal-status"][data-state="open"]', { timeout: 30_000 });
    expect(await page.$$eval('[data-testid="shell-container"] option', (os) => os.map((o) => o.textContent))).toEqual(['main', 'sidecar (default)', expect.stringMatching(/^setup \(init/)]);
    expect(await page.inputValue('[data-testid="shell-container"]')).toBe('sidecar');
    expect(execSubscriptions(page).at(-1)).toMatchObject({ pod: podName, container: 'sidecar' });
    // The Logs tab offers the same containers, the default marked and chosen.
    await page.click('[data-testid="dp-tab-logs"]');
    await page.waitForSelector('[data-testid="log-container"]');
    expect(await page.inputValue('[data-testid="log-container"]')).toBe('sidecar');
    expect(await page.$$eval('[data-testid="log-container"] option', (os) => os.map((o) => o.textContent))).toContain('sidecar (default)');
    expect(page.errors).toEqual([]);
  });
});
