// `kubectl create configmap` and `kubectl create secret generic` (kubectl pkg/cmd/create/
// create_configmap.go, create_secret.go): literals `key=value` and files read by the caller (the
// renderer reads them with the browser's File API). A ConfigMap keeps UTF-8 text in data and other
// bytes in binaryData; a Secret keeps every value base64-encoded in data.
import { CreateInputError, configKeyProblem, requireName, requireNamespace } from './createInput';
import { base64FromBytes } from './base64';

/** A file's name (the key unless one is given, like `--from-file=key=path`) and its bytes. */
export interface FileSource { key?: string; fileName: string; bytes: Uint8Array }

/** `key=value`, split at the first '=' (util.ParseLiteralSource). */
export function parseLiteral(source: string): [string, string] {
  const at = source.indexOf('=');
  if (at <= 0) throw new CreateInputError('literals', `invalid literal source ${source}, expected key=value`);
  return [source.slice(0, at), source.slice(at + 1)];
}

/** The key a file gets: the key given, else the file name (path.Base). */
export function fileKey(f: FileSource): string {
  const key = f.key?.trim() || f.fileName.split('/').pop() || f.fileName;
  if (key.includes('=')) throw new CreateInputError('files', "key names or file paths cannot contain '='");
  return key;
}

const utf8 = (bytes: Uint8Array): string | undefined => {
  try { return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch { return undefined; }
};

export interface DataInput { name: string; namespace: string; literals: string[]; files: FileSource[] }

/** `kubectl create configmap NAME [--from-file=…] [--from-literal=…] -n NS`: files first, then literals, as kubectl adds them. */
export function buildConfigMap(p: DataInput): Record<string, any> {
  const name = requireName('ConfigMap', p.name);
  const namespace = requireNamespace(p.namespace);
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const add = (key: string, field: string) => {
    const bad = configKeyProblem(key);
    if (bad) throw new CreateInputError(field, `"${key}" is not a valid key name for a ConfigMap: ${bad}`);
    if (key in data) throw new CreateInputError(field, `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
    if (key in binaryData) throw new CreateInputError(field, `cannot add key "${key}", another key by that name already exists in BinaryData for ConfigMap "${name}"`);
  };
  for (const f of p.files) {
    const key = fileKey(f);
    add(key, 'files');
    const text = utf8(f.bytes);
    if (text !== undefined) data[key] = text;
    else binaryData[key] = base64FromBytes(f.bytes);
  }
  for (const l of p.literals) {
    const [key, value] = parseLiteral(l);
    add(key, 'literals');
    data[key] = value;
  }
  return {
    apiVersion: 'v1',
    ...(Object.keys(binaryData).length ? { binaryData } : {}),
    ...(Object.keys(data).length ? { data } : {}),
    kind: 'ConfigMap', metadata: { name, namespace },
  };
}

export interface SecretInput extends DataInput { /** `--type`; empty leaves it to the server (Opaque). */ type?: string }

/** `kubectl create secret generic NAME [--type=T] [--from-literal=…] [--from-file=…] -n NS`: literals first, then files. */
export function buildSecret(p: SecretInput): Record<string, any> {
  const name = requireName('Secret', p.name);
  const namespace = requireNamespace(p.namespace);
  const data: Record<string, string> = {};
  const add = (key: string, bytes: Uint8Array, field: string) => {
    const bad = configKeyProblem(key);
    if (bad) throw new CreateInputError(field, `"${key}" is not valid key name for a Secret ${bad}`);
    if (key in data) throw new CreateInputError(field, `cannot add key ${key}, another key by that name already exists`);
    data[key] = base64FromBytes(bytes);
  };
  for (const l of p.literals) {
    const [key, value] = parseLiteral(l);
    add(key, new TextEncoder().encode(value), 'literals');
  }
  for (const f of p.files) add(fileKey(f), f.bytes, 'files');
  return {
    apiVersion: 'v1', ...(Object.keys(data).length ? { data } : {}), kind: 'Secret', metadata: { name, namespace },
    ...(p.type?.trim() ? { type: p.type.trim() } : {}),
  };
}
