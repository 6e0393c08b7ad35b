import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from 'undici';
import { StreamConnectionDeadError, StreamLiveness } from './streamLiveness';

const READ_IDLE = 1_000;
const PROBE_TIMEOUT = 5_000;

/** A StreamLiveness over a fake dispatch: requests are opened and fed by hand; probes wait for the test. */
function setup() {
  const probes: { signal: AbortSignal; answer(): void; fail(err: Error): void }[] = [];
  const dead: StreamConnectionDeadError[] = [];
  const liveness = new StreamLiveness(
    (signal) => new Promise<void>((resolve, reject) => {
      probes.push({ signal, answer: resolve, fail: reject });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    }),
    (err) => dead.push(err),
    { readIdleMs: READ_IDLE, probeTimeoutMs: PROBE_TIMEOUT },
  );
  const handlers: Dispatcher.DispatchHandler[] = [];
  const dispatch = liveness.interceptor((_opts, handler) => { handlers.push(handler); return true; });
  const controller = {} as Dispatcher.DispatchController;
  const open = () => {
    dispatch({ path: '/watch', method: 'GET' }, {});
    const h = handlers[handlers.length - 1];
    return {
      bytes: () => h.onResponseData?.(controller, Buffer.from('x')),
      end: () => h.onResponseEnd?.(controller, {}),
      fail: () => h.onResponseError?.(controller, new Error('gone')),
    };
  };
  return { liveness, probes, dead, open };
}

describe('StreamLiveness', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('does not probe while no long-running request is open, however long the silence', async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(READ_IDLE * 20);
    expect(s.probes).toHaveLength(0);
    const r = s.open();
    r.end();
    await vi.advanceTimersByTimeAsync(READ_IDLE * 20);
    expect(s.probes).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not probe while bytes keep arriving', async () => {
    const s = setup();
    const r = s.open();
    for (let i = 0; i < 20; i++) { await vi.advanceTimersByTimeAsync(READ_IDLE / 2); r.bytes(); }
    expect(s.probes).toHaveLength(0);
  });

  it('probes after readIdle of silence, one probe at a time; an answer keeps the connection and starts the silence again', async () => {
    const s = setup();
    s.open(); s.open();
    await vi.advanceTimersByTimeAsync(READ_IDLE - 1);
    expect(s.probes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.probes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT - 1);
    expect(s.probes).toHaveLength(1);
    s.probes[0].answer();
    await vi.advanceTimersByTimeAsync(READ_IDLE - 1);
    expect(s.probes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.probes).toHaveLength(2);
    expect(s.dead).toHaveLength(0);
  });

  it('gives the connection up when the probe is unanswered for probeTimeout, or fails', async () => {
    const s = setup();
    s.open();
    await vi.advanceTimersByTimeAsync(READ_IDLE + PROBE_TIMEOUT);
    expect(s.probes[0].signal.aborted).toBe(true);
    expect(s.dead).toHaveLength(1);
    expect(s.dead[0]).toBeInstanceOf(StreamConnectionDeadError);
    expect(s.dead[0].message).toMatch(/did not answer a probe within 5 s/);

    await vi.advanceTimersByTimeAsync(READ_IDLE);
    expect(s.probes).toHaveLength(2);
    s.probes[1].fail(Object.assign(new Error('socket reset'), { code: 'ECONNRESET' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.dead).toHaveLength(2);
  });

  it('stops probing when the last request ends, and close() drops timers and the probe in flight', async () => {
    const s = setup();
    const a = s.open();
    const b = s.open();
    a.end();
    b.fail();
    expect(s.liveness.openRequests).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    s.open();
    await vi.advanceTimersByTimeAsync(READ_IDLE);
    expect(s.probes).toHaveLength(1);
    s.liveness.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.probes[0].signal.aborted).toBe(true);
    expect(s.dead).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
