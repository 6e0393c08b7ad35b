import type { LabelSelector, ObjectMeta } from './workloadShapes';

/**
 * A LabelSelector as the `labelSelector` query string (apimachinery's LabelSelectorAsSelector then
 * String()): requirements sorted by key, set values sorted.
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

/** metav1.IsControlledBy: the object's controller owner reference points at the owner's uid. */
export function isControlledBy(obj: { metadata?: ObjectMeta }, owner: { metadata?: ObjectMeta }): boolean {
  const uid = owner.metadata?.uid;
  if (!uid) return false;
  return (obj.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}
