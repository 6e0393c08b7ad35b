/**
 * Label selectors as `kubectl get -l` parses them: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
 * `a`, `!a`, comma-separated. Throws a readable error on bad input.
 */
export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

export function parseLabelSelector(text: string): Requirement[] {
  const out: Requirement[] = [];
  const s = text.trim();
  if (!s) return out;
  // Split on commas that are not inside parentheses.
  const parts: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(p))) {
      out.push({ key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] });
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p))) {
      out.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()).filter(Boolean) });
    } else if ((m = /^!\s*([\w./-]+)$/.exec(p))) {
      out.push({ key: m[1], op: '!exists' });
    } else if ((m = /^([\w./-]+)$/.exec(p))) {
      out.push({ key: m[1], op: 'exists' });
    } else {
      throw new Error(`Cannot parse label selector near "${p}": use key=value, key!=value, key in (a,b), key notin (a), key or !key`);
    }
  }
  return out;
}

export function matchesSelector(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  const l = labels ?? {};
  for (const r of reqs) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    if (r.op === 'exists' && !has) return false;
    if (r.op === '!exists' && has) return false;
    if (r.op === 'in' && (!has || !r.values.includes(l[r.key]))) return false;
    if (r.op === 'notin' && has && r.values.includes(l[r.key])) return false;
  }
  return true;
}
