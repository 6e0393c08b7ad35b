import { describe, expect, it } from 'vitest';
import { externalUrlToOpen } from './externalUrlPolicy';

describe('externalUrlToOpen', () => {
  it.each([
    ['https://kubernetes.io/docs/', 'https://kubernetes.io/docs/'],
    ['http://grafana.internal:3000/d/abc?orgId=1#panel', 'http://grafana.internal:3000/d/abc?orgId=1#panel'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['https://[2001:db8::1]:8443/x', 'https://[2001:db8::1]:8443/x'],
  ])('opens plain http(s): %s', (raw, expected) => {
    expect(externalUrlToOpen(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.domain)',
    'javascript://example.com/%0aalert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-settings:display',
    'smb://evil.example/share',
    'vscode://file/etc/passwd',
    'app://wheelhouse/index.html',
    'chrome://settings',
    'about:blank',
    'ftp://example.com/x',
    'mailto:someone@example.com',
  ])('refuses non-http(s) schemes: %s', (raw) => {
    expect(externalUrlToOpen(raw)).toBeUndefined();
  });

  it.each([
    'https://good.example@evil.example/',
    'https://evil.com@good',
    'https://user:pass@good.example/',
    'https://good.example:@evil.example',
  ])('refuses URLs with credentials (host confusion): %s', (raw) => {
    expect(externalUrlToOpen(raw)).toBeUndefined();
  });

  it.each([
    ' https://example.com',
    'https://example.com\n',
    'java\tscript:alert(1)',
    'https://exa\u0000mple.com',
    'https:\\\\evil.example\\x',
    'https://example.com/a b',
  ])('refuses strings the URL parser would have to repair: %j', (raw) => {
    expect(externalUrlToOpen(raw)).toBeUndefined();
  });

  it('refuses non-strings, empty, relative and oversized input', () => {
    for (const raw of [undefined, null, 42, {}, ['https://x.example'], '', '/relative/path', 'example.com', '//example.com']) {
      expect(externalUrlToOpen(raw)).toBeUndefined();
    }
    expect(externalUrlToOpen(`https://example.com/${'a'.repeat(3000)}`)).toBeUndefined();
  });

  it('does not prefix-match: look-alike hosts are just other hosts, opened as what they are', () => {
    expect(externalUrlToOpen('https://kubernetes.io.evil.example/')).toBe('https://kubernetes.io.evil.example/');
    expect(new URL(externalUrlToOpen('https://kubernetes.io.evil.example/')!).hostname).toBe('kubernetes.io.evil.example');
  });
});
