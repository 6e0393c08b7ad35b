import { parseAllDocuments } from 'yaml';
import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath } from '../cluster/resourcePath';
import { requireAccess } from '../actions/accessCheck';
import { MERGE_PATCH, STRATEGIC_MERGE_PATCH, writeQuery } from '../actions/writeOptions';
import { maskSecret, stripManagedFields } from '../objectSanitizer';
import { ApiError } from '../cluster/apiError';
import { ContractError } from '../../../shared/contract/contractError';
import type { EditParams, EditResult } from '../../../shared/contract/edit';
import { editableCopy } from '../../../shared/edit/editableCopy';
import { deepEqual, jsonMergePatch, strategicMergePatch } from '../../../shared/edit/twoWayPatch';
import { openApiPatchMeta } from './openApiPatchMeta';

type Params = Omit<EditParams, 'dryRun'> & { dryRun?: boolean };

function oneObject(text: string, what: string): Record<string, any> {
  const docs = parseAllDocuments(text);
  const list = (Array.isArray(docs) ? docs : [docs]).filter((d) => d.contents !== null || d.errors.length > 0);
  if (list.length !== 1) throw new ContractError('bad-request', `The ${what} text must hold exactly one object (it holds ${list.length}).`);
  if (list[0].errors.length) throw new ContractError('bad-request', `YAML error in the ${what} text: ${list[0].errors[0].message}`);
  const v = list[0].toJS();
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ContractError('bad-request', `The ${what} text is not a YAML object.`);
  return v;
}

/** Whether the kind is served by a CustomResourceDefinition (then JSON merge patch, as kubectl edit). */
async function isCustomResource(http: KubeHttp, group: string, resource: string): Promise<boolean> {
  if (group === '') return false;
  try {
    await http.request('GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(`${resource}.${group}`)}`, { timeoutMs: 15_000 });
    return true;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return false;
    throw err;
  }
}

const sanitize = (o: any) => maskSecret(stripManagedFields(o));

/**
 * `kubectl edit`'s write: a two-way patch from the loaded text to the edited text, so only what the
 * user changed is sent. apiVersion, kind and name must not change; no resourceVersion precondition
 * unless the user edited it in. Unlike kubectl, when the object changed on the server since it was
 * loaded (anything the editor shows, not only status), nothing is written: the answer carries the
 * newer object and what it would become, until the user accepts that version.
 */
export async function editObject(http: KubeHttp, p: Params): Promise<EditResult> {
  const loaded = oneObject(p.loadedYaml, 'loaded');
  const edited = oneObject(p.editedYaml, 'edited');
  for (const [label, get] of [['apiVersion', (o: any) => o.apiVersion], ['kind', (o: any) => o.kind], ['metadata.name', (o: any) => o.metadata?.name]] as const) {
    if (get(edited) !== get(loaded)) throw new ContractError('bad-request', `${label} changed from "${get(loaded)}" to "${get(edited)}": an edit changes this object only. Use Apply YAML to create another.`);
  }
  const ns = edited.metadata?.namespace;
  if (ns !== undefined && ns !== (loaded.metadata?.namespace ?? p.namespace)) throw new ContractError('bad-request', `metadata.namespace changed to "${ns}": an object cannot move between namespaces.`);
  delete edited.status;
  delete loaded.status;

  const custom = await isCustomResource(http, p.group, p.resource);
  const patchType = custom ? 'merge' as const : 'strategic' as const;
  const patch = custom ? jsonMergePatch(loaded, edited)
    : strategicMergePatch(loaded, edited, await openApiPatchMeta(http, p.group, p.version, String(loaded.kind)));
  const label = `${p.resource}${p.group ? `.${p.group}` : ''}/${p.name}`;
  if (Object.keys(patch).length === 0) return { outcome: 'unchanged', message: `${label}: nothing changed, nothing sent.`, patchType, patch };

  await requireAccess(http, [{ verb: 'patch', group: p.group, resource: p.resource, namespace: p.namespace, name: p.name }]);
  const path = objectPath(p, p.namespace, p.name);
  const send = (dryRun: boolean) => http.request('PATCH', path, { body: patch, contentType: custom ? MERGE_PATCH : STRATEGIC_MERGE_PATCH, query: writeQuery(dryRun) });

  const current = await http.request('GET', path, { timeoutMs: 15_000 });
  const currentRv = String(current?.metadata?.resourceVersion ?? '');
  const moved = currentRv !== p.loadedResourceVersion && currentRv !== p.acceptResourceVersion
    && !deepEqual(JSON.parse(JSON.stringify(editableCopy(stripManagedFields(current)))), editableCopy(loaded));
  if (moved) {
    const wouldBe = await send(true);
    return {
      outcome: 'changed', patchType, patch, newer: sanitize(current), newerResourceVersion: currentRv, object: sanitize(wouldBe),
      message: `${label} changed on the server since you loaded it (resourceVersion ${p.loadedResourceVersion} → ${currentRv}). Nothing was written: compare the newer version with your change, then send it onto that version or reload.`,
    };
  }
  const stored = await send(!!p.dryRun);
  return { outcome: 'patched', patchType, patch, object: sanitize(stored), message: `${label} edited (${patchType === 'strategic' ? 'strategic merge' : 'JSON merge'} patch)${p.dryRun ? ' (server dry run)' : ''}` };
}
