import { groupKind } from './objectIdentity';

// Label and annotation keys of the ApplySet specification (KEP-3659), as kubectl reads and writes them.
export const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id';
export const APPLYSET_PART_OF_LABEL = 'applyset.kubernetes.io/part-of';
export const APPLYSET_TOOLING = 'applyset.kubernetes.io/tooling';
export const APPLYSET_GROUP_KINDS = 'applyset.kubernetes.io/contains-group-kinds';
export const APPLYSET_ADDITIONAL_NAMESPACES = 'applyset.kubernetes.io/additional-namespaces';
/** Older kubectl wrote resources instead of kinds; read only as a fallback. */
export const APPLYSET_GROUP_RESOURCES_DEPRECATED = 'applyset.kubernetes.io/contains-group-resources';
/**
 * kubectl refuses a parent whose tooling is not `kubectl/…` ("managed by tooling X instead of kubectl"),
 * so a set Wheelhouse writes says kubectl: Wheelhouse follows kubectl's protocol step for step, and
 * `kubectl apply --prune --applyset` must be able to take over. The version part is informational.
 */
export const APPLYSET_TOOLING_VALUE = 'kubectl/v1.35.4';

export interface ApplySetParentRef {
  name: string;
  namespace: string;
  kind: string;
  group: string;
}

/** The parent a bare `--applyset=NAME -n NS` means: a Secret. */
export function secretParent(name: string, namespace: string): ApplySetParentRef {
  return { name, namespace, kind: 'Secret', group: '' };
}

/** `applyset-` + base64url-nopad(sha256(`name.namespace.Kind.group`)) + `-v1`, as kubectl computes it. */
export async function applySetId(p: ApplySetParentRef): Promise<string> {
  const bytes = new TextEncoder().encode(`${p.name}.${p.namespace}.${p.kind}.${p.group}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return `applyset-${base64UrlNoPad(digest)}-v1`;
}

function base64UrlNoPad(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += alphabet[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

export interface MemberScope { kind: string; group: string; namespace?: string }

/**
 * The parent's annotations for a set of members: sorted group kinds, sorted other namespaces. With
 * `keep` (the parent's current scope) the result is the superset kubectl writes before applying.
 */
export function parentAnnotations(members: MemberScope[], parentNamespace: string, keep?: Pick<ParentScope, 'groupKinds' | 'namespaces'>): Record<string, string> {
  const gks = [...new Set([...members, ...(keep?.groupKinds ?? [])].map((m) => groupKind(m.kind, m.group)))].sort();
  const nss = [...new Set([...members.map((m) => m.namespace), ...(keep?.namespaces ?? [])].filter((n): n is string => !!n && n !== parentNamespace))].sort();
  return {
    [APPLYSET_TOOLING]: APPLYSET_TOOLING_VALUE,
    [APPLYSET_GROUP_KINDS]: gks.join(','),
    [APPLYSET_ADDITIONAL_NAMESPACES]: nss.join(','),
  };
}

/** What a live parent says: its group kinds and namespaces to look in for members (its own included). */
export interface ParentScope { groupKinds: { kind: string; group: string }[]; namespaces: string[]; tooling?: string; id?: string }

export function readParent(parent: { metadata?: { namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } }): ParentScope {
  const ann = parent.metadata?.annotations ?? {};
  const gkText = ann[APPLYSET_GROUP_KINDS] ?? '';
  const groupKinds = gkText.split(',').filter(Boolean).map((s) => {
    const dot = s.indexOf('.');
    return dot < 0 ? { kind: s, group: '' } : { kind: s.slice(0, dot), group: s.slice(dot + 1) };
  });
  const namespaces = new Set((ann[APPLYSET_ADDITIONAL_NAMESPACES] ?? '').split(',').filter(Boolean));
  if (parent.metadata?.namespace) namespaces.add(parent.metadata.namespace);
  return { groupKinds, namespaces: [...namespaces].sort(), tooling: ann[APPLYSET_TOOLING], id: parent.metadata?.labels?.[APPLYSET_ID_LABEL] };
}

/** Why this tool may not write to an existing parent, or undefined when it may (kubectl's own checks). */
export function parentRefusal(scope: ParentScope, expectedId: string): string | undefined {
  if (scope.tooling === undefined) return `the ApplySet parent exists but has no ${APPLYSET_TOOLING} annotation`;
  const base = scope.tooling.includes('/') ? scope.tooling.slice(0, scope.tooling.lastIndexOf('/')) : scope.tooling;
  if (base !== 'kubectl') return `the ApplySet parent is managed by tooling "${base}", not kubectl's protocol`;
  if (scope.id !== expectedId) return `the ApplySet parent's ${APPLYSET_ID_LABEL} label is "${scope.id ?? ''}", expected "${expectedId}"`;
  return undefined;
}
