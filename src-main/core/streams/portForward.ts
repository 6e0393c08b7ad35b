import { createServer, type Server, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ApiError } from '../cluster/apiError';
import type { KubeHttp } from '../cluster/kubeHttp';
import { ContractError } from '../../../shared/contract/contractError';
import type { PortForwardInfo, PortForwardStartParams } from '../../../shared/contract/streams';

type StartParams = Omit<PortForwardStartParams, 'localPort'> & { localPort?: number };

/** What port-forwards need of a context's connection. */
export interface ForwardConnection { http: Pick<KubeHttp, 'request' | 'server' | 'webSocketOptions'> }

interface Target { pod: string; targetPort: number; url?: string }

const HTTP_PORTS = new Set([80, 3000, 4000, 5000, 8000, 8008, 8080, 8081, 8888, 9000, 9090]);
const HTTPS_PORTS = new Set([443, 8443]);

function guessUrl(port: number, localPort: number, names: (string | undefined)[]): string | undefined {
  const named = names.filter(Boolean).join(' ').toLowerCase();
  if (/https/.test(named) || HTTPS_PORTS.has(port)) return `https://127.0.0.1:${localPort}/`;
  if (/http|web|ui/.test(named) || HTTP_PORTS.has(port)) return `http://127.0.0.1:${localPort}/`;
  return undefined;
}

const podPath = (ns: string, pod?: string) => `/api/v1/namespaces/${encodeURIComponent(ns)}/pods${pod ? `/${encodeURIComponent(pod)}` : ''}`;

function isReady(pod: any): boolean {
  return !pod?.metadata?.deletionTimestamp && pod?.status?.phase === 'Running'
    && (pod?.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

function containerPortNames(pod: any, port: number): string[] {
  const out: string[] = [];
  for (const c of pod?.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.containerPort === port && p.name) out.push(p.name);
  return out;
}

/** A Service port's target in one pod: a number, or a container port name looked up in the pod. */
function targetPortIn(pod: any, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined || target === '') return fallback;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod?.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

/** Resolves what to connect to: a running pod and its port (a Service through a ready pod it selects). */
export async function resolveTarget(http: Pick<KubeHttp, 'request'>, p: StartParams, localPort: number): Promise<Target> {
  const notFound = (what: string) => (err: unknown) => {
    if (err instanceof ApiError && err.status === 404) throw new ContractError('not-found', `${what} not found.`);
    throw err;
  };
  if (p.pod) {
    const pod = await http.request('GET', podPath(p.namespace, p.pod), { timeoutMs: 15_000 }).catch(notFound(`Pod ${p.namespace}/${p.pod}`));
    if (pod?.status?.phase !== 'Running') throw new ContractError('conflict', `Pod ${p.namespace}/${p.pod} is not running (${pod?.status?.phase ?? 'unknown'}).`);
    return { pod: p.pod, targetPort: p.remotePort, url: guessUrl(p.remotePort, localPort, containerPortNames(pod, p.remotePort)) };
  }
  const svc = await http.request('GET', `/api/v1/namespaces/${encodeURIComponent(p.namespace)}/services/${encodeURIComponent(p.service!)}`, { timeoutMs: 15_000 })
    .catch(notFound(`Service ${p.namespace}/${p.service}`));
  const selector: Record<string, string> = svc?.spec?.selector ?? {};
  if (Object.keys(selector).length === 0) throw new ContractError('bad-request', `Service ${p.namespace}/${p.service} has no selector, so it has no pods to forward to.`);
  const sp = (svc?.spec?.ports ?? []).find((x: any) => x.port === p.remotePort);
  if (!sp) throw new ContractError('bad-request', `Service ${p.namespace}/${p.service} has no port ${p.remotePort} (it has ${(svc?.spec?.ports ?? []).map((x: any) => x.port).join(', ') || 'none'}).`);
  const labelSelector = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
  const list = await http.request('GET', podPath(p.namespace), { query: { labelSelector }, timeoutMs: 30_000 });
  const pods = (list?.items ?? []).filter(isReady)
    .sort((a: any, b: any) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  for (const pod of pods) {
    const port = targetPortIn(pod, sp.targetPort, sp.port);
    if (port !== undefined) return { pod: pod.metadata.name, targetPort: port, url: guessUrl(port, localPort, [sp.name, sp.appProtocol, ...containerPortNames(pod, port)]) };
  }
  throw new ContractError('conflict', `Service ${p.namespace}/${p.service} has no ready pod${typeof sp.targetPort === 'string' ? ` with a port named ${sp.targetPort}` : ''}.`);
}

function wsUrl(server: string, path: string): string {
  return server.replace(/^http/, 'ws') + path;
}

/** One listener on 127.0.0.1 and its connections, each tunnelled over its own WebSocket. */
class Forward {
  readonly sockets = new Set<Socket>();
  readonly tunnels = new Set<WebSocket>();
  info: PortForwardInfo;
  private stale = false;

  constructor(
    readonly server: Server,
    private readonly conn: () => ForwardConnection,
    private readonly params: StartParams,
    target: Target,
    id: string,
    localPort: number,
    private readonly changed: () => void,
  ) {
    this.info = {
      id, context: params.context, namespace: params.namespace, pod: target.pod, remotePort: params.remotePort, targetPort: target.targetPort,
      address: '127.0.0.1', localPort, state: 'listening', activeConnections: 0, totalConnections: 0, bytesIn: 0, bytesOut: 0, startedAt: new Date().toISOString(),
    };
    if (params.service) this.info.service = params.service;
    if (target.url) this.info.url = target.url;
    server.on('connection', (s) => void this.accept(s));
    server.on('error', (err) => { this.info = { ...this.info, state: 'error', lastError: err.message }; changed(); });
  }

  private count(dir: 'bytesIn' | 'bytesOut', n: number): void {
    this.info = { ...this.info, [dir]: (this.info[dir] ?? 0) + n };
    this.changed();
  }

  private fail(message: string): void {
    this.info = { ...this.info, lastError: message };
    if (this.params.service) this.stale = true;
    this.changed();
  }

  private async accept(socket: Socket): Promise<void> {
    socket.pause();
    socket.setNoDelay(true);
    this.sockets.add(socket);
    this.info = { ...this.info, activeConnections: this.sockets.size, totalConnections: this.info.totalConnections + 1 };
    this.changed();
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.info = { ...this.info, activeConnections: this.sockets.size };
      this.changed();
    });
    socket.on('error', () => socket.destroy());
    try {
      const { http } = this.conn();
      if (this.stale) {
        // A Service's pod went away: pick another ready one.
        const t = await resolveTarget(http, this.params, this.info.localPort);
        this.stale = false;
        this.info = { ...this.info, pod: t.pod, targetPort: t.targetPort };
      }
      const opts = await http.webSocketOptions();
      if (socket.destroyed) return;
      const path = `${podPath(this.params.namespace, this.info.pod)}/portforward?ports=${this.info.targetPort}`;
      this.tunnel(socket, new WebSocket(wsUrl(http.server, path), ['v4.channel.k8s.io'], opts));
    } catch (err) {
      this.fail((err as Error).message);
      socket.destroy();
    }
  }

  /**
   * v4.channel.k8s.io port-forward: binary frames, first byte the channel (0 data, 1 error), and each
   * channel's first frame carries the port as two bytes. Backpressure both ways: a full socket pauses
   * the WebSocket, a full WebSocket pauses the socket.
   */
  private tunnel(socket: Socket, ws: WebSocket): void {
    this.tunnels.add(ws);
    const seenPort = [false, false];
    let inflight = 0;
    let idle: NodeJS.Timeout | undefined;
    const closeWs = () => { clearTimeout(idle); if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(); };
    ws.on('unexpected-response', (req, res) => {
      this.fail(`The API server refused the port-forward: ${res.statusCode} ${res.statusMessage ?? ''}`.trim());
      req.destroy();
      socket.destroy();
    });
    ws.on('open', () => socket.resume());
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary || data.length < 1) return;
      const channel = data[0];
      let payload = data.subarray(1);
      if (channel > 1) return;
      if (!seenPort[channel]) { seenPort[channel] = true; payload = payload.subarray(2); }
      if (payload.length === 0) return;
      if (channel === 1) {
        this.fail(payload.toString('utf8'));
        socket.destroy();
        closeWs();
        return;
      }
      if (idle) idle.refresh();
      this.count('bytesOut', payload.length);
      if (!socket.write(payload)) {
        ws.pause();
        socket.once('drain', () => ws.resume());
      }
    });
    ws.on('close', () => { this.tunnels.delete(ws); clearTimeout(idle); if (!socket.destroyed) socket.end(); });
    ws.on('error', (err) => { this.fail(err.message); socket.destroy(); });
    socket.on('data', (chunk: Buffer) => {
      if (ws.readyState !== ws.OPEN) return;
      inflight += chunk.length;
      this.count('bytesIn', chunk.length);
      if (inflight > 1 << 20) socket.pause();
      ws.send(Buffer.concat([Buffer.from([0]), chunk]), () => {
        inflight -= chunk.length;
        if (inflight <= 1 << 19 && socket.isPaused()) socket.resume();
      });
    });
    // The channel protocol has no half-close: after the client's end, keep reading the answer until
    // the remote side has been silent for a while, then close.
    socket.on('end', () => {
      idle = setTimeout(closeWs, 5_000);
      idle.unref?.();
    });
    socket.on('close', closeWs);
  }

  /** Stops listening and closes its tunnels, keeping `reason` as its last error (its context is gone). */
  async end(reason: string): Promise<void> {
    await this.stop();
    this.info = { ...this.info, state: 'error', lastError: reason };
  }

  async stop(): Promise<void> {
    this.info = { ...this.info, state: 'stopped' };
    for (const s of this.sockets) s.destroy();
    for (const ws of this.tunnels) ws.terminate();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/**
 * The port-forwards of one core. They belong to the core, not to a window: a renderer reload finds
 * them still running (`portforward.list`), and the core stops them all when it is disposed.
 */
export class PortForwards {
  private readonly forwards = new Map<string, Forward>();
  private readonly listeners = new Set<(list: PortForwardInfo[]) => void>();
  private notifyTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: (context: string) => ForwardConnection) {}

  async start(p: StartParams): Promise<PortForwardInfo> {
    const conn = this.connection(p.context);
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE'
        ? new ContractError('conflict', `Local port ${p.localPort} is already in use on 127.0.0.1. Choose another port, or leave it empty for a free one.`)
        : err.code === 'EACCES' ? new ContractError('forbidden', `Not allowed to listen on local port ${p.localPort}.`) : err));
      server.listen({ host: '127.0.0.1', port: p.localPort ?? 0, exclusive: true }, () => resolve());
    });
    const localPort = (server.address() as { port: number }).port;
    let target: Target;
    try {
      target = await resolveTarget(conn.http, p, localPort);
    } catch (err) {
      server.close();
      throw err;
    }
    const id = `pf-${randomUUID().slice(0, 8)}`;
    const f = new Forward(server, () => this.connection(p.context), p, target, id, localPort, () => this.notify());
    this.forwards.set(id, f);
    this.notify();
    return f.info;
  }

  list(context?: string): PortForwardInfo[] {
    return [...this.forwards.values()].map((f) => f.info).filter((i) => context === undefined || i.context === context);
  }

  async stop(id: string): Promise<void> {
    const f = this.forwards.get(id);
    if (!f) throw new ContractError('not-found', `No port-forward ${id}.`);
    this.forwards.delete(id);
    await f.stop();
    this.notify();
  }

  /**
   * The forward's context is gone: it stops, and stays in the list in state `error` with the reason
   * until the user removes it (`stop`), so it does not just vanish.
   */
  async end(id: string, reason: string): Promise<void> {
    const f = this.forwards.get(id);
    if (!f || f.info.state === 'stopped') return;
    await f.end(reason);
    this.notify();
  }

  async stopAll(): Promise<void> {
    const all = [...this.forwards.values()];
    this.forwards.clear();
    await Promise.all(all.map((f) => f.stop()));
    clearTimeout(this.notifyTimer);
  }

  onChange(l: (list: PortForwardInfo[]) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private notify(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      const list = this.list();
      for (const l of this.listeners) l(list);
    }, 100);
    this.notifyTimer.unref?.();
  }
}
