// Debug containers and a pod's files from where users look (Chromium, serve mode, the real test
// cluster; kubectl is the oracle): Actions → Debug… adds an ephemeral container and its terminal runs
// a command; the Files tab lists a folder, downloads a file with the expected content and shows an
// upload in the listing. Node shells: Actions → Node shell… on a node, deleted on close.
//
// On KWOK a container's commands run on the host in the cluster's exec work dir (test-cluster/README),
// so the test works in a folder of its own there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { openMenu } from './support/details';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { TarReader } from '../shared/files/tar';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-dbg-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const terminalText = (page: Page) => page.evaluate(() => (document.querySelector('[data-testid="debug-terminal"] .xterm-rows') as HTMLElement | null)?.innerText ?? '');

describe('debug containers and files (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  let dir: string;

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }));
    await eventually(async () => expect(JSON.parse(await k(['get', 'pod', 'box', '-n', NS, '-o', 'json'])).status?.phase).toBe('Running'), 60_000);
    dir = `${(await k(['exec', '-n', NS, 'box', '--', 'pwd'])).trim()}/${NS}`;
    await k(['exec', '-n', NS, 'box', '--', 'sh', '-c', `mkdir -p "${dir}/logs" && printf 'hello from %s\\n' "${NS}" > "${dir}/hello.txt" && printf 'x%.0s' $(seq 1 3000) > "${dir}/logs/app.log"`]);
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await k(['exec', '-n', NS, 'box', '--', 'rm', '-rf', dir]).catch(() => undefined);
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('Actions → Debug… adds an ephemeral container like kubectl debug, and its terminal runs a command', async () => {
    await pickNamespace(page, NS);
    await openKind(page, '/pods');
    await openRow(page, 'box');
    await openMenu(page);
    await page.click('[data-testid="action-debug"]');
    await page.waitForSelector('[data-testid="debug-dialog"]');
    expect(await page.inputValue('[data-testid="debug-target"]')).toBe('app');
    await page.click('[data-testid="debug-image-nicolaka/netshoot"]');
    await page.click('[data-testid="debug-image-busybox"]');
    await screenshots(page, 'debug-dialog');
    await page.click('[data-testid="debug-start"]');
    await page.waitForSelector('[data-testid="debug-terminal"] [data-testid="terminal-status"][data-state="open"]', { timeout: 60_000 });
    const pod = JSON.parse(await k(['get', 'pod', 'box', '-n', NS, '-o', 'json']));
    expect(pod.spec.ephemeralContainers).toHaveLength(1);
    expect(pod.spec.ephemeralContainers[0]).toMatchObject({ image: 'busybox', targetContainerName: 'app', stdin: true, tty: true, terminationMessagePolicy: 'File' });
    expect(pod.spec.ephemeralContainers[0].name).toMatch(/^debugger-[a-z0-9]{5}$/);
    await page.locator('[data-testid="debug-terminal"] [data-testid="terminal-box"]').click();
    await page.keyboard.type('echo "debug-$((6*7))"');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await terminalText(page)).toMatch(/^debug-42\s*$/m), 20_000);
    expect(await page.textContent('[data-testid="debug-dialog"] .modal-title')).toContain(pod.spec.ephemeralContainers[0].name);
    await screenshots(page, 'debug-terminal');
    await page.click('[data-testid="debug-close"]');
    await page.waitForSelector('[data-testid="debug-dialog"]', { state: 'detached' });
    expect(page.errors).toEqual([]);
  });

  it('the Files tab lists a folder, downloads a file with its content and a folder as .tar, and shows uploads of a file and a folder', async () => {
    await page.click('[data-testid="dp-tab-files"]');
    await page.waitForSelector('[data-testid="files-table"]', { timeout: 30_000 });
    await page.fill('[data-testid="files-path"]', dir);
    await page.click('[data-testid="files-go"]');
    const row = (name: string) => page.locator(`[data-testid="files-row"][data-name="${name}"]`);
    await row('hello.txt').waitFor({ timeout: 30_000 });
    expect(await page.$$eval('[data-testid="files-row"]', (rs) => rs.map((r) => r.getAttribute('data-name')))).toEqual(['logs', 'hello.txt']);
    expect(await row('hello.txt').locator('td').nth(1).textContent()).toBe(`${`hello from ${NS}\n`.length} B`);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), row('hello.txt').locator('[data-testid="files-download"]').click()]);
    expect(download.suggestedFilename()).toBe('hello.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(`hello from ${NS}\n`);
    await page.waitForSelector('[data-testid="files-transfer-state"]:text-is("done")');
    const size = `${`hello from ${NS}\n`.length} B`;
    expect(await page.textContent('[data-testid="files-transfer"]')).toContain(`hello.txt${size} of ${size}done`);

    await page.setInputFiles('[data-testid="files-upload-input"]', { name: 'uploaded note.txt', mimeType: 'text/plain', buffer: Buffer.from('uploaded through the Files tab\n') });
    await row('uploaded note.txt').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="files-transfer"]').first().textContent()).toMatch(/uploaded note\.txt10 KiB of 10 KiBdone.*tar archive of 1 file, 31 B/);
    expect(await k(['exec', '-n', NS, 'box', '--', 'cat', `${dir}/uploaded note.txt`])).toBe('uploaded through the Files tab\n');

    // A folder uploads with its layout (webkitdirectory picker).
    const local = mkdtempSync(join(tmpdir(), 'wh-e2e-upload-'));
    mkdirSync(join(local, 'bundle', 'inner'), { recursive: true });
    writeFileSync(join(local, 'bundle', 'a.txt'), 'first\n');
    writeFileSync(join(local, 'bundle', 'inner', 'b.txt'), 'second\n');
    await page.setInputFiles('[data-testid="files-upload-folder-input"]', join(local, 'bundle'));
    await row('bundle').waitFor({ timeout: 30_000 });
    expect(await k(['exec', '-n', NS, 'box', '--', 'cat', `${dir}/bundle/a.txt`, `${dir}/bundle/inner/b.txt`])).toBe('first\nsecond\n');

    // A folder arrives as a .tar archive holding its files.
    const [tar] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), row('logs').locator('[data-testid="files-download"]').click()]);
    expect(tar.suggestedFilename()).toBe('logs.tar');
    const entries: Record<string, number> = {};
    let current = '';
    new TarReader({ entry: (e) => { current = e.name; entries[current] = 0; }, data: (c) => { entries[current] += c.length; }, entryEnd: () => {} })
      .push(new Uint8Array(readFileSync((await tar.path())!)));
    expect(entries).toEqual({ 'logs/': 0, 'logs/app.log': 3000 });

    // Into a folder, then back up.
    await row('logs').locator('[data-testid="files-open"]').click();
    await row('app.log').waitFor({ timeout: 30_000 });
    expect(await page.inputValue('[data-testid="files-path"]')).toBe(`${dir}/logs`);
    await page.click('[data-testid="files-up"]');
    await row('uploaded note.txt').waitFor({ timeout: 30_000 });
    await screenshots(page, 'files-browser');
    expect(page.errors).toEqual([]);
  });

  it('Actions → Node shell… opens a shell on the node and deletes its pod on close', async () => {
    await openKind(page, '/nodes');
    await openRow(page, 'kwok-node-2');
    await openMenu(page);
    await page.click('[data-testid="action-nodeShell"]');
    await page.waitForSelector('[data-testid="debug-dialog"]');
    await page.click('[data-testid="debug-start"]');
    await page.waitForSelector('[data-testid="debug-terminal"] [data-testid="terminal-status"][data-state="open"]', { timeout: 60_000 });
    const podName = async () => JSON.parse(await k(['get', 'pods', '-n', 'default', '-o', 'json'])).items.map((p: any) => p.metadata.name).find((n: string) => n.startsWith('node-debugger-kwok-node-2-'));
    const name = await podName();
    expect(name).toBeTruthy();
    expect(await page.textContent('[data-testid="debug-close"]')).toBe('Close and delete pod');
    await page.click('[data-testid="debug-close"]');
    await eventually(async () => expect(await podName()).toBeUndefined(), 30_000);
    expect(page.errors).toEqual([]);
  });
});
