import { describe, expect, it, vi } from 'vitest';
import { ContextLink, type LinkChange } from './contextLink';
import { ApiError } from './apiError';
import type { ClusterConnection } from './clusterConnection';

/** A connection whose /livez answers as `livez` says (a Response, or an error thrown). */
function fakeConnection(server: string, livez: () => Promise<Response>) {
  const calls: string[] = [];
  let closed = false;
  const suspects: (() => void)[] = [];
  const conn = {
    http: {
      server,
      raw: async (_m: string, path: string) => { calls.push(path); return livez(); },
      request: async () => ({}),
      poolStats: () => undefined,
      webSocketOptions: async () => ({}),
      onStreamsSuspect: (l: () => void) => { suspects.push(l); return () => {}; },
      giveUpSilentStreams: () => false,
    },
    close: () => { closed = true; },
  };
  return { conn: conn as unknown as ClusterConnection, calls, get closed() { return closed; }, suspect: () => suspects.forEach((l) => l()) };
}

const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));

describe('ContextLink', () => {
  it('its http goes through the connection current at each call; replace bumps the generation, says replaced once, and closes the old one', async () => {
    const a = fakeConnection('https://a:1', async () => new Response('ok'));
    const b = fakeConnection('https://b:2', async () => new Response('ok'));
    const link = new ContextLink('ctx', a.conn);
    const changes: LinkChange[] = [];
    link.onChange((c) => changes.push(c));
    expect(link.http.server).toBe('https://a:1');
    link.replace(b.conn);
    expect(link.generation).toBe(2);
    expect(link.http.server).toBe('https://b:2');
    await link.http.raw('GET', '/x');
    expect(b.calls).toEqual(['/x']);
    expect(a.closed).toBe(true);
    expect(changes).toEqual([{ type: 'replaced', generation: 2 }]);
  });

  it('gone: every holder hears the reason once, a late holder at once, and the http throws it', async () => {
    const a = fakeConnection('https://a:1', async () => new Response('ok'));
    const link = new ContextLink('ctx', a.conn);
    const heard: string[] = [];
    link.onChange((c) => heard.push(c.type === 'gone' ? c.error.message : c.type));
    link.end(new Error('Context "ctx" is not in /tmp/config'));
    link.end(new Error('again'));
    link.onChange((c) => heard.push(`late ${c.type}`));
    expect(heard).toEqual(['Context "ctx" is not in /tmp/config', 'late gone']);
    await expect(link.http.raw('GET', '/x')).rejects.toThrow('is not in /tmp/config');
    expect(a.closed).toBe(true);
  });

  it('untilHealthy resolves when /livez answers (plain text "ok", or any HTTP status), not while the network fails', async () => {
    vi.useFakeTimers();
    try {
      let answer: () => Promise<Response> = refused;
      const a = fakeConnection('https://a:1', () => answer());
      const link = new ContextLink('ctx', a.conn);
      let woken = false;
      void link.untilHealthy(new AbortController().signal).then(() => { woken = true; });
      await vi.advanceTimersByTimeAsync(3_500);
      expect(woken).toBe(false);
      expect(a.calls.length).toBeGreaterThanOrEqual(2);
      answer = () => Promise.reject(new ApiError(403, 'forbidden'));
      await vi.advanceTimersByTimeAsync(1_100);
      expect(woken).toBe(true);

      // A plain-text answer counts too, and a suspect watches connection starts the probing by itself.
      answer = async () => new Response('ok', { headers: { 'content-type': 'text/plain' } });
      const before = a.calls.length;
      a.suspect();
      await vi.advanceTimersByTimeAsync(1_100);
      expect(a.calls.length).toBe(before + 1);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(a.calls.length).toBe(before + 1); // answered: probing stops
    } finally {
      vi.useRealTimers();
    }
  });

  it('retryNow wakes every waiter at once', async () => {
    const a = fakeConnection('https://a:1', refused);
    const link = new ContextLink('ctx', a.conn);
    const done = link.untilHealthy(new AbortController().signal);
    link.retryNow();
    await done;
    link.close();
  });
});
