import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Prefs {
  lastContext?: string;
  namespaces: Record<string, string>;
  /** Per context, namespaces the user typed (newest first, at most TYPED_MAX): the picker's choices where listing namespaces is forbidden. */
  typedNamespaces: Record<string, string[]>;
}

export const TYPED_MAX = 20;

/** `ns` first, then the others it had, at most TYPED_MAX. */
export function rememberTyped(list: readonly string[] | undefined, ns: string): string[] {
  return [ns, ...(list ?? []).filter((n) => n !== ns)].slice(0, TYPED_MAX);
}

/** Remembers the last context and each context's namespace in the app's data folder, never in kubeconfig. */
export class PrefsStore {
  private prefs: Prefs;
  constructor(private readonly file: string) {
    try {
      const p = JSON.parse(readFileSync(file, 'utf8'));
      this.prefs = {
        lastContext: typeof p.lastContext === 'string' ? p.lastContext : undefined,
        namespaces: typeof p.namespaces === 'object' && p.namespaces ? p.namespaces : {},
        typedNamespaces: typeof p.typedNamespaces === 'object' && p.typedNamespaces ? p.typedNamespaces : {},
      };
    } catch {
      this.prefs = { namespaces: {}, typedNamespaces: {} };
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
