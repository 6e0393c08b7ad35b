import { parseDocument, stringify } from 'yaml';
import { MASK } from './values';

// A release's rendered manifest (what `helm get manifest` prints) split into its objects, and the
// per-object diff of two revisions.

export interface ManifestObject {
  /** `apps/v1 Deployment demo/hello-hello`: stable across revisions, unique within one. */
  key: string;
  apiVersion: string;
  kind: string;
  name: string;
  /** Namespace from the object, else the release's. */
  namespace?: string;
  /** `hello/templates/deployment.yaml`, from helm's `# Source:` line. */
  source?: string;
  /** The document's text as helm rendered it. */
  text: string;
  /** The parsed object (undefined when the document is not valid YAML). */
  object?: Record<string, unknown>;
  parseError?: string;
}

/** Splits at helm's `---` separators; empty documents (templates that rendered nothing) are dropped. */
export function splitManifest(manifest: string, releaseNamespace: string): ManifestObject[] {
  const docs = manifest.split(/^---[ \t]*$/m).map((d) => d.replace(/^\n+/, '').replace(/\s+$/, '')).filter((d) => d.trim() !== '');
  const out: ManifestObject[] = [];
  const seen = new Map<string, number>();
  for (const text of docs) {
    const source = /^# Source: (.+)$/m.exec(text)?.[1];
    let object: Record<string, unknown> | undefined;
    let parseError: string | undefined;
    try {
      const doc = parseDocument(text);
      if (doc.errors.length) parseError = doc.errors[0].message;
      else object = doc.toJS() as Record<string, unknown> | undefined;
    } catch (err) {
      parseError = (err as Error).message;
    }
    if (!object && !parseError) continue;
    const meta = (object?.metadata ?? {}) as Record<string, unknown>;
    const apiVersion = String(object?.apiVersion ?? '');
    const kind = String(object?.kind ?? '');
    const name = String(meta.name ?? '');
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : releaseNamespace;
    let key = `${apiVersion} ${kind} ${namespace ? `${namespace}/` : ''}${name}`;
    if (parseError) key = `unparsed ${source ?? ''}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key += ` #${n}`;
    const o: ManifestObject = { key, apiVersion, kind, name, namespace, text };
    if (source) o.source = source;
    if (object) o.object = object;
    if (parseError) o.parseError = parseError;
    out.push(o);
  }
  return out;
}

export type ObjectChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ObjectDiff {
  key: string;
  kind: string;
  name: string;
  namespace?: string;
  change: ObjectChange;
  /** The object's text in the older (`from`) and newer (`to`) revision; '' where it does not exist. */
  from: string;
  to: string;
}

/** Per-object diff: every object of either revision once, in the `to` revision's order then removed ones. */
export function diffManifests(from: ManifestObject[], to: ManifestObject[]): ObjectDiff[] {
  const before = new Map(from.map((o) => [o.key, o]));
  const after = new Map(to.map((o) => [o.key, o]));
  const diff = (key: string, a: ManifestObject | undefined, b: ManifestObject | undefined): ObjectDiff => {
    const o = (b ?? a)!;
    const d: ObjectDiff = {
      key, kind: o.kind, name: o.name,
      change: !a ? 'added' : !b ? 'removed' : a.text === b.text ? 'unchanged' : 'changed',
      from: a?.text ?? '', to: b?.text ?? '',
    };
    if (o.namespace) d.namespace = o.namespace;
    return d;
  };
  return [
    ...to.map((o) => diff(o.key, before.get(o.key), o)),
    ...from.filter((o) => !after.has(o.key)).map((o) => diff(o.key, o, undefined)),
  ];
}

/**
 * A Secret document with its values masked (data and stringData keys kept, so a diff still shows which
 * keys changed, and that something did: a changed value becomes "changed" with both sides masked).
 * Other documents are returned as they are.
 */
export function maskSecretDocument(o: ManifestObject): ManifestObject {
  if (o.kind !== 'Secret' || !o.object) return o;
  const mask = (m: unknown) => (m && typeof m === 'object' ? Object.fromEntries(Object.keys(m).map((k) => [k, MASK])) : m);
  const obj: Record<string, unknown> = { ...o.object };
  if (obj.data) obj.data = mask(obj.data);
  if (obj.stringData) obj.stringData = mask(obj.stringData);
  const head = o.source ? `# Source: ${o.source}\n` : '';
  return { ...o, object: obj, text: `${head}${stringify(obj, { lineWidth: 0 }).trimEnd()}` };
}

/** Every Secret document of a manifest masked (for anything shown in the renderer). */
export function maskManifestSecrets(manifest: string, releaseNamespace: string): string {
  const objs = splitManifest(manifest, releaseNamespace);
  if (!objs.some((o) => o.kind === 'Secret')) return manifest;
  return objs.map((o) => `---\n${maskSecretDocument(o).text}\n`).join('');
}
