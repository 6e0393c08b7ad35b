import { PassThrough, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { KubeConfig, V1Status } from '@kubernetes/client-node';
import { Exec } from '@kubernetes/client-node/dist/exec.js';
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import WebSocket from 'ws';
import { ApiError, deepMessage } from '../cluster/apiError';
import type { KubeHttp } from '../cluster/kubeHttp';
import { ContractError } from '../../../shared/contract/contractError';
import { DEFAULT_SHELL, ExecInput, type ExecEvent, type ExecParams } from '../../../shared/contract/streams';
import { FlowGate, type StreamSink } from './flowGate';

type Params = Omit<ExecParams, 'tty'> & { tty: boolean };

/**
 * The default shell announces its PID first, in an OSC sequence the session strips from the output,
 * so that closing the session can end the shell and its children (see hangUp). `$$` survives the `exec`.
 */
// eslint-disable-next-line no-control-regex -- matching a terminal escape sequence is the point
const PID_OSC = /\x1b\]7770;(\d+)\x07/;
const DEFAULT_SHELL_WITH_PID = ['sh', '-c', `printf '\\033]7770;%s\\007' "$$"; ${DEFAULT_SHELL[2]}`];

/** The exit status the status channel reports: Success is 0, NonZeroExitCode carries the code. */
export function exitCodeOf(status: V1Status | undefined): { code: number | null; message?: string } {
  if (!status) return { code: null };
  if (status.status === 'Success') return { code: 0 };
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode' || (c as { type?: string }).type === 'ExitCode');
  if (status.reason === 'NonZeroExitCode' && cause?.message !== undefined && /^\d+$/.test(cause.message)) {
    return { code: Number(cause.message) };
  }
  // Runtimes that report the exit as an error still name it ("exit status 3", "exit code 3").
  const m = /exit (?:status|code) (\d+)/.exec(status.message ?? '');
  if (m) return { code: Number(m[1]) };
  return { code: null, message: status.message ?? status.reason };
}

/** A Writable that looks like a terminal to client-node (rows/columns and 'resize' events). */
class TerminalOut extends Writable {
  rows: number;
  columns: number;
  constructor(cols: number, rows: number, private readonly onChunk: (b: Buffer) => void) {
    super();
    this.columns = cols;
    this.rows = rows;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.onChunk(chunk);
    cb();
  }
  resize(cols: number, rows: number): void {
    if (cols === this.columns && rows === this.rows) return;
    this.columns = cols;
    this.rows = rows;
    this.emit('resize');
  }
}

class Collect extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void { this.chunks.push(chunk); cb(); }
  text(): string { return Buffer.concat(this.chunks).toString('utf8'); }
}

/** Picks the container like kubectl: the default-container annotation, else the first one; and checks it runs. */
export async function resolveContainer(http: Pick<KubeHttp, 'request'>, namespace: string, pod: string, container?: string): Promise<string> {
  let obj: any;
  try {
    obj = await http.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`, { timeoutMs: 15_000 });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new ContractError('not-found', `Pod ${namespace}/${pod} not found.`);
    throw err;
  }
  const names: string[] = (obj?.spec?.containers ?? []).map((c: any) => c.name);
  const all = [...names, ...(obj?.spec?.initContainers ?? []).map((c: any) => c.name), ...(obj?.spec?.ephemeralContainers ?? []).map((c: any) => c.name)];
  const chosen = container ?? obj?.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0];
  if (!chosen || !all.includes(chosen)) throw new ContractError('bad-request', `Pod ${namespace}/${pod} has no container ${chosen ?? ''}.`.replace(/ \.$/, '.'));
  const statuses = [...(obj?.status?.containerStatuses ?? []), ...(obj?.status?.initContainerStatuses ?? []), ...(obj?.status?.ephemeralContainerStatuses ?? [])];
  const st = statuses.find((s: any) => s.name === chosen);
  if (st && !st.state?.running) {
    const why = st.state?.waiting?.reason ?? (st.state?.terminated ? `terminated (exit ${st.state.terminated.exitCode})` : 'not running');
    throw new ContractError('conflict', `Container ${chosen} is not running: ${why}.`);
  }
  return chosen;
}

/** What sessions need of a context's connection: GETs, and WebSocket options with its credentials. */
export type ExecHttp = Pick<KubeHttp, 'request' | 'server' | 'webSocketOptions'>;

/**
 * client-node's WebSocketHandler asks a KubeConfig for just the server and the options of the socket
 * (client-node's exec.js and web-socket-handler.js import neither its KubeConfig nor the generated API).
 */
export function webSocketConfig(http: ExecHttp): KubeConfig {
  const config: Pick<KubeConfig, 'getCurrentCluster' | 'applyToHTTPSOptions'> = {
    getCurrentCluster: () => ({ name: 'context', server: http.server, skipTLSVerify: false }),
    applyToHTTPSOptions: async (opts) => { Object.assign(opts, await http.webSocketOptions()); },
  };
  return config as KubeConfig;
}

/** Runs a command to completion without a terminal (used to hang a shell up; handy in tests). */
export async function execOnce(http: ExecHttp, namespace: string, pod: string, container: string, command: string[], timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string; message?: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const streams = { stdin: new PassThrough(), stdout, stderr };
  return new Promise((resolve, reject) => {
    let ws: WebSocket | undefined;
    const timer = setTimeout(() => { ws?.terminate(); reject(new Error(`exec ${command.join(' ')} timed out`)); }, timeoutMs);
    const kc = webSocketConfig(http);
    new Exec(kc, new WebSocketHandler(kc, undefined, streams))
      .exec(namespace, pod, container, command, stdout, stderr, null, false, (status) => {
        clearTimeout(timer);
        const r = exitCodeOf(status);
        resolve({ code: r.code, stdout: stdout.text(), stderr: stderr.text(), ...(r.message ? { message: r.message } : {}) });
      })
      .then((w) => { ws = w; w.on('close', () => { clearTimeout(timer); resolve({ code: null, stdout: stdout.text(), stderr: stderr.text() }); }); })
      .catch((err) => { clearTimeout(timer); reject(err); });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => { const t = setTimeout(r, ms); t.unref?.(); });

/**
 * A POSIX sh script that ends a shell and everything it started: SIGTERM to its descendants (found
 * through /proc PPid links), SIGKILL to the shell, and SIGKILL to descendants still there a second
 * later. Never SIGHUP: an interactive bash that gets SIGHUP hangs up its jobs with killpg(), and
 * where the runtime gave it no session of its own (KWOK: no setsid, no controlling terminal) its
 * jobs' process group is the runtime's own, which would take the runtime down with it.
 */
export function killTreeScript(pid: number): string {
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`refusing to kill pid ${pid}`);
  return [
    `root=${pid}; all=""; queue=$root`,
    'while [ -n "$queue" ]; do',
    '  next=""',
    '  for d in /proc/[0-9]*; do',
    '    ppid=""',
    '    while IFS=: read -r k v; do if [ "$k" = PPid ]; then set -- $v; ppid=$1; break; fi; done < "$d/status" 2>/dev/null',
    '    for q in $queue; do if [ "$ppid" = "$q" ]; then next="$next ${d#/proc/}"; fi; done',
    '  done',
    '  all="$all $next"; queue=$next',
    'done',
    'if [ -n "${all# }" ]; then kill -TERM $all 2>/dev/null; fi',
    'kill -KILL $root 2>/dev/null',
    'if [ -n "${all# }" ]; then sleep 1; kill -KILL $all 2>/dev/null; fi',
    'exit 0',
  ].join('\n');
}

/**
 * One terminal session: client-node's Exec over a WebSocket (v5.channel.k8s.io where the server
 * speaks it, so stdin can be closed; v4 otherwise). Output is sent as UTF-8 text in small batches;
 * when the renderer has not acknowledged enough of it (xterm's write callback) the session pauses
 * the WebSocket, which stops the remote command at its next write.
 *
 * Closing the WebSocket alone leaves the remote command running (client-node #2532, and so it is on
 * our KWOK cluster too), so ending a session ends the shell and what it runs through a second exec
 * (killTreeScript), else sends an end-of-file on the terminal, then closes stdin, and only then the
 * socket.
 */
export class ExecSession {
  private ws: WebSocket | undefined;
  private readonly stdin = new PassThrough();
  private readonly stdout: TerminalOut;
  private readonly stderr: TerminalOut;
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private pending: { stdout: string; stderr: string } = { stdout: '', stderr: '' };
  private flushTimer: NodeJS.Timeout | undefined;
  private keepAlive: NodeJS.Timeout | undefined;
  private readonly gate: FlowGate;
  private paused = false;
  private container = '';
  private pid: number | undefined;
  private pidScan: Buffer | undefined;
  private exited = false;
  private closing: Promise<void> | undefined;
  private readonly exitWaiters: (() => void)[] = [];
  /** The negotiated subprotocol, once open. */
  protocol = '';

  constructor(
    private readonly http: ExecHttp,
    private readonly params: Params,
    private readonly sink: StreamSink<ExecEvent> & { end(error?: ContractError): void },
    private readonly onDone: () => void = () => {},
    /** Subprotocols to offer instead of client-node's (v5 first, then v4 and older); for tests of the fallback. */
    private readonly protocols?: string[],
  ) {
    this.stdout = new TerminalOut(params.cols, params.rows, (b) => this.output('stdout', b));
    this.stderr = new TerminalOut(params.cols, params.rows, (b) => this.output('stderr', b));
    this.gate = new FlowGate(sink, 16);
  }

  get remotePid(): number | undefined { return this.pid; }

  async start(): Promise<void> {
    const p = this.params;
    this.sink.emit({ type: 'state', state: 'connecting' });
    try {
      this.container = await resolveContainer(this.http, p.namespace, p.pod, p.container);
      if (this.closing) return;
      const command = p.command ?? (p.tty ? DEFAULT_SHELL_WITH_PID : DEFAULT_SHELL);
      if (!p.command && p.tty) this.pidScan = Buffer.alloc(0);
      const only = this.protocols;
      const factory = only ? (uri: string, _offered: string[], opts: WebSocket.ClientOptions) => new WebSocket(uri, only, opts) : undefined;
      const kc = webSocketConfig(this.http);
      const handler = new WebSocketHandler(kc, factory, { stdin: this.stdin, stdout: this.stdout, stderr: this.stderr });
      const ws = await new Exec(kc, handler).exec(
        p.namespace, p.pod, this.container, command, this.stdout, p.tty ? null : this.stderr, this.stdin, p.tty,
        (status) => { const r = exitCodeOf(status); this.finish(r, r.code !== null ? 'exited' : this.closing ? 'closed' : 'error'); },
      );
      this.ws = ws;
      this.protocol = ws.protocol;
      ws.on('close', (code: number) => this.finish({ code: null, message: `connection closed (${code})` }, this.closing ? 'closed' : 'error'));
      ws.on('error', () => {});
      this.keepAlive = setInterval(() => { try { ws.ping(); } catch { /* closing */ } }, 30_000);
      this.keepAlive.unref?.();
      this.sink.emit({ type: 'state', state: 'open', protocol: ws.protocol });
      if (this.closing) ws.close();
    } catch (err) {
      if (err instanceof ContractError) throw err;
      const msg = (err as { message?: string })?.message ?? deepMessage(err);
      throw new ContractError('unreachable', `Could not open a session in ${p.namespace}/${p.pod}: ${msg}`);
    }
  }

  /** Input frames from the renderer; anything not matching the schema is ignored. */
  input(raw: unknown): void {
    const r = ExecInput.safeParse(raw);
    if (!r.success || this.exited) return;
    const i = r.data;
    if (i.type === 'stdin') this.stdin.write(Buffer.from(i.data, 'utf8'));
    else if (i.type === 'resize') this.stdout.resize(i.cols, i.rows);
    else void this.close();
  }

  private output(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    if (stream === 'stdout' && this.pidScan) {
      // Hold the first bytes until the PID announcement is seen (or clearly is not coming).
      const buf = Buffer.concat([this.pidScan, chunk]);
      const text = buf.toString('latin1');
      const m = PID_OSC.exec(text);
      if (m) {
        this.pid = Number(m[1]);
        this.pidScan = undefined;
        chunk = Buffer.concat([buf.subarray(0, m.index), buf.subarray(m.index + m[0].length)]);
      } else if (buf.length < 64) {
        this.pidScan = buf;
        return;
      } else {
        this.pidScan = undefined;
        chunk = buf;
      }
    }
    this.pending[stream] += this.decoders[stream].write(chunk);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => { this.flushTimer = undefined; this.flush(); }, 4);
    }
  }

  private flush(): void {
    if (!this.gate.open && !this.exited) {
      if (!this.paused) {
        this.paused = true;
        this.ws?.pause();
        this.gate.whenOpen(() => { this.paused = false; this.ws?.resume(); this.flush(); });
      }
      return;
    }
    for (const s of ['stdout', 'stderr'] as const) {
      const data = this.pending[s];
      if (!data) continue;
      this.pending[s] = '';
      for (let i = 0; i < data.length; i += 256 * 1024) this.sink.emit({ type: s, data: data.slice(i, i + 256 * 1024) });
    }
  }

  private finish(r: { code: number | null; message?: string }, reason: 'exited' | 'closed' | 'error'): void {
    if (this.exited) return;
    this.exited = true;
    clearTimeout(this.flushTimer);
    clearInterval(this.keepAlive);
    this.gate.dispose();
    if (this.pidScan?.length) { this.pending.stdout += this.pidScan.toString('utf8'); this.pidScan = undefined; }
    this.flush();
    const ev: ExecEvent = r.message ? { type: 'exit', code: r.code, reason, message: r.message } : { type: 'exit', code: r.code, reason };
    this.sink.emit(ev);
    this.sink.end();
    for (const w of this.exitWaiters.splice(0)) w();
    try { this.ws?.close(); } catch { /* already closed */ }
    this.onDone();
  }

  private waitExit(ms: number): Promise<boolean> {
    if (this.exited) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      t.unref?.();
      this.exitWaiters.push(() => { clearTimeout(t); resolve(true); });
    });
  }

  /** Ends the session and the remote process; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.hangUp();
    return this.closing;
  }

  private async hangUp(): Promise<void> {
    if (this.exited) return;
    if (!this.ws) {
      // Still connecting: start() closes the socket when it opens.
      await sleep(0);
      if (!this.ws) { this.finish({ code: null }, 'closed'); return; }
    }
    const p = this.params;
    if (this.pid !== undefined) {
      await execOnce(this.http, p.namespace, p.pod, this.container, ['sh', '-c', killTreeScript(this.pid)], 15_000).catch(() => undefined);
      if (await this.waitExit(2_000)) return;
    } else if (p.tty) {
      // Ctrl-U clears a half-typed line, Ctrl-D then ends a shell at its prompt.
      this.stdin.write(Buffer.from('\x15\x04'));
      if (await this.waitExit(1_000)) return;
    }
    // v5: tells the server stdin is finished (the command reads EOF); v4: client-node closes the socket.
    this.stdin.end();
    if (await this.waitExit(1_500)) return;
    this.finish({ code: null, message: 'closed before the command reported an exit status' }, 'closed');
  }

  /** Pause state, for tests. */
  get isPaused(): boolean { return this.paused; }
}
