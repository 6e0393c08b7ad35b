/** Token classes of the read-only YAML view; each maps to a CSS class, never to markup. */
export type YamlTokenType = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'comment' | 'text';
export type YamlToken = [YamlTokenType, string];

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#][^#]*?)(:)(?=\s|$)/;
const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/;
const LITERAL = /^(?:true|false|null|~|True|False|Null|NULL|TRUE|FALSE)$/;
const BLOCK = /^[|>][-+]?\d*$/;

function scalar(value: string): YamlToken[] {
  if (value === '') return [];
  const comment = /\s#/.exec(value);
  if (comment && !/^["']/.test(value)) {
    return [...scalar(value.slice(0, comment.index)), ['comment', value.slice(comment.index)]];
  }
  const trimmed = value.trimEnd();
  const trail: YamlToken[] = trimmed.length < value.length ? [['text', value.slice(trimmed.length)]] : [];
  if (BLOCK.test(trimmed) || trimmed === '{}' || trimmed === '[]') return [['punct', trimmed], ...trail];
  if (NUMBER.test(trimmed)) return [['number', trimmed], ...trail];
  if (LITERAL.test(trimmed)) return [['literal', trimmed], ...trail];
  return [['string', trimmed], ...trail];
}

/**
 * Splits YAML text into lines of typed tokens for highlighting: keys, scalars by type, block scalar
 * bodies as strings. A line-level scanner, enough for what `yaml` stringifies (no flow collections
 * beyond `{}`/`[]`, no folding when stringified with lineWidth 0). The tokens of a line always
 * concatenate back to the line, so nothing of the text is lost or altered.
 */
export function tokenizeYaml(text: string): YamlToken[][] {
  const lines = text.replace(/\n$/, '').split('\n');
  const out: YamlToken[][] = [];
  let blockIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) { out.push(line ? [['string', line]] : []); continue; }
      blockIndent = -1;
    }
    const tokens: YamlToken[] = [];
    if (indent) tokens.push(['text', line.slice(0, indent)]);
    let rest = line.slice(indent);
    let column = indent;
    if (rest.startsWith('#')) { out.push([...tokens, ['comment', rest]]); continue; }
    for (let dash = /^-(\s+|$)/.exec(rest); dash; dash = /^-(\s+|$)/.exec(rest)) {
      tokens.push(['punct', '-']);
      if (dash[1]) tokens.push(['text', dash[1]]);
      column += dash[0].length;
      rest = rest.slice(dash[0].length);
    }
    const key = KEY.exec(rest);
    if (key) {
      tokens.push(['key', key[1]], ['punct', ':']);
      rest = rest.slice(key[0].length);
      const gap = /^\s*/.exec(rest)![0];
      if (gap) tokens.push(['text', gap]);
      rest = rest.slice(gap.length);
    }
    const value = scalar(rest);
    tokens.push(...value);
    if (value.length && value[0][0] === 'punct' && BLOCK.test(value[0][1])) blockIndent = key ? column : Math.max(0, column - 1);
    out.push(tokens);
  }
  return out;
}
