// What the core implements: a function per contract method and topic (each domain's handlers, composed
// by service.ts). The transports (transport/contractSession.ts over IPC or WebSocket) call these; the core
// never imports a transport.
import type { z } from 'zod';
import type { ContractError } from '../../shared/contract/contractError';
import type { methods, topics, MethodName, TopicName } from '../../shared/contract';

/** A live subscription's handle on the server side. */
export interface TopicSink<E> {
  emit(event: E): void;
  end(error?: ContractError): void;
  /** Events sent but not yet acknowledged by the client (flow control for streams). */
  unacked(): number;
  /** Bytes waiting in the transport (WebSocket bufferedAmount; 0 for IPC). */
  congested(): boolean;
  onInput(cb: (data: unknown) => void): void;
  onAck(cb: (seq: number) => void): void;
}

export type MethodHandlers = {
  [M in MethodName]?: (params: z.output<(typeof methods)[M]['params']>) => Promise<z.input<(typeof methods)[M]['result']>>;
};
export type TopicHandlers = {
  [T in TopicName]?: (params: z.output<(typeof topics)[T]['params']>, sink: TopicSink<z.input<(typeof topics)[T]['event']>>) => (() => void) | void;
};
export interface Handlers { methods: MethodHandlers; topics: TopicHandlers }
