import type { KubeHttp } from '../cluster/kubeHttp';
import { kindResolver } from '../actions/kindResolver';
import type { ResourcePath } from '../cluster/resourcePath';
import type { ManifestObject } from '../../../shared/apps/manifestDocuments';
import { APPLYSET_PART_OF_LABEL } from '../../../shared/apps/applySet';
import { groupOf, objectKey } from '../../../shared/apps/objectIdentity';

/** A source object ready to dry-run or apply: its resource, namespace, key and where it came from. */
export interface DesiredObject extends ResourcePath {
  key: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  file: string;
  line: number;
  /** The object as it will be applied: namespace filled in, the apply-set member label added. */
  object: Record<string, any>;
}

/** A source object that cannot be compared, with the reason (unknown kind, duplicate, bad namespace…). */
export interface DesiredError {
  key: string;
  apiVersion: string;
  kind: string;
  group: string;
  name: string;
  namespace?: string;
  file: string;
  line: number;
  message: string;
  /** Its kind is served by a CRD in this same source that is not installed yet. */
  awaitingCrd?: boolean;
}

/**
 * Maps source objects to resources by discovery (like kubectl's REST mapper), puts namespaced objects
 * without a namespace into the application's default one, drops the namespace of cluster-scoped ones,
 * and refuses duplicates (the second definition of the same object names the first).
 */
export async function resolveDesired(http: KubeHttp, sources: ManifestObject[], defaultNamespace: string | undefined, applySetId: string): Promise<{ desired: DesiredObject[]; errors: DesiredError[] }> {
  const resolve = kindResolver(http);
  const crdKinds = new Set(sources.filter((s) => s.object.kind === 'CustomResourceDefinition')
    .map((s) => `${s.object.spec?.names?.kind}.${s.object.spec?.group}`));
  const desired: DesiredObject[] = [];
  const errors: DesiredError[] = [];
  const seen = new Map<string, ManifestObject>();
  const results = await Promise.all(sources.map(async (s) => {
    try { return { s, target: await resolve(s.object.apiVersion, s.object.kind) }; } catch (err) { return { s, error: err as Error }; }
  }));
  for (const r of results) {
    const { s } = r;
    const o = s.object;
    const group = groupOf(o.apiVersion);
    const base = { apiVersion: o.apiVersion, kind: o.kind, group, name: o.metadata.name, file: s.file, line: s.line };
    if (r.error || !r.target) {
      const fromSource = crdKinds.has(`${o.kind}.${group}`);
      const namespace = o.metadata.namespace ?? defaultNamespace;
      errors.push({ ...base, namespace, key: objectKey({ ...base, namespace }), awaitingCrd: fromSource,
        message: fromSource ? `its CustomResourceDefinition is in this source but not installed yet; a sync creates it first` : (r.error?.message ?? 'unknown kind') });
      continue;
    }
    const t = r.target;
    let namespace: string | undefined;
    if (t.namespaced) {
      namespace = o.metadata.namespace || defaultNamespace;
      if (!namespace) { errors.push({ ...base, key: objectKey(base), message: 'a namespaced object without a namespace, and the application has no default namespace' }); continue; }
    }
    const key = objectKey({ ...base, namespace });
    const first = seen.get(key);
    if (first) {
      errors.push({ ...base, namespace, key: `${key}#${s.file}:${s.line}`, message: `duplicate: the same object is defined in ${first.file}:${first.line}` });
      continue;
    }
    seen.set(key, s);
    const labels = { ...(o.metadata.labels ?? {}) };
    if (labels[APPLYSET_PART_OF_LABEL] && labels[APPLYSET_PART_OF_LABEL] !== applySetId) {
      errors.push({ ...base, namespace, key, message: `the source sets ${APPLYSET_PART_OF_LABEL} itself ("${labels[APPLYSET_PART_OF_LABEL]}"); the apply set owns that label` });
      continue;
    }
    labels[APPLYSET_PART_OF_LABEL] = applySetId;
    const { namespace: _drop, ...meta } = o.metadata;
    const object = { ...o, metadata: { ...meta, ...(namespace ? { namespace } : {}), labels } };
    desired.push({ key, group: t.group, version: t.version, resource: t.resource, apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace, file: s.file, line: s.line, object });
  }
  return { desired, errors };
}
