import { PassThrough, Writable } from 'node:stream';
import { Exec } from '@kubernetes/client-node/dist/exec.js';
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import type WebSocket from 'ws';
import { exitCodeOf, webSocketConfig, type ExecHttp } from '../streams/execSession';

/** How a command ended: its exit status (null when unknown) and the runtime's words, stderr capped. */
export interface PipeResult { code: number | null; message?: string; stderr: string }

/** A command run without a terminal, its stdout as bytes (for tar), stdin open when asked for. */
export interface ExecPipe {
  readonly done: Promise<PipeResult>;
  /** Stops reading from the cluster (the remote command then blocks on its next write). */
  pause(): void;
  resume(): void;
  /** Writes to the command's stdin; resolves once the socket has sent most of it (bounded memory). */
  write(chunk: Buffer): Promise<void>;
  /** End of stdin (v5.channel.k8s.io tells the server; the command reads EOF). */
  endInput(): void;
  /** Cuts the connection (cancel). */
  abort(): void;
}

const STDERR_CAP = 64 * 1024;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class Sink extends Writable {
  constructor(private readonly onChunk: (b: Buffer) => void) { super(); }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void { this.onChunk(chunk); cb(); }
}

/**
 * One exec over the context's WebSocket, like `kubectl cp`'s: no tty, stdout bytes handed to
 * `onStdout` as they come, stderr kept (capped) for the error text. Exec exit codes come from the
 * status channel (KWOK words them as "exit status N", which exitCodeOf reads).
 */
export async function openExecPipe(http: ExecHttp, t: { namespace: string; pod: string; container: string }, command: string[],
  opts: { onStdout(b: Buffer): void; stdin?: boolean; connectTimeoutMs?: number }): Promise<ExecPipe> {
  let stderr = '';
  const out = new Sink(opts.onStdout);
  const err = new Sink((b) => { if (stderr.length < STDERR_CAP) stderr += b.toString('utf8').slice(0, STDERR_CAP - stderr.length); });
  const stdin = opts.stdin ? new PassThrough() : null;
  let settle!: (r: PipeResult) => void;
  const done = new Promise<PipeResult>((r) => { settle = r; });
  let finished = false;
  const finish = (r: Omit<PipeResult, 'stderr'>) => { if (!finished) { finished = true; settle({ ...r, stderr }); } };
  const kc = webSocketConfig(http);
  const handler = new WebSocketHandler(kc, undefined, { stdin: stdin ?? new PassThrough(), stdout: out, stderr: err });
  const connect = new Exec(kc, handler).exec(t.namespace, t.pod, t.container, command, out, err, stdin, false, (status) => finish(exitCodeOf(status)));
  const timeout = sleep(opts.connectTimeoutMs ?? 30_000).then(() => { throw new Error(`exec ${command[0]} did not connect in time`); });
  const ws: WebSocket = await Promise.race([connect, timeout]);
  ws.on('close', () => finish({ code: null, message: 'the connection closed before the command reported an exit status' }));
  ws.on('error', () => {});
  return {
    done,
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    write: async (chunk) => {
      if (!stdin || finished) return;
      stdin.write(chunk);
      // client-node sends stdin as it comes; wait while the socket holds more than 1 MiB unsent.
      while (!finished && ws.bufferedAmount > 1024 * 1024) await sleep(10);
    },
    endInput: () => { stdin?.end(); },
    abort: () => { finish({ code: null, message: 'cancelled' }); ws.terminate(); },
  };
}
