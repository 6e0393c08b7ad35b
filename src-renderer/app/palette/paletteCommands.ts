// The palette's `:` commands, k9s style, as entries to choose: `:ctx NAME`, `:ns NAME`, `:top`
// (the topology), `:<kind alias> [-n ns]` (that kind's table). Pure.
import type { KindRef } from './kindAliases';
import type { PaletteQuery } from './paletteQuery';
import { namespaceNameError } from '../namespaceChoices';
import { CREATE_ENTRIES, type CreateFormId } from '../../../shared/create/createKinds';

export type PaletteGo =
  | { to: 'context'; context: string }
  | { to: 'namespace'; namespace: string; typed?: boolean }
  | { to: 'kind'; kind: KindRef; namespace?: string }
  | { to: 'topology'; namespace?: string }
  | { to: 'create'; form?: CreateFormId }
  | { to: 'access' };

export interface CommandItem { id: string; label: string; detail?: string; go?: PaletteGo }

export interface CommandEnv {
  contexts: readonly string[];
  /** The namespaces the picker offers (listed, or the context's own and typed ones). */
  namespaces: readonly string[];
  /** "All namespaces" is allowed. */
  all: boolean;
  /** The namespaces starred for this context: `:ns` offers them first (after an exact match). */
  favourites?: readonly string[];
}

const HINTS: CommandItem[] = [
  { id: 'hint-ctx', label: ':ctx NAME', detail: 'switch context' },
  { id: 'hint-ns', label: ':ns NAME', detail: 'switch namespace' },
  { id: 'hint-kind', label: ':pods  :deploy -n NS  :svc …', detail: 'a kind’s table (any kind alias)' },
  { id: 'hint-top', label: ':top', detail: 'topology' },
  { id: 'hint-new', label: ':new KIND', detail: 'create an object from a form (kubectl create)' },
  { id: 'hint-access', label: ':access', detail: 'RBAC: what can I do, can-i, who can' },
];

const label = (k: KindRef) => k.resource.charAt(0).toUpperCase() + k.resource.slice(1);

export function commandItems(q: Extract<PaletteQuery, { mode: 'command' }>, env: CommandEnv): CommandItem[] {
  const arg = q.arg.trim();
  const starts = (s: string) => s.toLowerCase().includes(arg.toLowerCase());
  if (!q.command) return HINTS;
  if ((q.command.length >= 2 && 'ctx'.startsWith(q.command)) || q.command === 'context') {
    return env.contexts.filter(starts).sort((a, b) => rank(a, arg) - rank(b, arg))
      .map((c) => ({ id: `ctx:${c}`, label: c, detail: 'context', go: { to: 'context', context: c } }));
  }
  if (q.command === 'ns' || q.command === 'namespace') {
    const out: CommandItem[] = [];
    if (env.all && (!arg || 'all'.startsWith(arg.toLowerCase()) || arg === '*')) out.push({ id: 'ns:*', label: 'All namespaces', detail: 'namespace', go: { to: 'namespace', namespace: '*' } });
    const starred = new Set(env.favourites ?? []);
    const names = [...new Set([...env.namespaces, ...starred])];
    const order = (n: string) => (rank(n, arg) === 0 ? 0 : starred.has(n) ? 1 : 1 + rank(n, arg));
    const known = names.filter(starts).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    for (const n of known) out.push({ id: `ns:${n}`, label: n, detail: starred.has(n) ? '★ favourite namespace' : 'namespace', go: { to: 'namespace', namespace: n } });
    if (arg && !names.includes(arg) && arg !== '*' && arg.toLowerCase() !== 'all') {
      const bad = namespaceNameError(arg);
      out.push(bad ? { id: 'ns-bad', label: arg, detail: bad } : { id: `ns-typed:${arg}`, label: arg, detail: 'namespace (typed)', go: { to: 'namespace', namespace: arg, typed: true } });
    }
    return out;
  }
  if (q.command === 'new' || q.command === 'create') {
    return CREATE_ENTRIES.filter((e) => !arg || e.id.startsWith(arg.toLowerCase()) || e.label.toLowerCase().includes(arg.toLowerCase()))
      .map((e) => ({ id: `new:${e.id}`, label: `New ${e.label}…`, detail: e.command, go: { to: 'create', form: e.id } }));
  }
  if (q.command === 'top' || q.command === 'topology') return [{ id: 'top', label: 'Topology', detail: 'the graph of this namespace', go: { to: 'topology' } }];
  if (q.command === 'access' || q.command === 'rbac' || q.command === 'can-i') return [{ id: 'access', label: 'Access', detail: 'what can I do, can-i, who can, effective permissions', go: { to: 'access' } }];
  if (q.kinds?.length) {
    return q.kinds.map((k) => ({
      id: `kind:${k.group}/${k.resource}`, label: label(k), detail: `${k.group || 'core'}${q.namespace ? ` · in ${q.namespace}` : ''}`,
      go: { to: 'kind', kind: k, ...(q.namespace ? { namespace: q.namespace } : {}) },
    }));
  }
  return [{ id: 'unknown', label: `:${q.command}`, detail: 'no such command or kind (try :ctx, :ns, :top, or a kind like :pods)' }];
}

/** Exact first, then prefix, then the rest. */
function rank(name: string, arg: string): number {
  const a = arg.toLowerCase(), n = name.toLowerCase();
  return n === a ? 0 : n.startsWith(a) ? 1 : 2;
}
