// The one label-selector module: the metav1.LabelSelector shape, parsing `-l` text, matching labels,
// and printing a selector the way apimachinery does (for queries and for describe-style text).

export interface LabelSelectorRequirement {
  key: string;
  operator: string; // In, NotIn, Exists, DoesNotExist (anything else selects nothing, as the API server would reject it)
  values?: string[];
}

/** A metav1.LabelSelector. Services' plain selector maps are carried as `{ matchLabels }`. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * A selector as an object carries it, read defensively: a metav1.LabelSelector (`matchLabels`,
 * `matchExpressions`), or the plain label map of a ReplicationController's (and a Service's)
 * `spec.selector`, carried as `{ matchLabels }`. Undefined when there is no selector object.
 */
export function readLabelSelector(raw: unknown): LabelSelector | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const sel = raw as Record<string, any>;
  // A structured selector has an object `matchLabels` or an array `matchExpressions`; a plain map's values are strings.
  const structured = (sel.matchLabels && typeof sel.matchLabels === 'object') || Array.isArray(sel.matchExpressions);
  if (!structured) {
    const labels = Object.entries(sel).filter((e): e is [string, string] => typeof e[1] === 'string');
    return labels.length > 0 ? { matchLabels: Object.fromEntries(labels) } : {};
  }
  const out: LabelSelector = {};
  if (sel.matchLabels && typeof sel.matchLabels === 'object') out.matchLabels = { ...sel.matchLabels };
  const exprs = (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []).filter((e) => e && typeof e.key === 'string');
  if (exprs.length > 0) {
    out.matchExpressions = exprs.map((e) => {
      const r: LabelSelectorRequirement = { key: e.key, operator: String(e.operator ?? '') };
      if (Array.isArray(e.values)) r.values = e.values.map(String);
      return r;
    });
  }
  return out;
}

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

/**
 * A metav1.LabelSelector as requirements, or null when it can never match (an unknown operator or
 * an In/NotIn without values, which the API server would reject). `{}` matches everything, as in
 * Kubernetes; callers decide whether an absent selector means "nothing" (Services) or "everything".
 */
export function selectorRequirements(sel: LabelSelector): Requirement[] | null {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: 'in', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (!e.values || e.values.length === 0) return null;
        reqs.push({ key: e.key, op: e.operator === 'In' ? 'in' : 'notin', values: e.values });
        break;
      case 'Exists': reqs.push({ key: e.key, op: 'exists' }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, op: '!exists' }); break;
      default: return null;
    }
  }
  return reqs;
}

export function matchesLabelSelector(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const reqs = selectorRequirements(sel);
  return reqs !== null && matchesSelector(labels, reqs);
}

/**
 * A LabelSelector as the `labelSelector` query string and as `kubectl describe` prints it
 * (apimachinery's LabelSelectorAsSelector then String()): requirements sorted by key, set values
 * sorted. Throws on an operator the API server would reject.
 */
export function labelSelectorString(selector: LabelSelector | undefined): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const e of selector?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, text: `${e.key} in (${values})` }); break;
      case 'NotIn': reqs.push({ key: e.key, text: `${e.key} notin (${values})` }); break;
      case 'Exists': reqs.push({ key: e.key, text: e.key }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, text: `!${e.key}` }); break;
      default: throw new Error(`"${e.operator}" is not a valid label selector operator`);
    }
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.text).join(',');
}
