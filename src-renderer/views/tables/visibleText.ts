/**
 * Invisible characters that change how text around them reads: bidi overrides and isolates (the
 * "\u202Egnp.exe" shows as "exe.png" trick), zero-width marks and joiners, and the C0/C1 control
 * codes (ESC and the rest render as nothing or a box; tab, newline and carriage return are layout and
 * stay). Cluster strings are shown with each one replaced by a visible ⟦U+XXXX⟧, so what a person
 * reads is what is there.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function visibleText(s: string): string {
  if (!INVISIBLE.test(s)) return s;
  INVISIBLE.lastIndex = 0;
  return s.replace(INVISIBLE, (ch) => `⟦U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}
