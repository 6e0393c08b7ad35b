// RBAC objects as the authorizer reads them, and whether one PolicyRule allows one request. The
// matching follows kube-apiserver's RBAC authorizer (plugin/pkg/auth/authorizer/rbac/rbac.go,
// RuleAllows and pkg/apis/rbac/v1/evaluation_helpers.go): `*` matches any verb, group, resource or
// URL; `*/sub` matches that subresource of any resource; a URL ending in `*` is a prefix; an empty
// resourceNames list matches every name, a non-empty one only a request that names one of them.

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A resource request (`namespace` empty: cluster-scoped or all namespaces) or a non-resource URL. */
export type AccessRequest =
  | { verb: string; group: string; resource: string; subresource?: string; name?: string; namespace?: string; nonResourceURL?: undefined }
  | { verb: string; nonResourceURL: string };

export const isResourceRequest = (r: AccessRequest): r is Extract<AccessRequest, { resource: string }> => r.nonResourceURL === undefined;

const has = (list: readonly string[] | undefined, value: string) => !!list && (list.includes('*') || list.includes(value));

function resourceMatches(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

function urlMatches(rule: PolicyRule, url: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === '*' || u === url) return true;
    if (u.endsWith('*') && url.startsWith(u.slice(0, -1))) return true;
  }
  return false;
}

export function ruleAllows(rule: PolicyRule, req: AccessRequest): boolean {
  if (!has(rule.verbs, req.verb)) return false;
  if (!isResourceRequest(req)) return urlMatches(rule, req.nonResourceURL);
  if (!has(rule.apiGroups, req.group) || !resourceMatches(rule, req.resource, req.subresource)) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (!!req.name && names.includes(req.name));
}
