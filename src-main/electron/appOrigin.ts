// Where the renderer is allowed to come from. The packaged renderer is served from a custom privileged
// scheme (never file://); a Vite dev server is accepted only in development and only on loopback.
// Pure: no `electron` at runtime, so the unit tests run without an Electron binary.

export const APP_SCHEME = 'app';
export const APP_HOST = 'wheelhouse';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: standard (real origin, relative URLs, CSP
 * 'self' works) and secure (a secure context, like https). Deliberately not bypassCSP, not service
 * workers, not stream, and not corsEnabled: that flag would let other origins read app:// responses
 * without any Access-Control check; the page's own module scripts are same-origin and do not need it.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
} as const;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for URLs on our own app:// origin. Compared by parsed scheme and host, never by prefix. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL from WHEELHOUSE_DEV_URL, only for an unpackaged app and only http on loopback.
 * Anything else is refused with a reason, so a stray variable can never point the app at the network.
 */
export function devServerUrl(raw: string | undefined, isPackaged: boolean): { url?: string; refused?: string } {
  if (!raw) return {};
  if (isPackaged) return { refused: 'WHEELHOUSE_DEV_URL is ignored in a packaged app' };
  const u = parse(raw);
  if (!u || u.protocol !== 'http:' || !LOOPBACK.has(u.hostname) || u.username || u.password) {
    return { refused: `WHEELHOUSE_DEV_URL must be an http URL on loopback (localhost, 127.0.0.1, [::1]); got ${JSON.stringify(raw)}` };
  }
  return { url: u.href };
}

/** Same scheme, host and port as the dev server (a parsed comparison). */
export function isDevServerUrl(url: string, devUrl: string | undefined, schemes: string[] = ['http:']): boolean {
  if (!devUrl) return false;
  const u = parse(url);
  const d = parse(devUrl);
  return !!u && !!d && schemes.includes(u.protocol) && u.host === d.host && !u.username && !u.password;
}

/** A page we trust to speak the contract: our app origin, or the dev server in development. */
export function isTrustedPageUrl(url: string, devUrl?: string): boolean {
  return isAppUrl(url) || isDevServerUrl(url, devUrl);
}
