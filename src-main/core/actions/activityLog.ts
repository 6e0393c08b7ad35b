import type { Core, CoreState } from '../core';
import { toContractError } from '../cluster/apiError';
import type { ActivityEntry } from '../../../shared/contract/actions';

type Outcome = ActivityEntry['outcome'];

/** What a running entry keeps of the output streamed into it: the last lines, the last characters. */
export const PROGRESS_MAX_LINES = 40;
export const PROGRESS_MAX_CHARS = 4000;
/** A running entry is sent again at most this often, however fast its output comes. */
export const PROGRESS_INTERVAL_MS = 250;

/** The end of `text + chunk`, at most `maxLines` lines and `maxChars` characters (a cut is marked with …). */
export function outputTail(text: string, chunk: string, maxLines = PROGRESS_MAX_LINES, maxChars = PROGRESS_MAX_CHARS): string {
  // Once cut, always marked.
  let cut = text.startsWith('…');
  let all = (cut ? text.slice(1) : text) + chunk;
  if (all.length > maxChars) { all = all.slice(-maxChars); cut = true; }
  const lines = all.split('\n');
  // A trailing newline leaves an empty last element: it is not a line of its own.
  const count = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  if (count > maxLines) { all = lines.slice(count - maxLines).join('\n'); cut = true; }
  return cut ? `…${all}` : all;
}

/** What was done, where, when and how it ended: the last `capacity` actions, in memory only. */
export class ActivityLog {
  private entries: ActivityEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(e: ActivityEntry) => void>();

  constructor(private readonly capacity = 1000) {}

  /** An entry again under its id (a running one's progress, then its end); gone if it aged out. */
  private update(entry: ActivityEntry): void {
    const i = this.entries.findIndex((e) => e.id === entry.id);
    if (i < 0) return;
    this.entries[i] = entry;
    for (const l of this.listeners) l(entry);
  }

  record(e: Omit<ActivityEntry, 'id'>): ActivityEntry {
    const entry: ActivityEntry = { id: this.nextId++, ...e };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    for (const l of this.listeners) l(entry);
    return entry;
  }

  /** Oldest first; only one context's when given. */
  list(context?: string): ActivityEntry[] {
    return context === undefined ? [...this.entries] : this.entries.filter((e) => e.context === context);
  }

  subscribe(listener: (e: ActivityEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs an action and records it: its outcome from the result (`describe`) or from the error's
   * contract code. The result or error passes through unchanged.
   * An action that reports `progress` (a program's output as it comes) shows at once as a `running`
   * entry whose message is the tail of that output, sent again at most every PROGRESS_INTERVAL_MS;
   * its outcome then replaces it under the same id.
   */
  async track<T>(
    what: { context: string; action: string; target: string; namespace?: string; dryRun?: boolean },
    run: (progress: (text: string) => void) => Promise<T>,
    describe: (result: T) => { outcome: Outcome; message: string },
  ): Promise<T> {
    const started = Date.now();
    const base = { at: new Date(started).toISOString(), context: what.context, action: what.action, target: what.target, dryRun: !!what.dryRun, ...(what.namespace ? { namespace: what.namespace } : {}) };
    let live: ActivityEntry | undefined;
    let output = '';
    let done = false;
    let lastSent = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      timer = undefined;
      if (done || !live) return;
      lastSent = Date.now();
      live = { ...live, message: output, durationMs: lastSent - started };
      this.update(live);
    };
    const progress = (text: string) => {
      if (done) return;
      output = outputTail(output, text);
      if (!live) { live = this.record({ ...base, outcome: 'running', message: output, durationMs: Date.now() - started }); lastSent = Date.now(); return; }
      if (!timer) timer = setTimeout(send, Math.max(0, lastSent + PROGRESS_INTERVAL_MS - Date.now()));
    };
    const end = (e: { outcome: Outcome; message: string }) => {
      done = true;
      if (timer) clearTimeout(timer);
      const final = { ...base, ...e, durationMs: Date.now() - started };
      if (live) this.update({ ...final, id: live.id }); else this.record(final);
    };
    try {
      const result = await run(progress);
      end(describe(result));
      return result;
    } catch (err) {
      const ce = toContractError(err);
      const outcome: Outcome = ce.code === 'forbidden' ? 'forbidden' : ce.code === 'conflict' ? 'conflict' : ce.code === 'refused' ? 'refused' : 'error';
      end({ outcome, message: ce.message });
      throw err;
    }
  }
}

const ACTIVITY_LOG: CoreState<ActivityLog> = { name: 'activity log', create: () => new ActivityLog() };

/** The activity log of one core (one per Core instance, created on first use). */
export function activityLogOf(core: Core): ActivityLog {
  return core.state(ACTIVITY_LOG);
}
