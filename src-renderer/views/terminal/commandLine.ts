/**
 * Splits a typed command into argv the way a POSIX shell splits words: whitespace separates, single
 * quotes keep everything, double quotes keep all but \" and \\, a backslash escapes the next character.
 * Exec runs argv directly (no shell in between), as `kubectl exec -- a b c` does. Throws on an
 * unterminated quote.
 */
export function splitCommand(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated single quote.');
      cur += text.slice(i + 1, end); has = true; i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) j++;
        cur += text[j];
      }
      if (j >= text.length) throw new Error('Unterminated double quote.');
      has = true; i = j;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i]; has = true;
    } else if (/\s/.test(ch)) {
      if (has) { out.push(cur); cur = ''; has = false; }
    } else {
      cur += ch; has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}
