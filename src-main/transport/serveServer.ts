import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ContractSession } from './contractSession';
import type { Handlers } from '../core/handlers';

export interface ServeOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  host?: string;
  token?: string;
}

export interface ServeHandle {
  url: string;
  /** The URL to open: carries the token once, then the page lives on an HttpOnly cookie. */
  openUrl: string;
  token: string;
  port: number;
  sessions(): number;
  close(): Promise<void>;
}

// Cookies ignore ports, so two serve instances on one machine would overwrite each other's cookie
// (signing in to one signs the other out): the cookie's name carries the instance's port.
const cookieName = (port: number) => `wheelhouse_token_${port}`;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.map': 'application/json',
  '.woff2': 'font/woff2', '.wasm': 'application/wasm',
};

function csp(port: number): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`, "worker-src 'self' blob:", "font-src 'self' data:",
    "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
  ].join('; ');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function presentedToken(req: IncomingMessage, cookie: string): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === cookie) return decodeURIComponent(v.join('='));
  }
  // Browsers cannot set headers on a WebSocket; a subprotocol may carry the token instead.
  const proto = req.headers['sec-websocket-protocol'];
  const m = typeof proto === 'string' ? /(?:^|,\s*)wheelhouse\.token\.([A-Za-z0-9_-]+)/.exec(proto) : null;
  return m?.[1];
}

/**
 * Serve mode: the same contract over a WebSocket, and the renderer as static files, on loopback with a
 * random token. The token arrives once in the URL and is exchanged for an HttpOnly cookie, so page
 * scripts never see it. The Host and Origin headers are checked (DNS rebinding, foreign pages).
 */
export async function startServeServer(opts: ServeOptions): Promise<ServeHandle> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let port = opts.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const sessions = new Set<ContractSession>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (!allowedHosts().has(String(req.headers.host))) return send(403, 'Forbidden host.\n');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!same(queryToken, token)) return send(401, 'Wrong token. Open the URL printed by `npm start` / `npm run serve`.\n');
      return send(303, 'Signed in.\n', {
        Location: url.pathname === '/' ? '/' : url.pathname,
        'Set-Cookie': `${cookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const presented = presentedToken(req, cookieName(port));
    if (!presented || !same(presented, token)) {
      return send(401, 'Wheelhouse serve mode needs its token: open the URL printed in the terminal that started it.\n', { 'WWW-Authenticate': 'Bearer' });
    }
    if (url.pathname === '/healthz') return send(200, 'ok\n');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    if (path === '' || path.endsWith(sep)) path = 'index.html';
    const file = join(opts.staticDir, path);
    if (!file.startsWith(opts.staticDir + sep)) return send(403, 'Forbidden path.\n');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp(port),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
      });
      res.end(body);
    } catch {
      send(404, 'Not found.\n');
    }
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 8 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has('wheelhouse') ? 'wheelhouse' : false),
  });

  server.on('upgrade', (req, socket, head) => {
    const reject = (status: number, text: string) => {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!allowedHosts().has(String(req.headers.host))) return reject(403, 'Forbidden');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return reject(403, 'Forbidden');
    const presented = presentedToken(req, cookieName(port));
    if (!presented || !same(presented, token)) return reject(401, 'Unauthorized');
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/ws') return reject(404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const session = new ContractSession(
        opts.handlers,
        (frame) => { if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame)); },
        () => ws.bufferedAmount > 4 * 1024 * 1024,
      );
      sessions.add(session);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let frame: unknown;
        try { frame = JSON.parse(String(data)); } catch { return; }
        session.receive(frame);
      });
      ws.on('close', () => { session.close(); sessions.delete(session); });
      ws.on('error', () => ws.close());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url, token, port,
    openUrl: `${url}?token=${encodeURIComponent(token)}`,
    sessions: () => sessions.size,
    close: async () => {
      for (const s of sessions) s.close();
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
    },
  };
}
