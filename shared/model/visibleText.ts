/**
 * The one text-safety rule for cluster strings. Invisible characters that change how text around them
 * reads: bidi overrides and isolates (the "\u202Egnp.exe" shows as "exe.png" trick), zero-width marks
 * and joiners, and the C0/C1 control codes (ESC and the rest render as nothing or a box; tab, newline
 * and carriage return are layout and stay). Cluster strings (tables, details, logs) are shown with each
 * one replaced by a visible ⟦U+XXXX⟧, so what a person reads is what is there.
 */

/** The invisible characters as the body of a regular-expression character class, for parsers that scan for more. */
export const INVISIBLE_CHAR_CLASS = '\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF';

/** C0/C1 control codes but tab, newline and carriage return. The log parser handles these itself (ANSI). */
const CONTROL_CHAR_CLASS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';

const INVISIBLE = new RegExp(`[${CONTROL_CHAR_CLASS}${INVISIBLE_CHAR_CLASS}]`, 'g');
const ONE_INVISIBLE = new RegExp(`^[${INVISIBLE_CHAR_CLASS}]$`);

/** Whether a UTF-16 code unit is one of the invisible characters. */
export const isInvisibleChar = (code: number): boolean => ONE_INVISIBLE.test(String.fromCharCode(code));

/** The visible stand-in of a code unit: ⟦U+202E⟧. */
export const visibleCodePoint = (code: number): string => `⟦U+${code.toString(16).toUpperCase().padStart(4, '0')}⟧`;

export function visibleText(s: string): string {
  if (!INVISIBLE.test(s)) return s;
  INVISIBLE.lastIndex = 0;
  return s.replace(INVISIBLE, (ch) => visibleCodePoint(ch.charCodeAt(0)));
}
