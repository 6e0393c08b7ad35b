import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, devServerUrl, isAppUrl, isTrustedPageUrl } from './appOrigin';
import { navigationDecision, permissionDecision, rendererRequestAllowed, secureWebPreferences, windowOpenDecision } from './windowSecurity';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/preload/preload.cjs');

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist/preload/preload.cjs',
    });
  });

  it('enables no Blink features and no DevTools unless asked', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('app origin', () => {
  it('registers app:// as standard and secure, never bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
  });

  it('recognises only app://wheelhouse by parsed scheme and host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://wheelhouse/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://wheelhouse.evil.example/')).toBe(false);
    expect(isAppUrl('app://evil@wheelhouse/')).toBe(false);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('https://wheelhouse/')).toBe(false);
    expect(isAppUrl('file:///app/wheelhouse/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('accepts a dev server only unpackaged, http, on loopback', () => {
    expect(devServerUrl(undefined, false)).toEqual({});
    expect(devServerUrl('http://localhost:5173', false)).toEqual({ url: 'http://localhost:5173/' });
    expect(devServerUrl('http://127.0.0.1:5173/', false).url).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('http://[::1]:5173/', false).url).toBe('http://[::1]:5173/');
    expect(devServerUrl('http://localhost:5173', true).refused).toMatch(/packaged/);
    for (const bad of ['https://example.com', 'http://example.com:5173', 'http://localhost.evil.example', 'http://user@localhost:5173', 'file:///tmp/index.html', 'javascript:alert(1)']) {
      expect(devServerUrl(bad, false).url, bad).toBeUndefined();
      expect(devServerUrl(bad, false).refused, bad).toBeTruthy();
    }
  });

  it('trusts the dev server origin only when one is set, and only that exact host and port', () => {
    expect(isTrustedPageUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/#/c/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedPageUrl('http://127.0.0.1:5173/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('navigation', () => {
  it('keeps in-app navigation and denies everything else', () => {
    expect(navigationDecision('app://wheelhouse/index.html#/c/kind')).toEqual({ allow: true });
    expect(navigationDecision('file:///etc/passwd')).toEqual({ allow: false });
    expect(navigationDecision('javascript:alert(1)')).toEqual({ allow: false });
    expect(navigationDecision('data:text/html,hi')).toEqual({ allow: false });
    expect(navigationDecision('app://evil/')).toEqual({ allow: false });
    // Without a dev server a loopback page is just another web page: not loaded in the app window.
    expect(navigationDecision('http://localhost:5173/')).toEqual({ allow: false, openExternal: 'http://localhost:5173/' });
    expect(navigationDecision('http://localhost:5173/', 'http://localhost:5173/')).toEqual({ allow: true });
  });

  it('hands plain http(s) links to the OS browser instead of replacing the app', () => {
    expect(navigationDecision('https://kubernetes.io/')).toEqual({ allow: false, openExternal: 'https://kubernetes.io/' });
    expect(navigationDecision('https://good.example@evil.example/')).toEqual({ allow: false });
  });

  it('never opens a second Electron window', () => {
    expect(windowOpenDecision('https://kubernetes.io/')).toEqual({ action: 'deny', openExternal: 'https://kubernetes.io/' });
    expect(windowOpenDecision('app://wheelhouse/index.html')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb',
    'midiSysex', 'pointerLock', 'fullscreen', 'display-capture', 'fileSystem', 'unknown', 'window-management'])('denies %s', (p) => {
    expect(permissionDecision(p, APP_ENTRY_URL)).toBe(false);
    expect(permissionDecision(p, 'https://evil.example/')).toBe(false);
  });

  it('allows only a sanitized clipboard write, and only from our own page', () => {
    expect(permissionDecision('clipboard-sanitized-write', 'app://wheelhouse/')).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(permissionDecision('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('renderer network filter', () => {
  it('allows our origin and in-memory schemes', () => {
    for (const u of ['app://wheelhouse/index.html', 'data:image/png;base64,AA==', 'blob:app://wheelhouse/123', 'devtools://devtools/bundled/x.html']) {
      expect(rendererRequestAllowed(u), u).toBe(true);
    }
  });

  it('blocks remote and local-file content', () => {
    for (const u of ['https://cdn.example/x.js', 'http://127.0.0.1:6443/api', 'wss://evil.example/', 'file:///etc/passwd', 'ftp://x/', 'app://other/x', 'nonsense']) {
      expect(rendererRequestAllowed(u), u).toBe(false);
    }
  });

  it('allows the dev server (and its HMR socket) only in development', () => {
    const dev = 'http://localhost:5173/';
    expect(rendererRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(rendererRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(rendererRequestAllowed('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(rendererRequestAllowed('http://localhost:9999/', dev)).toBe(false);
  });
});
