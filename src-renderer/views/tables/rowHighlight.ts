// Which rows show the "just changed" highlight, and when the next one steps down. The highlight steps
// (fresh → fading → gone) by class changes at a coarse grain instead of a CSS animation: an animation
// keeps the compositor drawing every frame for as long as any row fades, which under a steady watch
// stream is always (measured: 12–20 ms of Chromium CPU per change with the fade, 3–5 ms without).

/** 0: no highlight, 1: fresh, 2: fading. */
export type HighlightLevel = 0 | 1 | 2;

export interface HighlightTiming {
  /** How long a change shows at full strength. */
  freshMs: number;
  /** When the highlight is gone (from the change). */
  totalMs: number;
  /** A row changing again sooner than this keeps its current highlight (re-marking hides nothing new). */
  restartMs: number;
  /** Steps are rounded up to this grain so rows changed close together step down in one render. */
  grainMs: number;
}

export const HIGHLIGHT_TIMING: HighlightTiming = { freshMs: 600, totalMs: 1600, restartMs: 500, grainMs: 200 };

export class RowHighlights {
  private readonly marked = new Map<string, number>();

  constructor(private readonly timing: HighlightTiming = HIGHLIGHT_TIMING) {}

  /** Marks rows changed at `now`; drops marks that have run out. */
  note(changed: Iterable<string>, now: number): void {
    for (const uid of changed) {
      const at = this.marked.get(uid);
      if (at === undefined || now - at >= this.timing.restartMs) this.marked.set(uid, now);
    }
    for (const [uid, at] of this.marked) if (now - at >= this.timing.totalMs) this.marked.delete(uid);
  }

  level(uid: string, now: number): HighlightLevel {
    const at = this.marked.get(uid);
    if (at === undefined) return 0;
    const age = now - at;
    return age < this.timing.freshMs ? 1 : age < this.timing.totalMs ? 2 : 0;
  }

  /** When some row's level next changes (rounded up to the grain), or undefined when none is marked. */
  nextStep(now: number): number | undefined {
    let next = Infinity;
    for (const at of this.marked.values()) {
      const step = now - at < this.timing.freshMs ? at + this.timing.freshMs : at + this.timing.totalMs;
      if (step > now && step < next) next = step;
    }
    if (next === Infinity) return undefined;
    return Math.ceil(next / this.timing.grainMs) * this.timing.grainMs;
  }

  get size(): number {
    return this.marked.size;
  }
}
