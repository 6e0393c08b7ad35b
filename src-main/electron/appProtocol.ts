// Serves the built renderer on app://wheelhouse/ (a privileged standard+secure scheme registered in
// main.ts before ready). Preferred to file:// per Electron's checklist: a real origin, a CSP header on
// every response, and no path outside dist/renderer.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './appOrigin';
import { resolveAppRequest } from './appProtocolPolicy';

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = resolveAppRequest(request.url, rendererDir, request.method);
    if (!r.ok) return new Response(null, { status: r.status, headers: r.headers });
    try {
      const body = await readFile(r.file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: r.headers });
    } catch {
      return new Response(null, { status: 404, headers: r.headers });
    }
  });
}
