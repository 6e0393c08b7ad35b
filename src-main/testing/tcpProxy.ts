import { createServer, connect, type Server, type Socket } from 'node:net';

const discard = () => {};

/**
 * A loopback TCP proxy a test puts between the core and the API server, so it can cut the core's
 * connection (every socket reset, new connections refused) and restore it, or freeze it (connections
 * accepted and kept open, nothing passed either way: an API server that never answers) and thaw it,
 * while the test itself keeps talking to the API server directly.
 */
export class TcpProxy {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private frozen = false;
  /** Client sockets currently open through the proxy (frozen ones included). */
  readonly clients = new Set<Socket>();
  port = 0;

  constructor(private readonly targetHost: string, private readonly targetPort: number) {}

  async start(port = this.port): Promise<number> {
    const server = createServer((client) => {
      this.clients.add(client);
      client.on('close', () => this.clients.delete(client));
      if (this.frozen) {
        // Accepted, read, never answered: held until the client gives up.
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => client.destroy());
        client.on('data', discard);
        return;
      }
      const upstream = connect(this.targetPort, this.targetHost);
      this.sockets.add(client); this.sockets.add(upstream);
      const drop = () => { client.destroy(); upstream.destroy(); this.sockets.delete(client); this.sockets.delete(upstream); };
      client.on('error', drop); upstream.on('error', drop);
      client.on('close', drop); upstream.on('close', drop);
      client.pipe(upstream); upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', () => resolve()); });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** Resets every open connection and refuses new ones. */
  async cut(): Promise<void> {
    for (const s of this.sockets) {
      if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
      else s.destroy();
    }
    this.sockets.clear();
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  async restore(): Promise<void> { await this.start(this.port); }

  /** Stops passing bytes on every open connection (what arrives is read and dropped) and holds new ones unanswered. */
  freeze(): void {
    this.frozen = true;
    for (const s of this.sockets) { s.unpipe(); s.on('data', discard); s.resume(); }
  }

  /** Proxies new connections again. Those frozen so far stay silent: it is the client's to give them up. */
  thaw(): void { this.frozen = false; }

  async stop(): Promise<void> { await this.cut(); }
}
