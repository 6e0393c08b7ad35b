import { ServerFrame, methods, topics, type MethodName, type Params, type Result, type TopicName, type TopicParams, type TopicEvent } from '../../shared/contract';
import { ContractError } from '../../shared/contract/contractError';
import type { FrameChannel } from './frameChannel';
import { describeValidation } from '../../shared/contract/validationText';

export interface SubscriptionHandlers<E> {
  onEvent(event: E, seq: number): void;
  onEnd?(error?: ContractError): void;
  /** The link dropped and came back: the subscription was re-sent and will start again from a snapshot. */
  onResubscribe?(): void;
  /**
   * An event failed validation: it was dropped and the subscription re-sent (it starts again from a
   * snapshot, so nothing drifts quietly). `reason` says what was wrong, for the view's freshness.
   */
  onResync?(reason: string): void;
}

export interface Subscription {
  /** Sends input into the subscription (terminal keys, resize). */
  input(data: unknown): void;
  ack(seq: number): void;
  close(): void;
}

interface LiveSub { id: number; topic: string; params: unknown; h: SubscriptionHandlers<any>; lastSeq: number }

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
    const sub: LiveSub = { id: this.nextId++, topic, params, h, lastSeq: 0 };
    this.subs.set(sub.id, sub);
    this.channel.send({ t: 'sub', id: sub.id, topic, params });
    // sub.id changes when a malformed event makes the client re-subscribe: read it at each call.
    return {
      input: (data) => this.channel.send({ t: 'input', id: sub.id, data }),
      ack: (seq) => this.channel.send({ t: 'ack', id: sub.id, seq }),
      close: () => {
        if (this.subs.delete(sub.id)) this.channel.send({ t: 'unsub', id: sub.id });
      },
    };
  }

  /** Ends the subscription on the core and opens it again under a new id: a fresh snapshot follows. */
  private resync(s: LiveSub, reason: string): void {
    this.subs.delete(s.id);
    this.channel.send({ t: 'unsub', id: s.id });
    s.id = this.nextId++;
    s.lastSeq = 0;
    this.subs.set(s.id, s);
    s.h.onResync?.(reason);
    this.channel.send({ t: 'sub', id: s.id, topic: s.topic, params: s.params });
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
      if (!r.success) {
        // Dropping it quietly would leave the view drifting from the cluster: start it over instead.
        if (s.h.onResync) this.resync(s, `A malformed ${s.topic} event was dropped (${r.error.issues[0]?.message ?? 'invalid'}); reading the list again`);
        return;
      }
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
