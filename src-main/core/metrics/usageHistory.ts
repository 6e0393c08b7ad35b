// The bounded history behind the usage charts: per sampled scope (a namespace's pods, or the nodes) one
// ring of sample times, and per series (a pod's container, a node) two compact rings aligned with it.
// CPU is kept in millicores and memory in MiB as 16-bit integers for pods (2 bytes each: an hour at
// 15 s of 10k pods is ~10 MB) and 32-bit for nodes; a chart needs no more precision than kubectl top
// prints. A byte budget shared by all scopes caps the total: past it, new series are not recorded.
import type { UsageSample, UsageSeries } from '../../../shared/contract/metrics';

const MISSING16 = 0xffff;
const MISSING32 = 0xffffffff;

type Store = Uint16Array | Uint32Array;

class SeriesRing {
  constructor(readonly cpu: Store, readonly mem: Store, readonly missing: number) {
    cpu.fill(missing);
    mem.fill(missing);
  }
  get bytes() { return this.cpu.byteLength + this.mem.byteLength; }
}

/** A shared budget across every scope of a core, in bytes of ring storage. */
export class HistoryBudget {
  used = 0;
  constructor(readonly maxBytes: number) {}
}

/**
 * One scope's history: `capacity` samples per series (1 h at 15 s = 240), overwritten oldest first.
 * `record` takes one sampling round (time and every series' usage); series absent from a whole ring
 * length are dropped.
 */
export class ScopeHistory {
  private readonly times: Float64Array;
  private head = 0; // next slot to write
  private count = 0;
  private readonly series = new Map<string, Map<string, SeriesRing>>();
  private readonly lastSeen = new Map<string, number>();
  private rounds = 0;

  constructor(readonly capacity: number, private readonly budget: HistoryBudget, private readonly wide = false) {
    this.times = new Float64Array(capacity);
  }

  get objects() { return this.series.size; }
  get bytes() {
    let b = this.times.byteLength;
    for (const m of this.series.values()) for (const r of m.values()) b += r.bytes;
    return b;
  }

  /** One sampling round: `at` (ms) and, per object, per series key, the usage (nanocores, bytes). */
  record(at: number, objects: Iterable<[string, Iterable<[string, { cpuNanos: number; memoryBytes: number }]>]>): void {
    const slot = this.head;
    this.times[slot] = at;
    this.head = (this.head + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    this.rounds++;
    const max = this.wide ? MISSING32 - 1 : MISSING16 - 1;
    // This slot held a sample of every series one ring ago: clear it before writing this round.
    for (const m of this.series.values()) for (const r of m.values()) { r.cpu[slot] = r.missing; r.mem[slot] = r.missing; }
    const seen = new Set<string>();
    for (const [obj, lines] of objects) {
      seen.add(obj);
      this.lastSeen.set(obj, this.rounds);
      let m = this.series.get(obj);
      for (const [key, u] of lines) {
        let ring = m?.get(key);
        if (!ring) {
          const bytes = this.capacity * (this.wide ? 8 : 4);
          if (this.budget.used + bytes > this.budget.maxBytes) continue;
          if (!m) { m = new Map(); this.series.set(obj, m); }
          this.budget.used += bytes;
          ring = this.wide
            ? new SeriesRing(new Uint32Array(this.capacity), new Uint32Array(this.capacity), MISSING32)
            : new SeriesRing(new Uint16Array(this.capacity), new Uint16Array(this.capacity), MISSING16);
          m.set(key, ring);
        }
        ring.cpu[slot] = Math.min(max, Math.round(u.cpuNanos / 1e6));
        ring.mem[slot] = Math.min(max, Math.round(u.memoryBytes / 1048576));
      }
    }
    // Objects not seen for a whole ring have nothing left to show.
    for (const obj of [...this.series.keys()]) {
      if (!seen.has(obj) && this.rounds - (this.lastSeen.get(obj) ?? 0) >= this.capacity) this.drop(obj);
    }
  }

  private drop(obj: string) {
    const m = this.series.get(obj);
    if (m) for (const r of m.values()) this.budget.used -= r.bytes;
    this.series.delete(obj);
    this.lastSeen.delete(obj);
  }

  /** Forget everything (the scope stopped being sampled). */
  clear(): void {
    for (const obj of [...this.series.keys()]) this.drop(obj);
    this.count = 0;
  }

  /**
   * Several objects' series summed per round into one (a workload's pods): each round where at least one
   * of them was sampled, the sum of every series of those sampled; `count` says how many were.
   */
  sumOf(objs: Iterable<string>, key: string): UsageSeries & { samples: (UsageSample & { count: number })[] } {
    const rings = [...objs].flatMap((o) => [...(this.series.get(o)?.entries() ?? [])].map(([, r]) => ({ o, r })));
    const samples: (UsageSample & { count: number })[] = [];
    for (let i = 0; i < this.count; i++) {
      const s = (this.head - this.count + i + this.capacity) % this.capacity;
      let cpu = 0; let mem = 0;
      const present = new Set<string>();
      for (const { o, r } of rings) {
        if (r.cpu[s] === r.missing) continue;
        cpu += r.cpu[s]; mem += r.mem[s]; present.add(o);
      }
      if (present.size) samples.push({ at: this.times[s], cpuNanos: cpu * 1e6, memoryBytes: mem * 1048576, count: present.size });
    }
    return { key, samples };
  }

  /** An object's series, oldest sample first (rounds where it was absent are skipped). */
  history(obj: string): UsageSeries[] {
    const m = this.series.get(obj);
    if (!m) return [];
    const out: UsageSeries[] = [];
    for (const [key, r] of m) {
      const samples: UsageSample[] = [];
      for (let i = 0; i < this.count; i++) {
        const s = (this.head - this.count + i + this.capacity) % this.capacity;
        if (r.cpu[s] === r.missing) continue;
        samples.push({ at: this.times[s], cpuNanos: r.cpu[s] * 1e6, memoryBytes: r.mem[s] * 1048576 });
      }
      out.push({ key, samples });
    }
    return out;
  }
}
