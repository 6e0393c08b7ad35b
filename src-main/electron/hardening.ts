// Applies the policies of windowSecurity.ts to live Electron objects: every webContents (ours or any
// other that might ever be created) and the renderer's session. Only types come from `electron`.
import type { Session, WebContents } from 'electron';
import { navigationDecision, permissionDecision, rendererRequestAllowed, windowOpenDecision } from './windowSecurity';

export type OpenExternal = (url: string) => void;

/** For `app.on('web-contents-created')`: navigation, new windows and webviews, all locked. */
export function guardWebContents(contents: WebContents, devUrl: string | undefined, openExternal: OpenExternal): void {
  const onNavigate = (event: { preventDefault(): void }, url: string) => {
    const d = navigationDecision(url, devUrl);
    if (d.allow) return;
    event.preventDefault();
    if (d.openExternal) openExternal(d.openExternal);
  };
  contents.on('will-navigate', (event) => onNavigate(event, event.url));
  contents.on('will-redirect', (event) => { if (!navigationDecision(event.url, devUrl).allow) event.preventDefault(); });
  // Subframes: the CSP already limits frames to 'self'; still, no frame navigates off our origin.
  contents.on('will-frame-navigate', (event) => { if (!navigationDecision(event.url, devUrl).allow) event.preventDefault(); });
  contents.setWindowOpenHandler(({ url }) => {
    const d = windowOpenDecision(url);
    if (d.openExternal) openExternal(d.openExternal);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission requests and checks denied (see permissionDecision); network limited to our origin. */
export function hardenSession(ses: Session, devUrl: string | undefined): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl ?? contents.getURL(), devUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    return permissionDecision(permission, details.requestingUrl ?? requestingOrigin, devUrl);
  });
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = rendererRequestAllowed(details.url, devUrl);
    if (!allowed) console.warn(`[wheelhouse] blocked a renderer request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
