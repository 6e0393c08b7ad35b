import { describe, expect, it } from 'vitest';
import { join, sep } from 'node:path';
import { APP_CONTENT_SECURITY_POLICY, resolveAppRequest } from './appProtocolPolicy';

const root = join(sep, 'opt', 'wheelhouse', 'dist', 'renderer');

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder with CSP and nosniff', () => {
    const r = resolveAppRequest('app://wheelhouse/assets/index-abc.js', root);
    expect(r).toMatchObject({ ok: true, file: join(root, 'assets', 'index-abc.js') });
    expect(r.headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(r.headers['Content-Security-Policy']).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('maps the root to index.html', () => {
    expect(resolveAppRequest('app://wheelhouse/', root)).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppRequest('app://wheelhouse/index.html#/c/x', root)).toMatchObject({ ok: true, file: join(root, 'index.html') });
  });

  it('never leaves the renderer folder', () => {
    for (const u of ['app://wheelhouse/../../etc/passwd.html', 'app://wheelhouse/%2e%2e/%2e%2e/etc/passwd.js', 'app://wheelhouse/..%2f..%2fetc%2fpasswd.js', 'app://wheelhouse/a/..%5c..%5c..%5csecret.js']) {
      const r = resolveAppRequest(u, root);
      if (r.ok) expect(r.file.startsWith(root + sep), u).toBe(true);
    }
    expect(resolveAppRequest('app://wheelhouse/%00.js', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://wheelhouse/%E0%A4%A.js', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses other hosts, methods and unknown file types', () => {
    expect(resolveAppRequest('app://other/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('https://wheelhouse/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://wheelhouse/index.html', root, 'POST')).toMatchObject({ ok: false, status: 405 });
    expect(resolveAppRequest('app://wheelhouse/secrets.env', root)).toMatchObject({ ok: false, status: 404 });
  });

  it('uses the serve-mode CSP without the WebSocket allowance', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|ws:|\*/);
  });
});
