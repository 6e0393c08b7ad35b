import { ServerFrame, methods, topics, type MethodName, type Params, type Result, type TopicName, type TopicParams, type TopicEvent } from '../../shared/contract';
import { ContractError } from '../../shared/contract/contractError';
import type { FrameChannel } from './frameChannel';
import { describeValidation } from '../../shared/contract/validationText';

export interface SubscriptionHandlers<E> {
  onEvent(event: E, seq: number): void;
  onEnd?(error?: ContractError): void;
  /** The link dropped and came back: the subscription was re-sent and will start again from a snapshot. */
  onResubscribe?(): void;
}

export interface Subscription {
  /** Sends input into the subscription (terminal keys, resize). */
  input(data: unknown): void;
  ack(seq: number): void;
  close(): void;
}

interface LiveSub { topic: string; params: unknown; h: SubscriptionHandlers<any>; lastSeq: number }

/**
 * The renderer's only way to the core. Validates every response and event against the shared schemas
 * (nothing untyped crosses), and replays subscriptions after a reconnect.
 */
export class ContractClient {
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (v: any) => void; reject: (e: any) => void }>();
  private readonly subs = new Map<number, LiveSub>();
  linkUp = true;
  private readonly linkListeners = new Set<(up: boolean) => void>();

  constructor(private readonly channel: FrameChannel) {
    channel.onFrame((f) => this.receive(f));
    let first = true;
    channel.onLink((up) => {
      this.linkUp = up;
      this.linkListeners.forEach((l) => l(up));
      if (!up) {
        for (const [id, p] of this.pending) { p.reject(new ContractError('unreachable', 'Lost the connection to Wheelhouse core.')); this.pending.delete(id); }
        return;
      }
      if (first) { first = false; return; }
      for (const [id, s] of this.subs) {
        s.lastSeq = 0;
        s.h.onResubscribe?.();
        this.channel.send({ t: 'sub', id, topic: s.topic, params: s.params });
      }
    });
  }

  onLink(cb: (up: boolean) => void): () => void {
    this.linkListeners.add(cb);
    return () => this.linkListeners.delete(cb);
  }

  request<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.channel.send({ t: 'req', id, method, params });
    });
  }

  subscribe<T extends TopicName>(topic: T, params: TopicParams<T>, h: SubscriptionHandlers<TopicEvent<T>>): Subscription {
    const id = this.nextId++;
    this.subs.set(id, { topic, params, h, lastSeq: 0 });
    this.channel.send({ t: 'sub', id, topic, params });
    return {
      input: (data) => this.channel.send({ t: 'input', id, data }),
      ack: (seq) => this.channel.send({ t: 'ack', id, seq }),
      close: () => {
        if (this.subs.delete(id)) this.channel.send({ t: 'unsub', id });
      },
    };
  }

  private receive(raw: unknown): void {
    const parsed = ServerFrame.safeParse(raw);
    if (!parsed.success) return;
    const f = parsed.data;
    if (f.t === 'res') {
      const p = this.pending.get(f.id);
      if (!p) return;
      this.pending.delete(f.id);
      if (!f.ok) return p.reject(new ContractError(f.error.code, f.error.message, f.error.detail));
      const schema = (methods as any)[p.method]?.result;
      const r = schema ? schema.safeParse(f.result) : { success: true, data: f.result };
      if (r.success) p.resolve(r.data);
      else { const d = describeValidation(`Wheelhouse core sent an answer to ${p.method} this page does not understand (reload the page; if it stays, report it)`, r.error); p.reject(new ContractError('internal', d.message, d.detail)); }
    } else if (f.t === 'ev') {
      const s = this.subs.get(f.id);
      if (!s) return;
      const schema = (topics as any)[s.topic]?.event;
      const r = schema ? schema.safeParse(f.event) : { success: true, data: f.event };
      if (!r.success) return;
      s.lastSeq = f.seq;
      s.h.onEvent(r.data, f.seq);
    } else if (f.t === 'end') {
      const s = this.subs.get(f.id);
      if (!s) return;
      this.subs.delete(f.id);
      s.h.onEnd?.(f.error ? new ContractError(f.error.code, f.error.message, f.error.detail) : undefined);
    }
  }
}
