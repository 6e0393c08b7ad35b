import { normalize, semanticEqual } from './semanticEqual';
import { withoutPodTemplateHash } from './podTemplateHash';
import type { PodTemplate } from './workloadShapes';

/** One changed field between two pod templates; a side is undefined where the field is absent. */
export interface TemplateChange {
  /** Readable path, lists of named things keyed by name: `spec.containers[web].image`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface ImageChange {
  container: string;
  before?: string;
  after?: string;
}

/**
 * The fields that differ between two pod templates, ignoring the controller's `pod-template-hash`
 * label and zero values (absent, null, empty map or list), in a stable order.
 */
export function diffPodTemplates(before: PodTemplate | undefined, after: PodTemplate | undefined): TemplateChange[] {
  const out: TemplateChange[] = [];
  walk(normalize(withoutPodTemplateHash(before)), normalize(withoutPodTemplateHash(after)), '', out);
  return out;
}

/** The fields that differ between any two JSON values, by the same rules (nothing ignored). */
export function diffValues(before: unknown, after: unknown): TemplateChange[] {
  const out: TemplateChange[] = [];
  walk(normalize(before), normalize(after), '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: TemplateChange[]): void {
  if (semanticEqual(a, b)) return;
  // A missing map is walked as an empty one so the change lands on the leaf; a list element that
  // appears or disappears (a container, an env var) is reported whole.
  const inList = path.endsWith(']');
  if (!inList && a === undefined && isPlainObject(b)) a = {};
  if (!inList && b === undefined && isPlainObject(a)) b = {};
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], join(path, k), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const byName = namedIndex(a) && namedIndex(b);
    if (byName) {
      const names = [...new Set([...a.map(nameOf), ...b.map(nameOf)])];
      for (const n of names) walk(a.find((x) => nameOf(x) === n), b.find((x) => nameOf(x) === n), `${path}[${n}]`, out);
      return;
    }
    if (a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, out));
      return;
    }
  }
  const change: TemplateChange = { path };
  if (a !== undefined) change.before = a;
  if (b !== undefined) change.after = b;
  out.push(change);
}

/** Container image changes (init containers too), the headline of most rollouts. */
export function imageChanges(before: PodTemplate | undefined, after: PodTemplate | undefined): ImageChange[] {
  const out: ImageChange[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const a = before?.spec?.[list] ?? [];
    const b = after?.spec?.[list] ?? [];
    const names = [...new Set([...a.map((c) => c.name), ...b.map((c) => c.name)])];
    for (const name of names) {
      const x = a.find((c) => c.name === name)?.image;
      const y = b.find((c) => c.name === name)?.image;
      if (x === y) continue;
      const change: ImageChange = { container: name };
      if (x !== undefined) change.before = x;
      if (y !== undefined) change.after = y;
      out.push(change);
    }
  }
  return out;
}

/** One line for a person: image changes first, then how many other fields change. */
export function summarizeTemplateChange(before: PodTemplate | undefined, after: PodTemplate | undefined): string {
  const changes = diffPodTemplates(before, after);
  if (changes.length === 0) return 'no change to the pod template';
  const images = imageChanges(before, after);
  const parts = images.map((i) => `container ${i.container}: image ${i.before ?? '(none)'} → ${i.after ?? '(none)'}`);
  const others = changes.filter((c) => !IMAGE_PATH.test(c.path));
  if (others.length > 0) parts.push(`${others.length} other field${others.length === 1 ? '' : 's'} (${others.slice(0, 3).map((c) => c.path).join(', ')}${others.length > 3 ? ', …' : ''})`);
  return parts.join('; ');
}

const IMAGE_PATH = /^spec\.(initContainers|containers)\[[^\]]+\]\.image$/;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nameOf = (v: unknown): string => (isPlainObject(v) ? String(v.name) : '');
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** A list is keyed by name when every element is an object with a unique string `name`. */
function namedIndex(list: unknown[]): boolean {
  const names = list.map((v) => (isPlainObject(v) && typeof v.name === 'string' ? v.name : undefined));
  return names.every((n) => n !== undefined) && new Set(names).size === names.length;
}
