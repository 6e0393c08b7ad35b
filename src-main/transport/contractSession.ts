import type { z } from 'zod';
import { ClientFrame, type ServerFrame, methods, topics } from '../../shared/contract';
import { ContractError } from '../../shared/contract/contractError';
import { toContractError } from '../core/cluster/apiError';
import { describeValidation } from '../../shared/contract/validationText';
import type { Handlers, TopicSink } from '../core/handlers';


interface LiveSub {
  seq: number;
  acked: number;
  cleanup?: () => void;
  inputs: ((d: unknown) => void)[];
  acks: ((s: number) => void)[];
  ended: boolean;
}

/**
 * One client's session over any transport: validates every frame and every params object against
 * the shared schemas, dispatches to the handlers, numbers subscription events, and cleans everything
 * up when the client goes away.
 */
export class ContractSession {
  private readonly subs = new Map<number, LiveSub>();
  private closed = false;

  constructor(
    private readonly handlers: Handlers,
    private readonly send: (frame: ServerFrame) => void,
    private readonly isCongested: () => boolean = () => false,
  ) {}

  receive(raw: unknown): void {
    if (this.closed) return;
    const parsed = ClientFrame.safeParse(raw);
    if (!parsed.success) return; // Not ours to answer: a frame without a valid id has nobody to reply to.
    const f = parsed.data;
    switch (f.t) {
      case 'req': void this.request(f.id, f.method, f.params); break;
      case 'sub': this.subscribe(f.id, f.topic, f.params); break;
      case 'unsub': this.unsubscribe(f.id); break;
      case 'ack': { const s = this.subs.get(f.id); if (s) { s.acked = Math.max(s.acked, f.seq); s.acks.forEach((cb) => cb(f.seq)); } break; }
      case 'input': { const s = this.subs.get(f.id); s?.inputs.forEach((cb) => cb(f.data)); break; }
    }
  }

  private async request(id: number, method: string, params: unknown): Promise<void> {
    try {
      const spec = (methods as Record<string, { params: z.ZodType; result: z.ZodType }>)[method];
      const handler = (this.handlers.methods as Record<string, (p: unknown) => Promise<unknown>>)[method];
      if (!spec || !handler) throw new ContractError('bad-request', `Unknown method ${method}`);
      const p = spec.params.safeParse(params);
      if (!p.success) { const d = describeValidation(`Invalid input for ${method}`, p.error); throw new ContractError('bad-request', d.message, d.detail); }
      const result = await handler(p.data);
      this.send({ t: 'res', id, ok: true, result });
    } catch (err) {
      this.send({ t: 'res', id, ok: false, error: toContractError(err).toInfo() });
    }
  }

  private subscribe(id: number, topic: string, params: unknown): void {
    if (this.subs.has(id)) return;
    const spec = (topics as Record<string, { params: z.ZodType }>)[topic];
    const handler = (this.handlers.topics as Record<string, (p: unknown, s: TopicSink<unknown>) => (() => void) | void>)[topic];
    if (!spec || !handler) return this.send({ t: 'end', id, error: { code: 'bad-request', message: `Unknown topic ${topic}` } });
    const p = spec.params.safeParse(params);
    if (!p.success) return this.send({ t: 'end', id, error: { code: 'bad-request', ...describeValidation(`Invalid input for ${topic}`, p.error) } });
    const sub: LiveSub = { seq: 0, acked: 0, inputs: [], acks: [], ended: false };
    this.subs.set(id, sub);
    const sink: TopicSink<unknown> = {
      emit: (event) => {
        if (sub.ended || this.closed) return;
        this.send({ t: 'ev', id, seq: ++sub.seq, event });
      },
      end: (error) => {
        if (sub.ended) return;
        sub.ended = true;
        this.subs.delete(id);
        if (!this.closed) this.send(error ? { t: 'end', id, error: error.toInfo() } : { t: 'end', id });
        sub.cleanup?.();
      },
      unacked: () => sub.seq - sub.acked,
      congested: this.isCongested,
      onInput: (cb) => { sub.inputs.push(cb); },
      onAck: (cb) => { sub.acks.push(cb); },
    };
    try {
      const cleanup = handler(p.data, sink);
      if (cleanup) {
        if (sub.ended) cleanup();
        else sub.cleanup = cleanup;
      }
    } catch (err) {
      sink.end(toContractError(err));
    }
  }

  private unsubscribe(id: number): void {
    const s = this.subs.get(id);
    if (!s) return;
    s.ended = true;
    this.subs.delete(id);
    s.cleanup?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.subs.keys()]) this.unsubscribe(id);
  }

  get subscriptionCount(): number { return this.subs.size; }
}
