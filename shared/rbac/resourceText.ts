import { KINDS } from '../model/kinds';

// What a person types for a resource, the way `kubectl auth can-i VERB RESOURCE` reads it:
// `pods`, `po`, `deployments.apps`, `pods/log`, `deploy/scale`; a built-in's plural or short name
// without a group finds its group in the kinds table.

export interface ResourceText { group: string; resource: string; subresource?: string }

export function parseResourceText(text: string): ResourceText | { error: string } {
  const t = text.trim();
  if (!t) return { error: 'Type a resource, such as pods, deployments.apps or pods/log.' };
  if (/\s/.test(t)) return { error: `"${t}" has a space in it; a resource is one word, such as pods or deployments.apps.` };
  const slash = t.indexOf('/');
  const head = slash < 0 ? t : t.slice(0, slash);
  const subresource = slash < 0 ? undefined : t.slice(slash + 1);
  if (subresource !== undefined && (!subresource || subresource.includes('/'))) return { error: `"${t}" is not resource/subresource.` };
  const dot = head.indexOf('.');
  let resource = dot < 0 ? head : head.slice(0, dot);
  let group = dot < 0 ? '' : head.slice(dot + 1);
  if (dot < 0 && resource !== '*') {
    const known = KINDS.find((k) => k.resource === resource || k.shortNames.includes(resource) || k.kind.toLowerCase() === resource.toLowerCase());
    if (known) { resource = known.resource; group = known.group; }
  }
  if (!resource) return { error: `"${t}" names no resource.` };
  return { group, resource, ...(subresource ? { subresource } : {}) };
}
