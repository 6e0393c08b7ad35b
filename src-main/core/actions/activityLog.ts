import type { Core, CoreState } from '../core';
import { toContractError } from '../cluster/apiError';
import type { ActivityEntry } from '../../../shared/contract/actions';

type Outcome = ActivityEntry['outcome'];

/** What was done, where, when and how it ended: the last `capacity` actions, in memory only. */
export class ActivityLog {
  private entries: ActivityEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(e: ActivityEntry) => void>();

  constructor(private readonly capacity = 1000) {}

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
   */
  async track<T>(
    what: { context: string; action: string; target: string; namespace?: string; dryRun?: boolean },
    run: () => Promise<T>,
    describe: (result: T) => { outcome: Outcome; message: string },
  ): Promise<T> {
    const started = Date.now();
    const base = { at: new Date(started).toISOString(), context: what.context, action: what.action, target: what.target, dryRun: !!what.dryRun, ...(what.namespace ? { namespace: what.namespace } : {}) };
    try {
      const result = await run();
      this.record({ ...base, ...describe(result), durationMs: Date.now() - started });
      return result;
    } catch (err) {
      const ce = toContractError(err);
      const outcome: Outcome = ce.code === 'forbidden' ? 'forbidden' : ce.code === 'conflict' ? 'conflict' : ce.code === 'refused' ? 'refused' : 'error';
      this.record({ ...base, outcome, message: ce.message, durationMs: Date.now() - started });
      throw err;
    }
  }
}

const ACTIVITY_LOG: CoreState<ActivityLog> = { name: 'activity log', create: () => new ActivityLog() };

/** The activity log of one core (one per Core instance, created on first use). */
export function activityLogOf(core: Core): ActivityLog {
  return core.state(ACTIVITY_LOG);
}
