// Helpers for the streams integration tests (real test cluster): sinks that record what a stream
// sends, a contract session over the real handlers, and lookups of seeded pods.
import { ContractSession } from '../transport/contractSession';
import { coreHandlers } from '../core/service';
import type { Core } from '../core/core';
import type { ServerFrame } from '../../shared/contract/frames';
import { ContractError } from '../../shared/contract/contractError';

/** A sink like a TopicSink that records events and acknowledges them at once (a renderer keeping up). */
export function recordingSink<E>() {
  const events: E[] = [];
  let ended: { error?: ContractError } | undefined;
  const inputs: ((d: unknown) => void)[] = [];
  return {
    events,
    get ended() { return ended; },
    emit(e: E) { events.push(e); },
    end(error?: ContractError) { ended = error ? { error } : {}; },
    unacked: () => 0,
    congested: () => false,
    onAck: () => {},
    onInput: (cb: (d: unknown) => void) => { inputs.push(cb); },
  };
}

/** A client session over the composed core handlers, as the serve transport runs it. */
export function contractSession(core: Core) {
  const frames: ServerFrame[] = [];
  const session = new ContractSession(coreHandlers(core), (f) => frames.push(f));
  let id = 0;
  return {
    frames,
    session,
    subscribe(topic: string, params: unknown): number {
      const sub = ++id;
      session.receive({ t: 'sub', id: sub, topic, params });
      return sub;
    },
    events(sub: number): any[] {
      return frames.filter((f) => f.t === 'ev' && f.id === sub).map((f) => (f as { event: unknown }).event);
    },
    ended(sub: number) {
      return frames.find((f) => f.t === 'end' && f.id === sub) as Extract<ServerFrame, { t: 'end' }> | undefined;
    },
    input(sub: number, data: unknown) { session.receive({ t: 'input', id: sub, data }); },
    ack(sub: number, seq: number) { session.receive({ t: 'ack', id: sub, seq }); },
    unsubscribe(sub: number) { session.receive({ t: 'unsub', id: sub }); },
    async request(method: string, params: unknown): Promise<any> {
      const rid = ++id;
      session.receive({ t: 'req', id: rid, method, params });
      for (let i = 0; i < 600; i++) {
        const res = frames.find((f) => f.t === 'res' && f.id === rid);
        if (res && res.t === 'res') {
          if (res.ok) return res.result;
          throw new ContractError(res.error.code, res.error.message);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${method} did not answer`);
    },
  };
}

/** Names of the running pods a selector picks, sorted. */
export async function runningPods(core: Core, context: string, namespace: string, labelSelector: string): Promise<string[]> {
  const list = await core.connection(context).http.request('GET', `/api/v1/namespaces/${namespace}/pods`, { query: { labelSelector } });
  return (list.items ?? []).filter((p: any) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).map((p: any) => p.metadata.name as string).sort();
}
