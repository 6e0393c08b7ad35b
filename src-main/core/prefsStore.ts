import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Prefs {
  lastContext?: string;
  namespaces: Record<string, string>;
}

/** Remembers the last context and each context's namespace in the app's data folder, never in kubeconfig. */
export class PrefsStore {
  private prefs: Prefs;
  constructor(private readonly file: string) {
    try {
      const p = JSON.parse(readFileSync(file, 'utf8'));
      this.prefs = { lastContext: typeof p.lastContext === 'string' ? p.lastContext : undefined, namespaces: typeof p.namespaces === 'object' && p.namespaces ? p.namespaces : {} };
    } catch {
      this.prefs = { namespaces: {} };
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
