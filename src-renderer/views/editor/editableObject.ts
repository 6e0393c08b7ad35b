// The object as a person edits it, and the object sent back: pure, tested beside.
// Status and server-owned metadata are left out of the text (the server sets them); the
// resourceVersion the edit started from is kept aside and sent with the apply, so a change made
// meanwhile is a conflict instead of being overwritten.
import { parseAllDocuments, stringify } from 'yaml';
import { diffValues, type TemplateChange } from '../../../shared/rollout/templateDiff';
import { editableCopy } from '../../../shared/edit/editableCopy';

export { editableCopy };

/** What the core shows instead of a Secret's values until they are revealed. */
export const MASKED_VALUE = '••••••••';

export interface Identity { apiVersion: string; kind: string; name: string; namespace?: string }

export function toYaml(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, aliasDuplicateObjects: false, indent: 2 });
}

export function identityOf(obj: any): Identity {
  const id: Identity = { apiVersion: String(obj?.apiVersion ?? ''), kind: String(obj?.kind ?? ''), name: String(obj?.metadata?.name ?? '') };
  if (obj?.metadata?.namespace) id.namespace = String(obj.metadata.namespace);
  return id;
}

/** True when a Secret still holds the core's placeholders instead of its values (applying would store them). */
export function hasMaskedValues(obj: any): boolean {
  if (obj?.kind !== 'Secret') return false;
  const maps = [obj.data, obj.stringData].filter((m) => m && typeof m === 'object');
  return maps.some((m) => Object.values(m).some((v) => v === MASKED_VALUE));
}

export type Prepared = { ok: true; object: Record<string, any> } | { ok: false; error: string };

/**
 * The edited text as the object to apply: exactly one document, the same object (apiVersion, kind,
 * name, namespace) the edit started from, with that version's resourceVersion unless `force`.
 */
export function prepareEdit(text: string, loaded: Identity, resourceVersion: string | undefined, force: boolean): Prepared {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const real = list.filter((d) => d.contents !== null || d.errors.length > 0);
  if (real.length !== 1) return { ok: false, error: `The text must hold exactly one object (it holds ${real.length}). Use Apply YAML to create other objects.` };
  const doc = real[0];
  if (doc.errors.length > 0) return { ok: false, error: `YAML error: ${doc.errors[0].message}` };
  const value = doc.toJS();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'The text is not a YAML object.' };
  const now = identityOf(value);
  for (const k of ['apiVersion', 'kind', 'name'] as const) {
    if (now[k] !== loaded[k]) return { ok: false, error: `${k === 'name' ? 'metadata.name' : k} changed from "${loaded[k]}" to "${now[k]}": Edit YAML changes this object only. Use Apply YAML to create another.` };
  }
  if (now.namespace !== undefined && now.namespace !== loaded.namespace) return { ok: false, error: `metadata.namespace changed from "${loaded.namespace ?? ''}" to "${now.namespace}": an object cannot move between namespaces.` };
  if (hasMaskedValues(value)) return { ok: false, error: 'This Secret still holds hidden placeholders (••••••••) instead of its values: load it with its values before editing.' };
  const { status: _status, ...object } = value as Record<string, any>;
  object.metadata = { ...object.metadata };
  if (loaded.namespace) object.metadata.namespace = loaded.namespace;
  if (force || !resourceVersion) delete object.metadata.resourceVersion;
  else object.metadata.resourceVersion = resourceVersion;
  return { ok: true, object };
}

/** What an apply would change, field by field: the live object against the dry run's answer. */
export function changesBetween(live: unknown, wouldBe: unknown): TemplateChange[] {
  return diffValues(editableCopy(live), editableCopy(wouldBe));
}

/** A conflict reported by apply: another field manager, or a change since the edit was loaded. */
export function conflictKind(message: string, conflicts: unknown[] | undefined): 'managers' | 'modified' {
  if (conflicts && conflicts.length > 0) return 'managers';
  return /has been modified|latest version/i.test(message) ? 'modified' : 'managers';
}
