// How app://wheelhouse/<path> maps onto the built renderer (dist/renderer), and the headers every
// response carries. Pure (path arithmetic only); appProtocol.ts hands it to Electron's protocol.handle.
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/**
 * The serve-mode policy (src-main/transport/serveServer.ts) minus its WebSocket: in Electron the
 * contract travels over IPC, so the page may connect to nothing but its own origin.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "worker-src 'self' blob:", "font-src 'self' data:",
  "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.json': 'application/json', '.map': 'application/json', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppResolution =
  | { ok: true; file: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404 | 405; headers: Record<string, string> };

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** Resolves a request to a file inside `rootDir`, refusing other hosts, methods and path escapes. */
export function resolveAppRequest(url: string, rootDir: string, method = 'GET'): AppResolution {
  const fail = (status: 400 | 403 | 404 | 405): AppResolution => ({ ok: false, status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
  if (method !== 'GET' && method !== 'HEAD') return fail(405);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return fail(400);
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return fail(403);
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return fail(400);
  }
  if (path.includes('\0')) return fail(400);
  path = normalize(path).replace(/^([/\\])+/, '');
  if (path === '' || path === '.' || path.endsWith(sep) || path.endsWith('/')) path = 'index.html';
  const root = normalize(rootDir).replace(/[/\\]+$/, '');
  const file = join(root, path);
  if (!file.startsWith(root + sep)) return fail(403);
  const ext = extname(file).toLowerCase();
  const type = CONTENT_TYPES[ext];
  if (!type) return fail(404);
  return {
    ok: true,
    file,
    headers: { ...baseHeaders(), 'Content-Type': type, 'Cache-Control': ext === '.html' ? 'no-store' : 'no-cache' },
  };
}
