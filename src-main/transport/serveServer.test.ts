import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { startServeServer, type ServeHandle } from './serveServer';
import { Core } from '../core/core';
import { coreHandlers } from '../core/service';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, any>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function wsOutcome(url: string, opts: WebSocket.ClientOptions): Promise<{ opened: boolean; status?: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, ['wheelhouse'], opts);
    ws.on('open', () => resolve({ opened: true, ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
    ws.on('error', () => resolve({ opened: false }));
  });
}

describe('serve mode: loopback, token, origin', () => {
  let handle: ServeHandle;
  let core: Core;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-serve-'));
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    core = new Core({ dataDir: dir, kubeconfigFiles: [join(dir, 'none')], watchKubeconfig: false });
    handle = await startServeServer({ handlers: coreHandlers(core), staticDir });
  });
  afterAll(async () => { await handle.close(); await core.dispose(); });

  it('binds to 127.0.0.1', () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses a request without the token (401) and a wrong token (401)', async () => {
    expect((await get(handle.port, '/')).status).toBe(401);
    expect((await get(handle.port, '/index.html')).status).toBe(401);
    expect((await get(handle.port, '/?token=wrong')).status).toBe(401);
  });

  it('exchanges the URL token for an HttpOnly SameSite cookie, then serves the page with a strict CSP', async () => {
    const signIn = await get(handle.port, `/?token=${encodeURIComponent(handle.token)}`);
    expect(signIn.status).toBe(303);
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await get(handle.port, '/', { cookie: cookie.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
  });

  it('scopes the cookie to this instance: a second serve instance on another port keeps its own session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-serve2-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t2</title>');
    const other = await startServeServer({ handlers: coreHandlers(core), staticDir: join(dir, 'renderer') });
    try {
      const mine = String((await get(handle.port, `/?token=${encodeURIComponent(handle.token)}`)).headers['set-cookie']).split(';')[0];
      const theirs = String((await get(other.port, `/?token=${encodeURIComponent(other.token)}`)).headers['set-cookie']).split(';')[0];
      expect(mine.split('=')[0]).toBe(`wheelhouse_token_${handle.port}`);
      expect(theirs.split('=')[0]).toBe(`wheelhouse_token_${other.port}`);
      // A browser sends both cookies to both (cookies ignore ports): each instance reads its own.
      const both = `${mine}; ${theirs}`;
      expect((await get(handle.port, '/', { cookie: both })).status).toBe(200);
      expect((await get(other.port, '/', { cookie: both })).status).toBe(200);
      expect((await get(other.port, '/', { cookie: mine })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get(handle.port, '/', { host: 'evil.example:80', authorization: `Bearer ${handle.token}` })).status).toBe(403);
  });

  it('refuses a WebSocket without the token (401) and one from a foreign Origin (403)', async () => {
    const url = `ws://127.0.0.1:${handle.port}/ws`;
    expect(await wsOutcome(url, {})).toMatchObject({ opened: false, status: 401 });
    expect(await wsOutcome(url, { headers: { authorization: `Bearer ${handle.token}` }, origin: 'https://evil.example' })).toMatchObject({ opened: false, status: 403 });
  });

  it('accepts the token from its own origin and validates every request against the contract', async () => {
    const url = `ws://127.0.0.1:${handle.port}/ws`;
    const r = await wsOutcome(url, { headers: { authorization: `Bearer ${handle.token}` }, origin: `http://127.0.0.1:${handle.port}` });
    expect(r.opened).toBe(true);
    const ws = r.ws!;
    const replies: any[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    ws.send(JSON.stringify({ t: 'req', id: 1, method: 'kubeconfig.get', params: {} }));
    ws.send(JSON.stringify({ t: 'req', id: 2, method: 'cluster.connect', params: { context: 42 } }));
    ws.send(JSON.stringify({ t: 'req', id: 3, method: 'no.such.method', params: {} }));
    const start = Date.now();
    while (replies.length < 3 && Date.now() - start < 5000) await new Promise((res) => setTimeout(res, 20));
    const byId = Object.fromEntries(replies.map((x) => [x.id, x]));
    expect(byId[1]).toMatchObject({ ok: true, result: { contexts: [] } });
    expect(byId[2]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(byId[3]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    ws.close();
  });
});

describe('contract frames', () => {
  it('parse both response shapes and events (the schema builds at import time in the renderer too)', async () => {
    const { ServerFrame } = await import('../../shared/contract/frames');
    expect(ServerFrame.safeParse({ t: 'res', id: 1, ok: true, result: 1 }).success).toBe(true);
    expect(ServerFrame.safeParse({ t: 'res', id: 1, ok: false, error: { code: 'internal', message: 'x' } }).success).toBe(true);
    expect(ServerFrame.safeParse({ t: 'ev', id: 1, seq: 1, event: {} }).success).toBe(true);
    expect(ServerFrame.safeParse({ t: 'res', id: 1, ok: false }).success).toBe(false);
  });
});
