// Where the cursor is in a YAML document, read from indentation the way a person reads it, so it
// still works while the text is half typed (a key without its colon does not parse as YAML).

interface Frame { col: number; kind: 'key' | 'item'; name?: string; line: number }

interface LineShape {
  /** Columns of the `- ` list markers before the key. */
  dashes: number[];
  keyCol: number;
  key?: string;
  /** The text after `key:` (trimmed), when there is a key. */
  rest?: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(?:\s+|$)/;

function unquote(k: string): string {
  if (k.startsWith('"') && k.endsWith('"')) { try { return JSON.parse(k); } catch { return k.slice(1, -1); } }
  if (k.startsWith("'") && k.endsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k.trim();
}

function shapeOf(line: string): LineShape {
  const dashes: number[] = [];
  let i = 0;
  while (line[i] === ' ') i++;
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const m = KEY.exec(line.slice(i));
  if (!m) return { dashes, keyCol: i };
  return { dashes, keyCol: i, key: unquote(m[1]), rest: line.slice(i + m[0].length).replace(/\s+#.*$/, '').trim() };
}

function apply(stack: Frame[], shape: LineShape, withKey: boolean, line = -1): void {
  for (const d of shape.dashes) {
    while (stack.length && (stack[stack.length - 1].col > d || (stack[stack.length - 1].col === d && stack[stack.length - 1].kind === 'item'))) stack.pop();
    stack.push({ col: d, kind: 'item', line });
  }
  if (shape.key === undefined && !withKey) return;
  while (stack.length && stack[stack.length - 1].col >= shape.keyCol) stack.pop();
  if (shape.key !== undefined && withKey) stack.push({ col: shape.keyCol, kind: 'key', name: shape.key, line });
}

const keysOf = (stack: Frame[]) => stack.filter((f) => f.kind === 'key').map((f) => f.name!);

/** The line range of the YAML document (between `---` lines) holding `pos`. */
function documentLines(text: string, pos: number): { lines: string[]; first: number; lineAt: number; lineStart: number } {
  const all = text.split('\n');
  let at = 0;
  let lineAt = 0;
  for (let i = 0; i < all.length; i++) {
    if (pos <= at + all[i].length) { lineAt = i; break; }
    at += all[i].length + 1;
    lineAt = i + 1;
  }
  let first = 0;
  for (let i = Math.min(lineAt, all.length - 1); i >= 0; i--) if (/^---(\s|$)/.test(all[i]) && i < lineAt) { first = i + 1; break; }
  return { lines: all, first, lineAt, lineStart: at };
}

/**
 * The keys open at `lineAt` (from the document's lines above it, block scalars' lines skipped), and
 * the keys of every mapping in the document by the line of the frame that holds them (-1: the top).
 */
function scan(lines: string[], first: number, lineAt: number, end = lineAt): { stack: Frame[]; siblings: Map<number, Set<string>> } {
  let stack: Frame[] = [];
  let atCursor: Frame[] | undefined;
  const siblings = new Map<number, Set<string>>();
  let blockIndent = -1;
  for (let i = first; i < end; i++) {
    if (i === lineAt) atCursor = [...stack];
    const line = lines[i];
    if (i >= lineAt && /^---(\s|$)/.test(line)) break;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (!line.trim() || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const shape = shapeOf(line);
    apply(stack, shape, true, i);
    if (shape.key !== undefined) {
      const parent = stack[stack.length - 2]?.line ?? -1;
      if (!siblings.has(parent)) siblings.set(parent, new Set());
      siblings.get(parent)!.add(shape.key);
      if (/^[|>][-+0-9]*$/.test(shape.rest ?? '')) blockIndent = shape.keyCol;
    }
  }
  if (atCursor) stack = atCursor;
  return { stack, siblings };
}

export type CursorContext =
  | { position: 'key'; parent: string[]; prefix: string; from: number; present: string[] }
  | { position: 'value'; parent: string[]; key: string; prefix: string; from: number };

/** What is being typed at `pos`: a key under `parent` (with the keys already there), or the value of `key`. */
export function cursorContext(text: string, pos: number): CursorContext | undefined {
  const { lines, first, lineAt, lineStart } = documentLines(text, pos);
  const line = lines[lineAt] ?? '';
  const before = line.slice(0, pos - lineStart);
  if (/^---/.test(before) || before.trimStart().startsWith('#')) return undefined;
  const { stack, siblings } = scan(lines, first, lineAt, lines.length);
  const shape = shapeOf(before);
  if (shape.key !== undefined) {
    apply(stack, shape, false);
    const value = before.slice(before.indexOf(':', shape.keyCol) + 1).replace(/^\s+/, '');
    if (/[{["'|>&*!]/.test(value[0] ?? '')) return undefined;
    return { position: 'value', parent: keysOf(stack), key: shape.key, prefix: value, from: pos - value.length };
  }
  const partial = before.slice(shape.keyCol);
  if (!/^[A-Za-z0-9_.\-/$]*$/.test(partial)) return undefined;
  apply(stack, { ...shape, key: undefined }, true, lineAt);
  const parent = keysOf(stack);
  const present = [...(siblings.get(stack[stack.length - 1]?.line ?? -1) ?? [])];
  return { position: 'key', parent, prefix: partial, from: pos - partial.length, present };
}

/** The keys leading to the key on the line at `pos` (its own included); undefined on a line without one. */
export function keyPathAt(text: string, pos: number): { keys: string[]; from: number; to: number } | undefined {
  const { lines, first, lineAt, lineStart } = documentLines(text, pos);
  const line = lines[lineAt] ?? '';
  const shape = shapeOf(line);
  if (shape.key === undefined || line.trimStart().startsWith('#')) return undefined;
  const { stack } = scan(lines, first, lineAt);
  apply(stack, shape, true);
  const keyEnd = line.indexOf(':', shape.keyCol);
  return { keys: keysOf(stack), from: lineStart + shape.keyCol, to: lineStart + keyEnd };
}

/** The keys at `pos` for "explain here": the key on this line, or where a key typed here would go. */
export function explainKeysAt(text: string, pos: number): string[] {
  const at = keyPathAt(text, pos);
  if (at) return at.keys;
  const c = cursorContext(text, pos);
  return c ? (c.position === 'value' ? [...c.parent, c.key] : c.parent) : [];
}

/** The apiVersion and kind written at the top level of the document holding `pos`. */
export function documentKindAt(text: string, pos: number): { apiVersion: string; kind: string } | undefined {
  const { lines, first } = documentLines(text, pos);
  let apiVersion: string | undefined;
  let kind: string | undefined;
  for (let i = first; i < lines.length && !/^---(\s|$)/.test(lines[i]); i++) {
    const m = /^(apiVersion|kind):\s*["']?([^\s"'#]+)["']?\s*(#.*)?$/.exec(lines[i]);
    if (m?.[1] === 'apiVersion') apiVersion = m[2];
    else if (m?.[1] === 'kind') kind = m[2];
  }
  return apiVersion && kind ? { apiVersion, kind } : undefined;
}
