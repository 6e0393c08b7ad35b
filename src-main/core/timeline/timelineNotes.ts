import type { SyncNote } from '../../../shared/timeline/syncNotes';

/** A note as kept: when it was made. */
export interface KeptNote extends SyncNote { at: string }

/** How many notes one namespace keeps (oldest dropped first), like a timeline's own capacity. */
const PER_NAMESPACE = 200;

/**
 * Entries the app itself puts on change timelines (an Applications sync), as opposed to those the
 * namespace's watch records. Kept per context and namespace so that a recorder started later (no one
 * was looking at that namespace during the sync) still shows them; live recorders hear new ones.
 */
export class TimelineNotes {
  private readonly kept = new Map<string, KeptNote[]>();
  private readonly listeners = new Map<string, Set<(n: KeptNote) => void>>();

  add(context: string, note: SyncNote, at = new Date().toISOString()): void {
    const key = keyOf(context, note.namespace);
    const kept = { ...note, at };
    const list = this.kept.get(key) ?? [];
    list.push(kept);
    if (list.length > PER_NAMESPACE) list.splice(0, list.length - PER_NAMESPACE);
    this.kept.set(key, list);
    for (const l of this.listeners.get(key) ?? []) l(kept);
  }

  /** Every kept note of the namespace (oldest first), then each new one, until the returned function is called. */
  follow(context: string, namespace: string, l: (n: KeptNote) => void): () => void {
    const key = keyOf(context, namespace);
    for (const n of this.kept.get(key) ?? []) l(n);
    let set = this.listeners.get(key);
    if (!set) { set = new Set(); this.listeners.set(key, set); }
    set.add(l);
    return () => {
      set.delete(l);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }
}

const keyOf = (context: string, namespace: string) => `${context}\u0000${namespace}`;

const notes = new WeakMap<object, TimelineNotes>();

/** The timeline notes of one core (created on first use). */
export function timelineNotesOf(core: object): TimelineNotes {
  let n = notes.get(core);
  if (!n) { n = new TimelineNotes(); notes.set(core, n); }
  return n;
}
