import { z } from 'zod';

// The wire envelope shared by both transports (Electron IPC and the serve-mode WebSocket).
// Requests get one response; subscriptions get a numbered event stream until `unsub` or `end`.

export const ErrorInfo = z.object({
  code: z.enum([
    'bad-request', 'not-found', 'forbidden', 'unauthorized', 'conflict', 'unreachable',
    'timeout', 'invalid-kubeconfig', 'unknown-context', 'exec-plugin-failed', 'refused', 'internal',
  ]),
  message: z.string(),
  detail: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

export const ClientFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('req'), id: z.number().int(), method: z.string().max(100), params: z.unknown() }),
  z.object({ t: z.literal('sub'), id: z.number().int(), topic: z.string().max(100), params: z.unknown() }),
  z.object({ t: z.literal('unsub'), id: z.number().int() }),
  // Flow control for streams: the client has consumed events up to `seq`.
  z.object({ t: z.literal('ack'), id: z.number().int(), seq: z.number().int() }),
  // Input into a live subscription (terminal keystrokes, resize).
  z.object({ t: z.literal('input'), id: z.number().int(), data: z.unknown() }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

// A plain union: the two `res` shapes share a discriminator value, which discriminatedUnion refuses.
export const ServerFrame = z.union([
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(false), error: ErrorInfo }),
  z.object({ t: z.literal('ev'), id: z.number().int(), seq: z.number().int(), event: z.unknown() }),
  z.object({ t: z.literal('end'), id: z.number().int(), error: ErrorInfo.optional() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
