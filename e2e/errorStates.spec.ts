import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { clientCertificate } from '../src-main/testing/certificates';
import { tempDir } from '../src-main/testing/testCluster';
import { goTo as go } from './support/navigate';

/**
 * Error states a person meets, driven from the normal UI in Chromium against the real cluster: a
 * context whose client certificate expired shows the expiry date; a credential plugin waiting for a
 * login shows its progress and can be cancelled (its processes go); a context kubectl would refuse
 * shows kubectl's reason; an OSC 8 hyperlink printed in a pod's terminal opens nothing without the
 * in-app confirmation showing its full URL.
 */
const ADMIN = 'wheelhouse-admin';
const DAY = 86_400_000;
const dir = tempDir('wh-e2e-errors-');
const alive = (pid: number) => {
  try { process.kill(pid, 0); } catch { return false; }
  try { return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')); } catch { return false; }
};

/** 1440×900 and 1280×720, light and dark (the app follows prefers-color-scheme). */
async function shots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `test-results/errors-${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('error states in the browser (serve mode, real cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let expiredOn: string;
  const pidsFile = join(dir, 'login.pids');

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    const kc = parse(readFileSync(testKubeconfig(), 'utf8'));
    const pki = join(dirname(testKubeconfig()), 'pki');
    const expired = clientCertificate(dir, { crt: join(pki, 'ca.crt'), key: join(pki, 'ca.key') }, {
      stem: 'expired', subject: '/O=system:masters/CN=expired-admin', notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - 3 * DAY),
    });
    expiredOn = new Date(new X509Certificate(expired.certPem).validTo).toISOString();
    const login = join(dir, 'sso-login.sh');
    writeFileSync(login, `#!/bin/sh\necho "To sign in, use a web browser to open https://login.example/device and enter the code WHEE-1234" >&2\nsleep 600 &\necho "$$ $!" > '${pidsFile}'\nwait\n`);
    chmodSync(login, 0o755);
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const cluster = kc.clusters[0];
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': ADMIN,
      clusters: [cluster, { name: 'insecure-and-ca', cluster: { ...cluster.cluster, 'insecure-skip-tls-verify': true } }],
      users: [...kc.users,
        { name: 'expired', user: { 'client-certificate-data': b64(expired.certPem), 'client-key-data': b64(expired.keyPem) } },
        { name: 'sso', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: login, args: ['--tenant', 'dev'], interactiveMode: 'Never' } } }],
      contexts: [...kc.contexts,
        { name: 'expired-cert', context: { cluster: cluster.name, user: 'expired' } },
        { name: 'sso-login', context: { cluster: cluster.name, user: 'sso' } },
        { name: 'insecure-and-ca', context: { cluster: 'insecure-and-ca', user: kc.contexts.find((c: any) => c.name === ADMIN).context.user } }],
    }));
    serve = await startServe({ kubeconfig: file });
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); await serve?.close(); });

  it('a context whose client certificate expired says so, with the date, within 5 s', async () => {
    const page = await openApp(browser, serve);
    await go(page, '#/c/expired-cert/overview');
    const t0 = Date.now();
    const notice = page.locator('[data-testid="connection-notice"][data-state="unauthorized"]');
    await notice.waitFor({ timeout: 5_000 });
    expect(Date.now() - t0).toBeLessThanOrEqual(5_000);
    expect(await page.textContent('[data-testid="connection-reason"]'))
      .toBe(`The client certificate for user "expired" expired on ${expiredOn} (from the kubeconfig). Get a new certificate for this user (or refresh the kubeconfig from your cluster provider).`);
    expect(await page.getAttribute('[data-testid="cluster-status"]', 'data-state')).toBe('unauthorized');
    await page.click('[data-testid="error-details"] summary');
    expect(await page.textContent('[data-testid="error-details"] pre')).toMatch(/^subject .*CN=expired-admin.*; valid from .* to /);
    await shots(page, 'expired-certificate');
    expect(page.errors).toEqual([]);
  });

  it('a credential plugin waiting for a login shows its command, elapsed time and stderr; Cancel stops it', async () => {
    const page = await openApp(browser, serve);
    await go(page, '#/c/sso-login/overview');
    const t0 = Date.now();
    await page.waitForSelector('[data-testid="connection-notice"][data-state="plugin-running"]', { timeout: 5_000 });
    expect(Date.now() - t0).toBeLessThanOrEqual(5_000);
    expect(await page.textContent('[data-testid="plugin-command"]')).toBe(`${join(dir, 'sso-login.sh')} --tenant dev`);
    expect(await page.textContent('[data-testid="plugin-stderr"]')).toBe('To sign in, use a web browser to open https://login.example/device and enter the code WHEE-1234');
    await page.waitForFunction(() => Number.parseInt(document.querySelector('[data-testid="plugin-elapsed"]')?.textContent ?? '0', 10) >= 4, undefined, { timeout: 5_000 });
    const pids = readFileSync(pidsFile, 'utf8').trim().split(/\s+/).map(Number);
    expect(pids.every(alive)).toBe(true);
    await shots(page, 'plugin-running');
    await page.click('[data-testid="plugin-cancel"]');
    await page.waitForSelector('[data-testid="connection-notice"][data-state="error"]', { timeout: 5_000 });
    expect(await page.textContent('[data-testid="connection-reason"]')).toMatch(/^The credential plugin `.*sso-login\.sh --tenant dev` was cancelled \(its last output: To sign in, .*WHEE-1234\)\. Press Retry to run it again\.$/);
    await expect.poll(() => pids.filter(alive), { timeout: 2_000 }).toEqual([]);
    expect(await page.isVisible('[data-testid="plugin-retry"]')).toBe(true);
    await shots(page, 'plugin-cancelled');
    // Retry now runs it again at once (a cancelled plugin stays stopped until then); cancelled again, it goes again.
    await page.click('[data-testid="plugin-retry"]');
    await page.waitForSelector('[data-testid="connection-notice"][data-state="plugin-running"]', { timeout: 5_000 });
    await expect.poll(() => { try { return readFileSync(pidsFile, 'utf8').trim().split(/\s+/).map(Number).filter(alive).length; } catch { return 0; } }, { timeout: 5_000 }).toBe(2);
    const again = readFileSync(pidsFile, 'utf8').trim().split(/\s+/).map(Number);
    expect(again).not.toEqual(pids);
    await page.click('[data-testid="plugin-cancel"]');
    await page.waitForSelector('[data-testid="connection-notice"][data-state="error"]', { timeout: 5_000 });
    await expect.poll(() => again.filter(alive), { timeout: 2_000 }).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('a context kubectl refuses (insecure-skip-tls-verify with a CA) shows kubectl\'s reason instead of connecting', async () => {
    const page = await openApp(browser, serve);
    await go(page, '#/c/insecure-and-ca/overview');
    await page.waitForSelector('[data-testid="connection-notice"][data-state="error"]', { timeout: 5_000 });
    expect(await page.textContent('[data-testid="connection-reason"]')).toContain('specifying a root certificates file with the insecure flag is not allowed');
    await shots(page, 'kubectl-refuses');
    expect(page.errors).toEqual([]);
  });

  it('control characters in cluster strings (ESC, BEL, C1) are shown as ⟦U+XXXX⟧, never swallowed', async () => {
    const name = `ctl-chars-${Math.random().toString(36).slice(2, 8)}`;
    const note = 'before\u001b[31mred\u0007bell\u009bcsi';
    await kubectl(['apply', '-f', '-'], { kubeconfig: testKubeconfig(), context: ADMIN, input: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'demo', annotations: { note } }, data: { k: 'v' } }) });
    try {
      const page = await openApp(browser, serve);
      await go(page, `#/c/${ADMIN}/r/_/v1/configmaps?ns=demo`);
      await page.click(`[data-testid="resource-table"] [role="row"][data-name="${name}"]`, { timeout: 30_000 });
      await page.waitForSelector('[data-testid="dp-annotations"]', { timeout: 30_000 });
      const shown = await page.textContent('[data-testid="dp-annotations"]');
      expect(shown).toContain('before⟦U+001B⟧[31mred⟦U+0007⟧bell⟦U+009B⟧csi');
      // Tab and newlines are layout and stay; nothing else below U+0020 or in U+007F-U+009F reaches the page.
      expect([...shown!].filter((c) => !"\t\n\r".includes(c)).filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f))).toEqual([]);
      await page.locator('[data-testid="dp-annotations"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/errors-control-characters.png' });
      expect(page.errors).toEqual([]);
    } finally {
      await kubectl(['delete', 'configmap', '-n', 'demo', name], { kubeconfig: testKubeconfig(), context: ADMIN });
    }
  });

  it('an OSC 8 link in a pod\'s terminal opens nothing without the in-app confirmation showing its full URL', async () => {
    const pod = (await kubectl(['get', 'pods', '-n', 'demo', '-l', 'app=api', '--field-selector=status.phase=Running', '-o', 'jsonpath={.items[0].metadata.name}'], { kubeconfig: testKubeconfig(), context: ADMIN })).trim();
    const page = await openApp(browser, serve);
    const dialogs: Dialog[] = [];
    page.on('dialog', (d) => { dialogs.push(d); void d.dismiss(); });
    await page.evaluate(() => {
      const w = window as unknown as { opened: string[] };
      w.opened = [];
      window.open = ((url?: string | URL) => { w.opened.push(String(url)); return null; }) as typeof window.open;
    });
    await go(page, `#/c/${ADMIN}/r/_/v1/pods?ns=demo`);
    try {
      await page.click(`[data-testid="resource-table"] [role="row"][data-name="${pod}"]`, { timeout: 30_000 });
    } catch (err) {
      await page.screenshot({ path: 'test-results/errors-terminal-open-failed.png' });
      throw new Error(`${(err as Error).message}; pod ${pod}; page: ${(await page.textContent('body'))?.slice(0, 400)}`, { cause: err });
    }
    await page.click('[data-testid="dp-tab-terminal"]');
    await page.waitForSelector('[data-testid="terminal-status"][data-state="open"]', { timeout: 30_000 });
    await page.waitForFunction(() => ((document.querySelector('.xterm-rows') as HTMLElement)?.innerText ?? '').trim().length > 0, undefined, { timeout: 20_000 });
    const target = 'https://example.com/osc8-target?from=terminal';
    await page.click('[data-testid="terminal-box"]');
    await page.keyboard.type(`printf '\\033]8;;${target}\\033\\\\docs-link\\033]8;;\\033\\\\\\n'`);
    await page.keyboard.press('Enter');
    const link = page.locator('.xterm-rows span', { hasText: /^docs-link$/ }).last();
    await link.waitFor({ timeout: 20_000 });
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('[data-testid="terminal-link-dialog"]', { timeout: 5_000 });
    expect(await page.textContent('[data-testid="terminal-link-url"]')).toBe(target);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([]);
    expect(page.context().pages()).toHaveLength(1);
    await page.click('[data-testid="terminal-link-dialog"] button:has-text("Cancel")');
    await page.waitForSelector('[data-testid="terminal-link-dialog"]', { state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([]);
    // Confirmed, it goes through window.open (in Electron: the window-open handler's allow-listed openExternal).
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('[data-testid="terminal-link-dialog"]', { timeout: 5_000 });
    await shots(page, 'terminal-link');
    await page.click('[data-testid="terminal-link-dialog"] [data-testid="confirm"]');
    expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([target]);
    expect(dialogs).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
