/** The part of a topic sink that streams need: emitting, and the two signals of a lagging consumer. */
export interface StreamSink<E> {
  emit(event: E): void;
  /** Events sent and not yet acknowledged by the renderer. */
  unacked(): number;
  /** The transport itself has too much queued (WebSocket bufferedAmount). */
  congested(): boolean;
  onAck(cb: (seq: number) => void): void;
}

/**
 * Decides when a stream may send: at most `maxUnacked` events in flight and a transport that is not
 * congested. While closed, producers stop reading from the cluster (TCP backpressure does the rest);
 * `whenOpen` callbacks run on the next acknowledgement, or on a poll for transport congestion, which
 * has no event of its own.
 */
export class FlowGate {
  private waiting: (() => void)[] = [];
  private poll: NodeJS.Timeout | undefined;
  private disposed = false;
  /** How many times producers had to wait (for tests and benchmarks). */
  closedCount = 0;

  constructor(private readonly sink: Pick<StreamSink<unknown>, 'unacked' | 'congested' | 'onAck'>, private readonly maxUnacked = 8, private readonly pollMs = 50) {
    sink.onAck(() => this.check());
  }

  get open(): boolean {
    return this.sink.unacked() < this.maxUnacked && !this.sink.congested();
  }

  /** Runs `cb` as soon as the gate is open (at once if it is). */
  whenOpen(cb: () => void): void {
    if (this.disposed) return;
    if (this.open) { cb(); return; }
    this.closedCount++;
    this.waiting.push(cb);
    if (!this.poll) {
      this.poll = setInterval(() => this.check(), this.pollMs);
      this.poll.unref?.();
    }
  }

  private check(): void {
    if (!this.waiting.length || !this.open) return;
    clearInterval(this.poll);
    this.poll = undefined;
    const w = this.waiting;
    this.waiting = [];
    for (const cb of w) cb();
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.poll);
    this.poll = undefined;
    this.waiting = [];
  }
}
