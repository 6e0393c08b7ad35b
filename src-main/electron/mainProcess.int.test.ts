// src-main/main.ts run for real on a fake `electron` (fakeElectron.ts) and the real test cluster: the
// start-up order, the window's security settings, the app:// protocol on the built renderer, the guards,
// the session policy, the contract over IPC with its sender check, and a clean quit that disposes the
// core. Electron's binary cannot be downloaded here; e2e/electron.spec.ts covers the real thing where
// it exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createFakeElectron, FakeEvent, type FakeElectron, type FakeWebContents } from '../testing/fakeElectron';
import { FRAME_CHANNEL } from './ipcChannel';
import { Core } from '../core/core';

const h = vi.hoisted(() => ({ fake: undefined as undefined | { electron: Record<string, unknown> } }));
vi.mock('electron', () => h.fake!.electron);

const root = resolve(import.meta.dirname, '..', '..');

async function until<T>(f: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('main.ts on a fake Electron', () => {
  let fake: FakeElectron;
  let userData: string;
  let wc: FakeWebContents;
  let nextId = 1;
  const dispose = vi.spyOn(Core.prototype, 'dispose');
  const savedEnv = { KUBECONFIG: process.env.KUBECONFIG, WHEELHOUSE_DATA_DIR: process.env.WHEELHOUSE_DATA_DIR, WHEELHOUSE_DEV_URL: process.env.WHEELHOUSE_DEV_URL };

  const sendFrame = (frame: Record<string, unknown>, senderFrame: unknown = wc.mainFrame) => {
    fake.electron.ipcMain.emit(FRAME_CHANNEL, { sender: wc, senderFrame }, frame);
  };
  const framesFor = (id: number) => wc.sent.filter((s) => s.channel === FRAME_CHANNEL && (s.payload as { id: number }).id === id).map((s) => s.payload as any);

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) || !existsSync(join(root, 'dist', 'preload', 'preload.cjs'))) {
      const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit', env: { ...process.env, WHEELHOUSE_QUIET_BUILD: '1' } });
      if (r.status !== 0) throw new Error('build failed');
    }
    userData = mkdtempSync(join(tmpdir(), 'wheelhouse-main-'));
    process.env.KUBECONFIG = inject('kubeconfig');
    delete process.env.WHEELHOUSE_DATA_DIR;
    delete process.env.WHEELHOUSE_DEV_URL;
    fake = createFakeElectron({ appPath: root, userData });
    h.fake = fake;
    await import('../main');
    const win = await until(() => fake.windows[0], 'the main window');
    wc = win.webContents;
  });

  afterAll(() => {
    for (const [k, v] of Object.entries(savedEnv)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
    rmSync(userData, { recursive: true, force: true });
  });

  it('registers app:// as privileged and enables the sandbox before ready', () => {
    const ready = fake.calls.indexOf('ready');
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(fake.electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }]);
  });

  it('opens one sandboxed, isolated window on app://wheelhouse with the bundled preload', () => {
    const win = fake.windows[0];
    expect(fake.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false,
      allowRunningInsecureContent: false, experimentalFeatures: false,
      preload: join(root, 'dist', 'preload', 'preload.cjs'),
    });
    expect(existsSync(win.options.webPreferences.preload)).toBe(true);
    expect(win.loadedUrl).toBe('app://wheelhouse/index.html');
    expect(win.shown).toBe(true);
  });

  it('serves the built renderer on app:// with the CSP, and nothing outside it', async () => {
    const handle = fake.electron.protocol.handlers.get('app')!;
    const index = await handle({ url: 'app://wheelhouse/index.html', method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    expect((await handle({ url: 'app://wheelhouse/%2e%2e/%2e%2e/package.json', method: 'GET' })).status).not.toBe(200);
    expect((await handle({ url: 'app://elsewhere/index.html', method: 'GET' })).status).toBe(403);
  });

  it('builds the native menu', () => {
    const labels = (fake.electron.Menu.template as { label?: string; role?: string }[]).map((m) => m.label ?? m.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'window', 'help']));
  });

  it('guards every webContents: navigation, new windows, webviews', () => {
    const away = new FakeEvent('https://example.com/x');
    wc.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const js = new FakeEvent('javascript:alert(1)');
    wc.emit('will-navigate', js);
    expect(js.defaultPrevented).toBe(true);
    expect(wc.windowOpenHandler!({ url: 'https://example.com/y' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    const webview = new FakeEvent();
    wc.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    expect(fake.electron.shell.opened).toEqual(['https://example.com/x', 'https://example.com/y']);
  });

  it('denies permissions and blocks remote requests on the session', () => {
    const s = fake.electron.session.defaultSession;
    const answers: boolean[] = [];
    s.permissionRequest!(wc, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://wheelhouse/index.html' });
    s.permissionRequest!(wc, 'notifications', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://wheelhouse/index.html' });
    expect(answers).toEqual([false, false]);
    expect(s.permissionCheck!(wc, 'geolocation', 'app://wheelhouse', {})).toBe(false);
    expect(s.devicePermission!({})).toBe(false);
    const cancels: unknown[] = [];
    s.beforeRequest!({ url: 'https://cdn.example/x.js' }, (r: unknown) => cancels.push(r));
    s.beforeRequest!({ url: 'app://wheelhouse/assets/x.js' }, (r: unknown) => cancels.push(r));
    expect(cancels).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('answers contract requests from the window over IPC, from the real cluster', async () => {
    const id = nextId++;
    sendFrame({ t: 'req', id, method: 'kubeconfig.get', params: {} });
    const [res] = await until(() => framesFor(id).length ? framesFor(id) : undefined, 'the kubeconfig.get response');
    expect(res).toMatchObject({ t: 'res', id, ok: true });
    expect(res.result.contexts.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['wheelhouse-admin', 'wheelhouse-limited']));
    expect(JSON.stringify(res)).not.toMatch(/client-key|BEGIN (RSA |EC )?PRIVATE KEY/);
  });

  it('streams subscription events and resyncs after a reload', async () => {
    const id = nextId++;
    sendFrame({ t: 'sub', id, topic: 'cluster.watch', params: { context: 'wheelhouse-admin' } });
    await until(() => framesFor(id).find((f) => f.t === 'ev' && f.event.state === 'ready'), 'cluster.watch ready', 60_000);
    wc.reload(); // the old page's session ends; the new page subscribes again from scratch
    const again = nextId++;
    sendFrame({ t: 'sub', id: again, topic: 'cluster.watch', params: { context: 'wheelhouse-admin' } });
    const first = await until(() => framesFor(again).find((f) => f.t === 'ev'), 'a fresh cluster.watch snapshot');
    expect(first.seq).toBe(1);
  });

  it('ignores frames from subframes and from pages on other origins', async () => {
    const sub = { ...wc.mainFrame, parent: wc.mainFrame };
    const a = nextId++;
    sendFrame({ t: 'req', id: a, method: 'kubeconfig.get', params: {} }, sub);
    wc.navigate('https://evil.example/');
    const b = nextId++;
    sendFrame({ t: 'req', id: b, method: 'kubeconfig.get', params: {} });
    wc.navigate('app://wheelhouse/index.html');
    const c = nextId++;
    sendFrame({ t: 'req', id: c, method: 'kubeconfig.get', params: {} });
    await until(() => framesFor(c).length > 0, 'the trusted request');
    expect(framesFor(a)).toEqual([]);
    expect(framesFor(b)).toEqual([]);
  });

  it('quits cleanly: remembers the window, disposes the core, then exits', async () => {
    fake.windows[0].close();
    await until(() => fake.isQuitted(), 'the app to quit', 15_000);
    expect(fake.calls.filter((c) => c === 'app.quit').length).toBeGreaterThanOrEqual(2); // prevented once, for dispose
    expect(dispose).toHaveBeenCalledTimes(1);
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'));
    expect(state).toMatchObject({ x: 10, y: 20, maximized: false });
    expect(fake.electron.dialog.errors).toEqual([]);
  });
});

describe('main.ts when another instance holds the lock', () => {
  it('quits without opening a window', async () => {
    vi.resetModules();
    const userData = mkdtempSync(join(tmpdir(), 'wheelhouse-main-2-'));
    const fake = createFakeElectron({ appPath: root, userData, singleInstance: false });
    vi.doMock('electron', () => fake.electron); // a fresh module for a fresh import of main.ts
    await import('../main');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls).toContain('app.quit');
    expect(fake.windows).toHaveLength(0);
    rmSync(userData, { recursive: true, force: true });
  });
});
