import { ruleAllows, type PolicyRule } from './policyRule';

// What SelfSubjectRulesReview answers, laid out as `kubectl auth can-i --list` does it
// (kubectl/pkg/cmd/auth/cani.go printStatus: rbacutil.BreakdownRule, then CompactRules): one row per
// API group + resource (+ one resource name) or per non-resource URL, with every verb any rule gives
// it, verbs in the order they first appear. The matrix view reads the rows' verbs per column.

export interface ReviewRules {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
}

export interface RuleRow {
  /** kubectl's label: `pods`, `deployments.apps/scale`, `*.*`; empty for a URL row. */
  label: string;
  group?: string;
  /** With its subresource, as in the rule: `deployments/scale`. */
  resource?: string;
  resourceName?: string;
  nonResourceURL?: string;
  verbs: string[];
}

/** kubectl's describe.CombineResourceGroup: `resource.group/subresource`. */
export function resourceLabel(group: string, resource: string): string {
  const slash = resource.indexOf('/');
  const [base, sub] = slash < 0 ? [resource, undefined] : [resource.slice(0, slash), resource.slice(slash + 1)];
  return `${base}${group ? `.${group}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

export function ruleRows(review: ReviewRules): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  const add = (key: string, make: () => RuleRow, verbs: string[]) => {
    let row = rows.get(key);
    if (!row) { row = make(); rows.set(key, row); }
    for (const v of verbs) if (!row.verbs.includes(v)) row.verbs.push(v);
  };
  for (const r of review.resourceRules) {
    for (const group of r.apiGroups ?? []) {
      for (const resource of r.resources ?? []) {
        const names = r.resourceNames?.length ? r.resourceNames : [undefined];
        for (const name of names) {
          add(JSON.stringify(['r', group, resource, name ?? null]),
            () => ({ label: resourceLabel(group, resource), group, resource, ...(name !== undefined ? { resourceName: name } : {}), verbs: [] }), r.verbs);
        }
      }
    }
  }
  for (const r of review.nonResourceRules) {
    for (const url of r.nonResourceURLs ?? []) add(JSON.stringify(['u', url]), () => ({ label: '', nonResourceURL: url, verbs: [] }), r.verbs);
  }
  // kubectl sorts (SortableRuleSlice) by the rule's string form; resource rows before URL rows reads better.
  return [...rows.values()].sort((a, b) => (a.nonResourceURL !== undefined ? 1 : 0) - (b.nonResourceURL !== undefined ? 1 : 0)
    || a.label.localeCompare(b.label) || (a.resourceName ?? '').localeCompare(b.resourceName ?? '') || (a.nonResourceURL ?? '').localeCompare(b.nonResourceURL ?? ''));
}

/** The matrix's columns: the verbs kubectl's own roles use, then any other verb a row has. */
export const STANDARD_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] as const;

export function matrixColumns(rows: readonly RuleRow[]): string[] {
  const extra = new Set<string>();
  for (const r of rows) for (const v of r.verbs) if (v !== '*' && !(STANDARD_VERBS as readonly string[]).includes(v)) extra.add(v);
  return [...STANDARD_VERBS, ...[...extra].sort()];
}

/** A cell: the row allows the verb by name or by `*`. */
export const rowAllows = (row: RuleRow, verb: string): boolean => row.verbs.includes(verb) || row.verbs.includes('*');

/** A row's verb as a PolicyRule request, to look up which bindings grant it. */
export function rowRequest(row: RuleRow, verb: string, namespace: string | undefined) {
  if (row.nonResourceURL !== undefined) return { verb, nonResourceURL: row.nonResourceURL };
  const [resource, subresource] = (row.resource ?? '').split('/', 2);
  return { verb, group: row.group ?? '', resource, ...(subresource ? { subresource } : {}), ...(row.resourceName ? { name: row.resourceName } : {}), ...(namespace ? { namespace } : {}) };
}


export interface KindRow { label: string; group: string; resource: string; namespaced: boolean; allowed: Set<string> }

/**
 * The built-in kinds as rows, each verb allowed when some reviewed rule allows it on the whole
 * resource (no name): the matrix that also shows what is denied (`list nodes`), which the rule rows
 * leave out by not mentioning it.
 */
export function kindRows(review: ReviewRules, kinds: readonly { group: string; resource: string; namespaced: boolean }[], verbs: readonly string[] = STANDARD_VERBS): KindRow[] {
  const rules: PolicyRule[] = review.resourceRules;
  return kinds.map((k) => ({
    label: resourceLabel(k.group, k.resource), group: k.group, resource: k.resource, namespaced: k.namespaced,
    allowed: new Set(verbs.filter((verb) => rules.some((r) => ruleAllows(r, { verb, group: k.group, resource: k.resource })))),
  }));
}
