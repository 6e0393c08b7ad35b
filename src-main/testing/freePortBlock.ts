// A block of consecutive free loopback ports for a private test cluster (startCluster({ basePort })
// uses basePort+0..7), found by trying to listen on each, never hard-coded.
import net from 'node:net';

const free = (port: number) => new Promise<boolean>((resolve) => {
  const srv = net.createServer();
  srv.once('error', () => resolve(false));
  srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
});

export async function freePortBlock(size = 8, from = 40_000, to = 60_000): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = from + 20 * Math.floor(Math.random() * ((to - from) / 20));
    let ok = true;
    for (let p = base; p < base + size && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error(`no block of ${size} free ports found between ${from} and ${to}`);
}
