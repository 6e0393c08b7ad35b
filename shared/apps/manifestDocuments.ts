import { LineCounter, parseAllDocuments } from 'yaml';

/** One object of an application's source, with where it came from (file and 1-based line). */
export interface ManifestObject {
  file: string;
  line: number;
  object: Record<string, any>;
}

/** A problem with one document or file; the rest of the source still counts. */
export interface ManifestProblem {
  file: string;
  line?: number;
  /** `Kind name` when the document got far enough to have one. */
  object?: string;
  message: string;
}

export interface ParsedManifest {
  objects: ManifestObject[];
  problems: ManifestProblem[];
}

const describe = (o: Record<string, any>) => `${typeof o.kind === 'string' ? o.kind : '(no kind)'} ${typeof o.metadata?.name === 'string' ? o.metadata.name : '(no name)'}`;

/**
 * The objects in one file's text: YAML documents separated by `---` (JSON is YAML too), `kind: *List`
 * expanded into its items. Each bad document becomes a problem naming the file and line; good documents
 * around it are kept.
 */
export function parseManifestText(file: string, text: string): ParsedManifest {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  const out: ParsedManifest = { objects: [], problems: [] };
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lines.linePos(start).line;
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const at = e.linePos?.[0]?.line ?? line;
      out.problems.push({ file, line: at, message: `invalid YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.problems.push({ file, line, message: 'the document is not an object (a Kubernetes object is a map with apiVersion and kind)' });
      continue;
    }
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item: unknown, i: number) => {
        const itemLine = itemLineOf(doc, i, lines) ?? line;
        checkObject(file, itemLine, item, out);
      });
    } else {
      checkObject(file, line, value, out);
    }
  }
  return out;
}

function itemLineOf(doc: any, i: number, lines: LineCounter): number | undefined {
  const items = doc.contents?.get?.('items', true);
  const node = items?.items?.[i];
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

function checkObject(file: string, line: number, value: unknown, out: ParsedManifest): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    out.problems.push({ file, line, message: 'a List item is not an object' });
    return;
  }
  const o = value as Record<string, any>;
  if (typeof o.apiVersion !== 'string' || !o.apiVersion || typeof o.kind !== 'string' || !o.kind) {
    out.problems.push({ file, line, object: describe(o), message: `has no ${typeof o.apiVersion !== 'string' || !o.apiVersion ? 'apiVersion' : 'kind'}` });
    return;
  }
  if (typeof o.metadata?.name !== 'string' || !o.metadata.name) {
    out.problems.push({ file, line, object: describe(o), message: 'has no metadata.name (generateName cannot be applied: server-side apply needs a name)' });
    return;
  }
  out.objects.push({ file, line, object: o });
}
