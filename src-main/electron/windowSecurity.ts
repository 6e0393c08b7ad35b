// The security policy of the Electron shell as plain data and pure functions, so it is unit-tested
// without Electron (src-main/electron/windowSecurity.test.ts) and main.ts only wires it up.
// Follows Electron's security checklist; see /work/shared/field-notes.md "Electron security".
import type { WebPreferences } from 'electron';
import { isAppUrl, isDevServerUrl, isTrustedPageUrl } from './appOrigin';
import { externalUrlToOpen } from './externalUrlPolicy';

/**
 * webPreferences for every window: an isolated, sandboxed renderer without Node, whose only door to
 * the main process is the preload's `window.wheelhouse` frame bridge.
 */
export function secureWebPreferences(preloadPath: string, opts: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click would open links in new windows; the window-open handler denies them anyway.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google's CDN: no remote fetches, ever.
    spellcheck: false,
    safeDialogs: true,
    devTools: opts.devTools ?? false,
  };
}

export type NavigationDecision = { allow: true } | { allow: false; openExternal?: string };

/**
 * `will-navigate` / `will-redirect`: denied by default. Only a navigation to the page's own trusted
 * origin stays in the window (the app routes by hash, so this is rare); a plain http(s) link is handed
 * to the OS browser instead of replacing the app; everything else is dropped.
 */
export function navigationDecision(target: string, devUrl?: string): NavigationDecision {
  if (isTrustedPageUrl(target, devUrl)) return { allow: true };
  const external = externalUrlToOpen(target);
  return external ? { allow: false, openExternal: external } : { allow: false };
}

/**
 * `setWindowOpenHandler`: the app never opens a second Electron window. window.open / target=_blank
 * on an http(s) URL goes to the OS browser after the URL check; anything else is dropped.
 */
export function windowOpenDecision(target: string): { action: 'deny'; openExternal?: string } {
  const external = externalUrlToOpen(target);
  return external ? { action: 'deny', openExternal: external } : { action: 'deny' };
}

/**
 * Session permission requests and checks (the default approves everything). Denied, with one
 * exception: a sanitized clipboard *write* from our own page, so "copy name" buttons work as they do
 * in a browser tab. Never read, camera, notifications, geolocation, HID, serial, USB, ...
 */
export function permissionDecision(permission: string, requestingUrl: string | undefined, devUrl?: string): boolean {
  if (permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isTrustedPageUrl(requestingUrl, devUrl)) return true;
  return false;
}

/**
 * The network filter on the renderer's session: the renderer loads only from app:// (and, in
 * development, the loopback dev server and its HMR socket). Any other http(s)/ws(s)/file/ftp request
 * is cancelled: Wheelhouse never loads remote content. The main process talks to clusters with Node's
 * own HTTP stack, which this filter does not touch.
 */
export function rendererRequestAllowed(url: string, devUrl?: string): boolean {
  if (isAppUrl(url)) return true;
  if (isDevServerUrl(url, devUrl, ['http:', 'ws:'])) return true;
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return false;
  }
  // In-memory schemes and DevTools' own pages never reach the network.
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}
