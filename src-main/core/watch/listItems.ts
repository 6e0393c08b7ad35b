/**
 * A LIST response with its items parsed one at a time.
 *
 * JSON.parse of a whole page materialises every raw object of it at once (500 pods with managedFields
 * are about 25 MB of objects) and all of them survive until the parse ends: V8 grows the young
 * generation to its maximum and promotes everything, and after the list those pages stay committed.
 * Measured on 10,000 pods (bench/README.md, P4): the process kept ~60 MB more RSS than the data it
 * holds. Parsed item by item, each raw object is projected and dropped while still young.
 *
 * The split is a structural scan (strings skipped with indexOf), about a third of JSON.parse's own
 * time; anything it does not expect falls back to JSON.parse of the whole text, so a malformed body
 * fails exactly as before.
 */

export interface SplitList {
  /** The document with the array emptied: kind, apiVersion, metadata (continue, resourceVersion), columnDefinitions… */
  header: any;
  /** The array's elements, each parsed when the iteration reaches it (iterable more than once). */
  items: Iterable<any>;
}

class Unexpected extends Error {}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just after the string literal whose opening quote is at s[i]. */
function endOfString(s: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = s.indexOf('"', from);
    if (q < 0) throw new Unexpected('unterminated string');
    let b = q - 1;
    while (s.charCodeAt(b) === BACKSLASH) b--;
    // An even number of backslashes before the quote: it is not escaped.
    if ((q - 1 - b) % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** Index just after the object or array that opens at s[i]; strings are skipped whole. */
function endOfContainer(s: string, i: number): number {
  let depth = 0;
  let pos = i;
  for (;;) {
    let q = s.indexOf('"', pos);
    if (q < 0) q = s.length;
    for (let k = pos; k < q; k++) {
      const c = s.charCodeAt(k);
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) return k + 1;
      }
    }
    if (q >= s.length) throw new Unexpected('unterminated object or array');
    pos = endOfString(s, q);
  }
}

/** Index just after any JSON value starting at s[i]. */
function endOfValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return endOfContainer(s, i);
  if (c === QUOTE) return endOfString(s, i);
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    j++;
  }
  if (j === i) throw new Unexpected('empty value');
  return j;
}

/** The [start, end) of each element of the array opening at s[a]; only arrays of objects. */
function objectElements(s: string, a: number): { end: number; bounds: number[] } {
  const bounds: number[] = [];
  let i = skipSpace(s, a + 1);
  if (s.charCodeAt(i) === CLOSE_BRACKET) return { end: i + 1, bounds };
  for (;;) {
    if (s.charCodeAt(i) !== OPEN_BRACE) throw new Unexpected('array element is not an object');
    const e = endOfContainer(s, i);
    bounds.push(i, e);
    i = skipSpace(s, e);
    const c = s.charCodeAt(i);
    if (c === CLOSE_BRACKET) return { end: i + 1, bounds };
    if (c !== COMMA) throw new Unexpected('expected , or ] in array');
    i = skipSpace(s, i + 1);
  }
}

function split(text: string, field: string): SplitList | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_BRACE) return undefined;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) throw new Unexpected('expected a key');
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) throw new Unexpected('expected :');
    i = skipSpace(text, i + 1);
    if (key === field && text.charCodeAt(i) === OPEN_BRACKET) {
      const { end, bounds } = objectElements(text, i);
      const header = JSON.parse(`${text.slice(0, i)}[]${text.slice(end)}`);
      const items: Iterable<any> = {
        *[Symbol.iterator]() {
          for (let k = 0; k < bounds.length; k += 2) yield JSON.parse(text.slice(bounds[k], bounds[k + 1]));
        },
      };
      return { header, items };
    }
    i = skipSpace(text, endOfValue(text, i));
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) return undefined;
    if (c !== COMMA) throw new Unexpected('expected , or }');
    i = skipSpace(text, i + 1);
  }
}

/**
 * Splits a JSON object at its top-level array `field` (a List's items, a Table's rows): the rest is
 * parsed now, the array's elements lazily. When the text is not such an object (no such array, an
 * element that is not an object, anything unexpected), it is JSON.parse'd whole, and its `field`, if
 * an array, is the items; invalid JSON throws JSON.parse's SyntaxError.
 */
export function splitList(text: string, field: string): SplitList {
  try {
    const s = split(text, field);
    if (s) return s;
  } catch (err) {
    if (!(err instanceof Unexpected) && !(err instanceof SyntaxError)) throw err;
  }
  const whole = text.trim() === '' ? undefined : JSON.parse(text);
  const arr = whole && typeof whole === 'object' && Array.isArray(whole[field]) ? whole[field] : [];
  if (whole && typeof whole === 'object' && Array.isArray(whole[field])) whole[field] = [];
  return { header: whole, items: arr };
}
