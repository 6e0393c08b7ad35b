// What the namespace picker offers, and whether a remembered choice still stands, from what RBAC lets
// this user do (SelfSubjectAccessReview answers). A user who may not list namespaces still gets a way
// to every namespace they may use: their context's own, the ones typed before, and a free-text field
// (Lens's "accessible namespaces"). "All namespaces" only for a user who may list cluster-wide. Pure.

/** `undefined` while the access review has not answered. */
export interface NamespaceAccess {
  listNamespaces?: boolean;
  listAllNamespaces?: boolean;
  /** May list pods in the chosen namespace (asked only for a chosen single namespace). */
  listChosen?: boolean;
}

export const ALL = '*';

export interface ChoiceInput {
  access: NamespaceAccess;
  /** The context's namespace in kubeconfig. */
  contextNamespace?: string;
  typed: readonly string[];
  /** Names from the namespaces list (empty when it is forbidden). */
  listed: readonly string[];
  /** The namespace shown now (undefined = all). */
  current?: string;
  /** The namespaces this user starred for the context (prefs). */
  favourites?: readonly string[];
}

export interface Choices {
  /** Offer "All namespaces". */
  all: boolean;
  names: string[];
  /** The starred ones among `names`, sorted: offered first. */
  favourites: string[];
  /** Offer a free-text field: the list cannot say which namespaces exist. */
  freeText: boolean;
}

export function namespaceChoices(i: ChoiceInput): Choices {
  const names = new Set<string>();
  if (i.access.listNamespaces === false) {
    if (i.contextNamespace) names.add(i.contextNamespace);
    for (const n of i.typed) names.add(n);
  } else {
    for (const n of i.listed) names.add(n);
  }
  if (i.current) names.add(i.current);
  // Starred names stay offered even where the list cannot say they exist (as typed ones do).
  for (const n of i.favourites ?? []) names.add(n);
  const sorted = [...names].sort();
  const favourites = [...new Set(i.favourites ?? [])].sort();
  // While the answer is pending, keep "All namespaces" if it is what is shown, so the picker has a value.
  const all = i.access.listAllNamespaces === true || (i.access.listAllNamespaces === undefined && i.current === undefined);
  return { all, names: sorted, favourites, freeText: i.access.listNamespaces === false };
}

/**
 * A remembered choice the user may no longer use is dropped: "All namespaces" without the right to
 * list pods cluster-wide, or a namespace whose pods they may no longer list (not the context's own:
 * that is where they land). Returns the namespace to show instead (the context's own, else the last
 * typed one) and the message saying why; undefined when the choice stands or the answer is not in yet.
 */
export function droppedChoice(chosen: string | undefined, access: NamespaceAccess, contextNamespace: string | undefined, typed: readonly string[]):
  { namespace: string; message: string } | undefined {
  // No choice anywhere (no URL, no pref, no context namespace) means all namespaces too.
  const all = chosen === ALL || chosen === undefined;
  if (all && access.listAllNamespaces === false) {
    const namespace = contextNamespace ?? typed[0] ?? 'default';
    return { namespace, message: `“All namespaces” is not available: you may not list pods in all namespaces. Showing namespace ${namespace}.` };
  }
  if (!all && chosen !== contextNamespace && access.listChosen === false) {
    const namespace = contextNamespace ?? typed.find((n) => n !== chosen) ?? 'default';
    return { namespace, message: `You may no longer list pods in namespace ${chosen}. Showing namespace ${namespace}.` };
  }
  return undefined;
}

/** A typed namespace name as the API server takes it (RFC 1123 label), or the reason it is not one. */
export function namespaceNameError(name: string): string | undefined {
  if (!name) return 'Type a namespace name.';
  if (name.length > 63) return 'A namespace name has at most 63 characters.';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return 'Lower-case letters, digits and “-”, starting and ending with a letter or digit.';
  return undefined;
}
