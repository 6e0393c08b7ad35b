/** Group/version/resource, the address of a collection on the API server. */
export interface ResourcePath {
  group: string;
  version: string;
  resource: string;
}

const seg = (s: string) => encodeURIComponent(s);

export function collectionPath(r: ResourcePath, namespace?: string): string {
  const base = r.group === '' ? `/api/${seg(r.version)}` : `/apis/${seg(r.group)}/${seg(r.version)}`;
  return namespace ? `${base}/namespaces/${seg(namespace)}/${seg(r.resource)}` : `${base}/${seg(r.resource)}`;
}

export function objectPath(r: ResourcePath, namespace: string | undefined, name: string, subresource?: string): string {
  const p = `${collectionPath(r, namespace)}/${seg(name)}`;
  return subresource ? `${p}/${seg(subresource)}` : p;
}
