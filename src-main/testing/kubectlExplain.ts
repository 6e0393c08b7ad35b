// Reads `kubectl explain` plaintext output (kubectl pkg/explain/v2/templates/plaintext.tmpl) back into
// data, so tests can compare it field by field with the app's explain.

export interface KubectlExplainField { name: string; type: string; required: boolean; enum?: string; description: string }
export interface KubectlExplain {
  kind: string; version: string; group?: string;
  field?: { name: string; type: string; enum?: string[] };
  description: string;
  fields: KubectlExplainField[];
}
export interface KubectlTreeNode { name: string; type: string; required: boolean; enum?: string; children: KubectlTreeNode[] }

/** Whitespace as kubectl's word wrap leaves it does not matter: runs of it become one space. */
export const normalizeText = (s: string) => s.replace(/\s+/g, ' ').trim();

const FIELD_LINE = /^( *)(\S+)\t<(.*)>( -required-)?$/;
const ENUM_LINE = /^( *)enum: (.*)$/;

function header(lines: string[]): Pick<KubectlExplain, 'kind' | 'version' | 'group' | 'field'> {
  const value = (k: string) => lines.find((l) => l.startsWith(`${k}:`))?.slice(k.length + 1).trim();
  const out: ReturnType<typeof header> = { kind: value('KIND') ?? '', version: value('VERSION') ?? '' };
  const group = value('GROUP');
  if (group) out.group = group;
  const i = lines.findIndex((l) => l.startsWith('FIELD: '));
  if (i >= 0) {
    const m = /^FIELD: (\S+) <(.*)>$/.exec(lines[i])!;
    out.field = { name: m[1], type: m[2] };
    if (lines[i + 1] === 'ENUM:') {
      out.field.enum = [];
      for (let j = i + 2; j < lines.length && lines[j].startsWith('    '); j++) out.field.enum.push(lines[j].trim());
    }
  }
  return out;
}

/** `kubectl explain <path>` (not recursive). */
export function parseKubectlExplain(text: string): KubectlExplain {
  const lines = text.split('\n');
  const d = lines.indexOf('DESCRIPTION:');
  const f = lines.indexOf('FIELDS:');
  const description = lines.slice(d + 1, f < 0 ? undefined : f).join('\n');
  const fields: KubectlExplainField[] = [];
  let cur: KubectlExplainField | undefined;
  for (const line of f < 0 ? [] : lines.slice(f + 1)) {
    const e = ENUM_LINE.exec(line);
    const m = FIELD_LINE.exec(line);
    if (e && e[1].length === 2 && cur) cur.enum = e[2];
    else if (m && m[1].length === 2) fields.push(cur = { name: m[2], type: m[3], required: !!m[4], description: '' });
    else if (cur) cur.description += `${line}\n`;
  }
  for (const x of fields) x.description = normalizeText(x.description);
  return { ...header(lines), description: normalizeText(description), fields };
}

/** `kubectl explain <path> --recursive`: the tree under FIELDS:, by indentation (two spaces a level). */
export function parseKubectlExplainRecursive(text: string): { header: ReturnType<typeof header>; tree: KubectlTreeNode[] } {
  const lines = text.split('\n');
  const f = lines.indexOf('FIELDS:');
  const root: KubectlTreeNode[] = [];
  const stack: { level: number; children: KubectlTreeNode[] }[] = [{ level: 0, children: root }];
  let last: KubectlTreeNode | undefined;
  for (const line of f < 0 ? [] : lines.slice(f + 1)) {
    if (!line.trim()) continue;
    const e = ENUM_LINE.exec(line);
    if (e && last) { last.enum = e[2]; continue; }
    const m = FIELD_LINE.exec(line);
    if (!m) throw new Error(`unexpected line in kubectl explain --recursive: ${JSON.stringify(line)}`);
    const level = m[1].length / 2;
    while (stack[stack.length - 1].level >= level) stack.pop();
    last = { name: m[2], type: m[3], required: !!m[4], children: [] };
    stack[stack.length - 1].children.push(last);
    stack.push({ level, children: last.children });
  }
  return { header: header(lines), tree: root };
}

/** An enum as kubectl's one-line form prints it: at most `limit` values, then `, ....`; "" as `""`. */
export function shortEnum(values: unknown[] | undefined, limit = 4): string | undefined {
  if (!values?.length) return undefined;
  const shown = values.slice(0, limit).map((v) => (v === '' ? '""' : String(v))).join(', ');
  return values.length > limit ? `${shown}, ....` : shown;
}
