import type { LogLine, WorkloadLogLine } from '../../../shared/contract/streams';
import { tsKey } from './logLines';

interface Source {
  pod: string;
  container: string;
  queue: { line: WorkloadLogLine; key: string; at: number }[];
  /** Until then a source that has sent nothing yet holds the merge: its backlog may be older than the others'. */
  joinDeadline: number;
  hasData: boolean;
  /** Will send nothing for now (ended, failed, or its container is waiting). */
  quiet: boolean;
  removed: boolean;
  lastKey: string;
}

/**
 * Merges the lines of many log streams (each already in time order) into one stream in time order. A
 * line is released once every other live source has shown that nothing older can come from it (its
 * last line is newer), or after `holdMs`, so one quiet pod delays the rest by at most that. A newly
 * joined source that has sent nothing yet holds the merge for up to `joinHoldMs` while its backlog
 * arrives.
 */
export class LogMerger {
  private readonly sources = new Map<string, Source>();
  private queued = 0;

  constructor(private readonly holdMs = 300, private readonly joinHoldMs = 2_000, private readonly now: () => number = Date.now) {}

  /** Lines waiting in the merge. */
  get size(): number { return this.queued; }

  add(id: string, pod: string, container: string): void {
    if (this.sources.has(id)) return;
    this.sources.set(id, { pod, container, queue: [], joinDeadline: this.now() + this.joinHoldMs, hasData: false, quiet: false, removed: false, lastKey: '' });
  }

  /** The source will deliver nothing for now (ended, failed, or waiting for its container). */
  setQuiet(id: string, quiet: boolean): void {
    const s = this.sources.get(id);
    if (s) s.quiet = quiet;
  }

  /** The source is gone: its queued lines stay and are released in order. */
  remove(id: string): void {
    const s = this.sources.get(id);
    if (!s) return;
    s.removed = true;
    if (s.queue.length === 0) this.sources.delete(id);
  }

  push(id: string, lines: LogLine[]): void {
    const s = this.sources.get(id);
    if (!s || lines.length === 0) return;
    const at = this.now();
    s.hasData = true;
    s.quiet = false;
    for (const l of lines) {
      // A stamp-less line takes its predecessor's place in time.
      const key = l.ts !== undefined ? tsKey(l.ts) : s.lastKey;
      if (key > s.lastKey) s.lastKey = key;
      s.queue.push({ line: { ...l, pod: s.pod, container: s.container }, key, at });
    }
    this.queued += lines.length;
  }

  /** Releases every line that may go now, oldest first; at most `max`. */
  take(max = Infinity): WorkloadLogLine[] {
    const out: WorkloadLogLine[] = [];
    const now = this.now();
    while (out.length < max) {
      let best: Source | undefined;
      let bestId = '';
      for (const [id, s] of this.sources) {
        const head = s.queue[0];
        if (head && (!best || head.key < best.queue[0].key)) { best = s; bestId = id; }
      }
      if (!best) break;
      const head = best.queue[0];
      if (!this.mayRelease(best, head.key, now - head.at >= this.holdMs, now)) break;
      best.queue.shift();
      this.queued--;
      out.push(head.line);
      if (best.queue.length === 0 && best.removed) this.sources.delete(bestId);
    }
    return out;
  }

  private mayRelease(best: Source, key: string, heldLongEnough: boolean, now: number): boolean {
    for (const s of this.sources.values()) {
      if (s === best || s.queue.length || s.removed || s.quiet) continue;
      if (!s.hasData && now < s.joinDeadline) return false;
      if (heldLongEnough) continue;
      if (s.lastKey === '' || s.lastKey <= key) return false;
    }
    return true;
  }
}
