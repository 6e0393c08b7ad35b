import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppDef } from '../../../shared/contract/apps';

/** The applications the user added, in the app's data folder (applications.json), beside prefs.json. */
export class AppStore {
  private apps: AppDef[] = [];
  constructor(private readonly file: string) {
    try {
      const parsed = z.array(AppDef).safeParse(JSON.parse(readFileSync(file, 'utf8')).apps);
      if (parsed.success) this.apps = parsed.data;
    } catch { /* none yet */ }
  }
  list(): AppDef[] { return [...this.apps]; }
  get(id: string): AppDef | undefined { return this.apps.find((a) => a.id === id); }
  put(app: AppDef): void {
    this.apps = [...this.apps.filter((a) => a.id !== app.id), app];
    this.save();
  }
  remove(id: string): boolean {
    const before = this.apps.length;
    this.apps = this.apps.filter((a) => a.id !== id);
    this.save();
    return this.apps.length < before;
  }
  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ apps: this.apps }, null, 2));
    renameSync(tmp, this.file);
  }
}
