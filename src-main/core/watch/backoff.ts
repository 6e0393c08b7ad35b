/**
 * client-go's reflector backoff: 800 ms doubling to 30 s with jitter 1.0 (up to +100 %), reset after
 * 2 minutes of healthy operation.
 */
export class Backoff {
  private attempt = 0;
  private healthySince: number | undefined;
  constructor(
    private readonly initialMs = 800,
    private readonly maxMs = 30_000,
    private readonly resetAfterMs = 120_000,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** Call when a cycle worked (listed, or a watch delivered events). */
  healthy(): void {
    if (this.healthySince === undefined) this.healthySince = this.now();
  }

  /** The delay before the next attempt after a failure. */
  next(): number {
    if (this.healthySince !== undefined && this.now() - this.healthySince >= this.resetAfterMs) this.attempt = 0;
    this.healthySince = undefined;
    const base = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    this.attempt++;
    return Math.min(this.maxMs * 2, base * (1 + this.random()));
  }

  reset(): void {
    this.attempt = 0;
    this.healthySince = undefined;
  }
}
