// One rule for every link that leaves the app (Electron main before shell.openExternal, the renderer before it asks).
// Which links may leave the app for the OS browser. Cluster data (annotations, ingress hosts) ends up
// in links, so this is the one gate before `shell.openExternal`: only plain http(s) URLs, parsed with
// URL, never prefix-matched. javascript:, file:, data:, custom schemes (ms-settings:, smb:, vscode:)
// and credential tricks like https://good.example@evil.example are refused.

const MAX_LENGTH = 2048;

/** The normalized URL to open in the OS browser, or undefined when it must not be opened. */
export function externalUrlToOpen(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return undefined;
  // URL() silently strips tabs/newlines and turns backslashes into slashes; a link that needs such
  // repairs is ambiguous, so refuse it rather than guess which host the user saw.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw)) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username !== '' || u.password !== '') return undefined;
  if (u.hostname === '') return undefined;
  return u.href;
}
