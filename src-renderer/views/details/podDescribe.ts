// What `kubectl describe pod` prints about a pod's spec, as rows of text (pure; the view renders them).
// Secret values are never shown: an env var from a Secret names the Secret and key, as kubectl does.

/** One env var: its value, or where it comes from (kubectl's "<set to the key 'k' in secret 's'>"). */
export function envText(e: any): string {
  if (e?.value !== undefined) return String(e.value);
  const f = e?.valueFrom ?? {};
  if (f.secretKeyRef) return `<set to the key '${f.secretKeyRef.key}' in secret '${f.secretKeyRef.name}'>${f.secretKeyRef.optional ? ' (optional)' : ''}`;
  if (f.configMapKeyRef) return `<set to the key '${f.configMapKeyRef.key}' of config map '${f.configMapKeyRef.name}'>${f.configMapKeyRef.optional ? ' (optional)' : ''}`;
  if (f.fieldRef) return `(${f.fieldRef.apiVersion ?? 'v1'}:${f.fieldRef.fieldPath})`;
  if (f.resourceFieldRef) return `${f.resourceFieldRef.resource}${f.resourceFieldRef.containerName ? ` of ${f.resourceFieldRef.containerName}` : ''}`;
  return '';
}

/** envFrom: "ConfigMap  settings  Optional: false", with the prefix when there is one. */
export function envFromText(e: any): string {
  const src = e?.configMapRef ? `ConfigMap ${e.configMapRef.name}` : e?.secretRef ? `Secret ${e.secretRef.name}` : '?';
  const opt = (e?.configMapRef ?? e?.secretRef)?.optional === true;
  return `${src}${e?.prefix ? ` (prefix ${e.prefix})` : ''} · Optional: ${opt}`;
}

/** A volume mount: "/data from cache (ro)", with subPath. */
export function mountText(m: any): string {
  return `${m?.mountPath} from ${m?.name}${m?.subPath ? ` (path "${m.subPath}")` : ''} (${m?.readOnly ? 'ro' : 'rw'})`;
}

/** A volume's type and source, as describe's "Type: ConfigMap (a volume populated by a ConfigMap)  Name: x". */
export function volumeText(v: any): { type: string; detail: string } {
  const kinds = Object.keys(v ?? {}).filter((k) => k !== 'name');
  const type = kinds[0] ?? 'unknown';
  const src = v?.[type] ?? {};
  const detail = type === 'configMap' ? `ConfigMap ${src.name}${src.optional ? ' (optional)' : ''}`
    : type === 'secret' ? `Secret ${src.secretName}${src.optional ? ' (optional)' : ''}`
      : type === 'persistentVolumeClaim' ? `PersistentVolumeClaim ${src.claimName}${src.readOnly ? ' (read-only)' : ''}`
        : type === 'emptyDir' ? `EmptyDir${src.medium ? ` on ${src.medium}` : ''}${src.sizeLimit ? `, size limit ${src.sizeLimit}` : ''}`
          : type === 'hostPath' ? `HostPath ${src.path}${src.type ? ` (${src.type})` : ''}`
            : type === 'projected' ? `Projected: ${(src.sources ?? []).map((s: any) => Object.keys(s)[0]).join(', ')}`
              : type === 'downwardAPI' ? `DownwardAPI: ${(src.items ?? []).map((i: any) => i.path).join(', ')}`
                : JSON.stringify(src);
  return { type, detail };
}

/** A toleration as kubectl describe prints it: "node.kubernetes.io/not-ready:NoExecute op=Exists for 300s". */
export function tolerationText(t: any): string {
  let s = t?.key ?? '';
  if (t?.value) s += `=${t.value}`;
  if (t?.effect) s += `:${t.effect}`;
  if (t?.operator === 'Exists' && !t?.value) s += ' op=Exists';
  if (t?.tolerationSeconds !== undefined && t?.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s || (t?.operator === 'Exists' ? 'op=Exists (everything)' : '');
}
