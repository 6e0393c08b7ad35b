import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../cluster/apiError';
import { containerVerdict, LogStream, type LogHttp } from './logStream';
import type { LogEvent } from '../../../shared/contract/streams';

const enc = new TextEncoder();
const ts = (i: number) => `2024-05-01T10:00:${String(Math.floor(i / 1000) % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}000000Z`;

/** A sink that records events and acknowledges them only when told to. */
function recordingSink(autoAck = true) {
  const events: LogEvent[] = [];
  let seq = 0;
  let acked = 0;
  const acks: ((s: number) => void)[] = [];
  return {
    events,
    emit(e: LogEvent) { events.push(e); seq++; if (autoAck) { acked = seq; } },
    unacked: () => seq - acked,
    congested: () => false,
    onAck(cb: (s: number) => void) { acks.push(cb); },
    ackAll() { acked = seq; acks.forEach((cb) => cb(seq)); },
    lines() { return events.flatMap((e) => (e.type === 'lines' ? e.lines : [])); },
    states() { return events.filter((e) => e.type === 'state').map((e) => (e as any).state as string); },
  };
}

/** A response body that produces `total` lines on demand and counts how often it was pulled. */
function lineBody(from: number, to: number, opts: { failAfter?: boolean } = {}) {
  let i = from;
  const stats = { pulls: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      stats.pulls++;
      if (i >= to) {
        if (opts.failAfter) c.error(new TypeError('terminated'));
        else c.close();
        return;
      }
      let chunk = '';
      for (let k = 0; k < 100 && i < to; k++, i++) chunk += `${ts(i)} line ${i}\n`;
      c.enqueue(enc.encode(chunk));
    },
  }, { highWaterMark: 0 });
  return { body, stats };
}

const until = async (cond: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const params = { context: 'c', namespace: 'ns', pod: 'p', container: 'app' };

describe('LogStream', () => {
  it('stops reading the body while the renderer does not acknowledge, and resumes when it does', async () => {
    const { body, stats } = lineBody(0, 50_000);
    const http: LogHttp = {
      raw: (async () => ({ body })) as any,
      request: (async () => ({ status: { containerStatuses: [{ name: 'app', state: { running: {} } }] } })) as any,
    };
    const sink = recordingSink(false);
    const s = new LogStream(http, params, sink, { batchMs: 1, maxUnacked: 2, maxQueueLines: 1_000, maxBatchLines: 500 });
    s.start();
    await until(() => sink.unacked() >= 2 && s.stats.readPauses > 0);
    await new Promise((r) => setTimeout(r, 100));
    const pullsWhilePaused = stats.pulls;
    const linesWhilePaused = sink.lines().length;
    await new Promise((r) => setTimeout(r, 100));
    // Nothing more read: the body is not pulled, memory bounded by the queue.
    expect(stats.pulls).toBe(pullsWhilePaused);
    expect(sink.lines().length).toBe(linesWhilePaused);
    expect(s.stats.maxQueue).toBeLessThanOrEqual(1_100);
    // Acknowledge continuously: everything arrives, in order.
    const acker = setInterval(() => sink.ackAll(), 2);
    await until(() => sink.lines().length === 50_000, 10_000);
    clearInterval(acker);
    s.stop();
    const texts = sink.lines().map((l) => l.text);
    expect(texts[0]).toBe('line 0');
    expect(texts[49_999]).toBe('line 49999');
    expect(new Set(texts).size).toBe(50_000);
  });

  it('with keepLatest, keeps reading while the renderer lags and sends only the newest lines, counting the rest', async () => {
    const { body } = lineBody(0, 30_000);
    const http: LogHttp = {
      raw: (async () => ({ body })) as any,
      request: (async () => ({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0 } } }] } })) as any,
    };
    const sink = recordingSink(false);
    const s = new LogStream(http, { ...params, keepLatest: 2_000 }, sink, { batchMs: 1, maxUnacked: 2, maxQueueLines: 1_000, maxBatchLines: 500 });
    s.start();
    // Nobody acknowledges, yet the whole body is read (the queue never pauses the reader)…
    await until(() => s.stats.linesSkipped + s.stats.linesSent > 0 && sink.states().includes('ended'));
    s.stop();
    expect(s.stats.readPauses).toBe(0);
    expect(s.stats.maxQueue).toBeLessThanOrEqual(2_000);
    // …every line is either sent or counted as skipped, and what is sent is in order and ends with the newest.
    const skipped = sink.events.reduce((n, e) => n + (e.type === 'skipped' ? e.count : 0), 0);
    const texts = sink.lines().map((l) => l.text);
    expect(texts.length + skipped).toBe(30_000);
    expect(skipped).toBeGreaterThan(0);
    expect(texts.at(-1)).toBe('line 29999');
    const nums = texts.map((t) => Number(t.slice(5)));
    for (let i = 1; i < nums.length; i++) expect(nums[i]).toBeGreaterThan(nums[i - 1]);
    // The skip count comes before the lines that follow the gap.
    const firstSkip = sink.events.findIndex((e) => e.type === 'skipped');
    const before = sink.events.slice(0, firstSkip).flatMap((e) => (e.type === 'lines' ? e.lines : [])).length;
    expect(nums[before]).toBe(before + (sink.events[firstSkip] as { count: number }).count);
  });

  it('sends one event per tick, and more only while whole batches are queued', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      // 5,500 lines at once, then a log that stays open with nothing new.
      let i = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (i >= 5_500) return new Promise<void>(() => {});
          let chunk = '';
          for (let k = 0; k < 100; k++, i++) chunk += `${ts(i)} line ${i}\n`;
          c.enqueue(enc.encode(chunk));
        },
      }, { highWaterMark: 0 });
      const http: LogHttp = { raw: (async () => ({ body })) as any, request: (async () => ({})) as any };
      const sink = recordingSink();
      const s = new LogStream(http, { ...params, keepLatest: 50_000 }, sink, { batchMs: 1_000, maxBatchLines: 1_000 });
      s.start();
      await vi.advanceTimersByTimeAsync(999);
      expect(sink.lines()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      // The backlog goes out in whole batches at once; the remainder waits for the next tick.
      expect(sink.events.filter((e) => e.type === 'lines').map((e) => (e.type === 'lines' ? e.lines.length : 0))).toEqual([1_000, 1_000, 1_000, 1_000, 1_000]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sink.lines().map((l) => l.text)).toEqual(Array.from({ length: 5_500 }, (_, k) => `line ${k}`));
      expect(s.stats.batches).toBe(6);
      s.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a finite read (download) never skips, even with keepLatest', async () => {
    const { body } = lineBody(0, 5_000);
    const http: LogHttp = { raw: (async () => ({ body })) as any, request: (async () => ({})) as any };
    const sink = recordingSink(false);
    const s = new LogStream(http, { ...params, follow: false, keepLatest: 100 }, sink, { batchMs: 1, maxUnacked: 2, maxQueueLines: 500, maxBatchLines: 200 });
    s.start();
    const acker = setInterval(() => sink.ackAll(), 2);
    await until(() => sink.states().includes('ended'));
    clearInterval(acker);
    expect(sink.lines().map((l) => l.text)).toEqual(Array.from({ length: 5_000 }, (_, i) => `line ${i}`));
    expect(sink.events.some((e) => e.type === 'skipped')).toBe(false);
    expect(s.stats.readPauses).toBeGreaterThan(0);
  });

  it('resumes a cut connection from sinceTime without duplicates', async () => {
    const queries: any[] = [];
    const bodies = [lineBody(0, 1500, { failAfter: true }).body, lineBody(1000, 2500).body];
    const http: LogHttp = {
      raw: (async (_m: string, _p: string, o: any) => { queries.push(o.query); return { body: bodies.shift() }; }) as any,
      request: (async () => ({
        spec: { restartPolicy: 'Always' },
        status: { phase: bodies.length ? 'Running' : 'Succeeded', containerStatuses: [{ name: 'app', state: bodies.length ? { running: {} } : { terminated: { exitCode: 0 } } }] },
      })) as any,
    };
    const sink = recordingSink();
    const s = new LogStream(http, { ...params, tailLines: 100 }, sink, { batchMs: 1, backoffMs: [1, 1] });
    s.start();
    await until(() => sink.states().includes('ended'));
    s.stop();
    expect(queries[0]).toMatchObject({ follow: true, timestamps: true, tailLines: 100, container: 'app' });
    expect(queries[1].tailLines).toBeUndefined();
    expect(queries[1].sinceTime).toBe('2024-05-01T10:00:01Z');
    const texts = sink.lines().map((l) => l.text);
    expect(texts).toEqual(Array.from({ length: 2500 }, (_, i) => `line ${i}`));
    expect(sink.states()).toEqual(['connecting', 'streaming', 'connecting', 'streaming', 'ended']);
  });

  it('waits for a container that has not started, then streams', async () => {
    let calls = 0;
    const http: LogHttp = {
      raw: (async () => {
        if (calls++ < 2) throw new ApiError(400, 'container "app" in pod "p" is waiting to start: ContainerCreating');
        return { body: lineBody(0, 3).body };
      }) as any,
      request: (async () => ({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0 } } }] } })) as any,
    };
    const sink = recordingSink();
    const s = new LogStream(http, { ...params, timestamps: false }, sink, { batchMs: 1, waitPollMs: 5 });
    s.start();
    await until(() => sink.states().includes('ended'));
    expect(sink.states()).toEqual(['connecting', 'waiting', 'connecting', 'waiting', 'connecting', 'streaming', 'ended']);
    expect(sink.lines()).toEqual([{ text: 'line 0' }, { text: 'line 1' }, { text: 'line 2' }]);
  });

  it('reports a missing pod as an error, and a pod deleted while streaming as the end', async () => {
    const gone: LogHttp = { raw: (async () => { throw new ApiError(404, 'pods "p" not found'); }) as any, request: (async () => ({})) as any };
    const a = recordingSink();
    new LogStream(gone, params, a).start();
    await until(() => a.states().includes('error'));

    const http: LogHttp = {
      raw: (async () => ({ body: lineBody(0, 2).body })) as any,
      request: (async () => { throw new ApiError(404, 'pods "p" not found'); }) as any,
    };
    const b = recordingSink();
    new LogStream(http, params, b, { batchMs: 1 }).start();
    await until(() => b.states().includes('ended'));
    expect(b.lines().length).toBe(2);
    const last = b.events[b.events.length - 1];
    expect(last).toMatchObject({ type: 'state', state: 'ended' });
  });
});

describe('containerVerdict', () => {
  const pod = (cs: any, extra: any = {}) => ({ spec: { restartPolicy: 'Always' }, status: { phase: 'Running', containerStatuses: [{ name: 'app', ...cs }] }, ...extra });
  it('tells running, restarting and finished containers apart', () => {
    expect(containerVerdict(pod({ state: { running: {} } }), 'app').kind).toBe('resume');
    expect(containerVerdict(pod({ state: { waiting: { reason: 'CrashLoopBackOff' } } }), 'app')).toMatchObject({ kind: 'waiting' });
    expect(containerVerdict(pod({ state: { terminated: { exitCode: 1 } } }), 'app').kind).toBe('waiting');
    expect(containerVerdict({ ...pod({ state: { terminated: { exitCode: 1 } } }), spec: { restartPolicy: 'Never' } }, 'app').kind).toBe('ended');
    expect(containerVerdict({ spec: {}, status: { phase: 'Running', initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 0 } } }] } }, 'init').kind).toBe('ended');
  });
});
