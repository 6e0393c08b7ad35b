import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Prefs {
  lastContext?: string;
  namespaces: Record<string, string>;
  /** Per context, namespaces the user typed (newest first, at most TYPED_MAX): the picker's choices where listing namespaces is forbidden. */
  typedNamespaces: Record<string, string[]>;
  /** Per context, the namespaces the user starred (in the order starred, at most FAVOURITES_MAX): listed first in the picker and the palette. */
  favouriteNamespaces: Record<string, string[]>;
}

export const TYPED_MAX = 20;
export const FAVOURITES_MAX = 50;

/** `ns` first, then the others it had, at most TYPED_MAX. */
export function rememberTyped(list: readonly string[] | undefined, ns: string): string[] {
  return [ns, ...(list ?? []).filter((n) => n !== ns)].slice(0, TYPED_MAX);
}

/** `list` with `ns` starred (appended once) or un-starred; a full list refuses a new star with the reason. */
export function toggleFavourite(list: readonly string[] | undefined, ns: string, favourite: boolean): string[] {
  const now = list ?? [];
  if (!favourite) return now.filter((n) => n !== ns);
  if (now.includes(ns)) return [...now];
  if (now.length >= FAVOURITES_MAX) throw new Error(`At most ${FAVOURITES_MAX} favourite namespaces per context: un-star one first.`);
  return [...now, ns];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each field read on its own: a damaged field (hand edits, an older or newer app) is dropped alone, the others kept. */
export function readPrefs(raw: unknown): Prefs {
  const p = isRecord(raw) ? raw : {};
  const strings = (v: unknown): Record<string, string> =>
    Object.fromEntries(Object.entries(isRecord(v) ? v : {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const lists = (v: unknown, max: number): Record<string, string[]> => Object.fromEntries(Object.entries(isRecord(v) ? v : {})
    .filter((e): e is [string, unknown[]] => Array.isArray(e[1]))
    .map(([k, l]) => [k, [...new Set(l.filter((n): n is string => typeof n === 'string' && n.length > 0))].slice(0, max)] as const)
    .filter(([, l]) => l.length > 0));
  return {
    lastContext: typeof p.lastContext === 'string' ? p.lastContext : undefined,
    namespaces: strings(p.namespaces),
    typedNamespaces: lists(p.typedNamespaces, TYPED_MAX),
    favouriteNamespaces: lists(p.favouriteNamespaces, FAVOURITES_MAX),
  };
}

/** Remembers the last context and each context's namespace in the app's data folder, never in kubeconfig. */
export class PrefsStore {
  private prefs: Prefs;
  constructor(private readonly file: string) {
    let text: string | undefined;
    try { text = readFileSync(file, 'utf8'); } catch { /* no prefs yet */ }
    try {
      this.prefs = readPrefs(text === undefined ? {} : JSON.parse(text));
    } catch {
      // Not JSON at all: kept beside as prefs.json.corrupt (never overwritten by the next save) for a person to recover.
      try { if (existsSync(file)) renameSync(file, `${file}.corrupt`); } catch { /* a read-only folder: the next save fails and says so */ }
      this.prefs = readPrefs({});
    }
  }
  get(): Prefs { return this.prefs; }
  update(fn: (p: Prefs) => void): void {
    fn(this.prefs);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.prefs, null, 2));
    renameSync(tmp, this.file);
  }
}
