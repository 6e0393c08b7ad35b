// A small, fast Kubernetes HTTP client for the benchmark fixture: one undici Pool of keep-alive TLS
// connections authenticated with the kubeconfig's client certificate, and bounded concurrency.
// Only what the fixture needs (create, patch, list); the app's own client is what gets measured.
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import YAML from 'yaml';

/**
 * Reads one context of a kubeconfig: server URL, CA and client certificate (data or file).
 * @param {string} file @param {string} [contextName]
 */
export function loadKubeconfig(file, contextName) {
  const kc = YAML.parse(readFileSync(file, 'utf8'));
  const name = contextName ?? kc['current-context'];
  const ctx = kc.contexts?.find((c) => c.name === name)?.context;
  if (!ctx) throw new Error(`context ${name} not in ${file}`);
  const cluster = kc.clusters.find((c) => c.name === ctx.cluster)?.cluster;
  const user = kc.users.find((u) => u.name === ctx.user)?.user ?? {};
  const pick = (data, path) => (data ? Buffer.from(data, 'base64') : path ? readFileSync(path) : undefined);
  return {
    context: name,
    server: cluster.server.replace(/\/+$/, ''),
    ca: pick(cluster['certificate-authority-data'], cluster['certificate-authority']),
    cert: pick(user['client-certificate-data'], user['client-certificate']),
    key: pick(user['client-key-data'], user['client-key']),
    token: user.token,
  };
}

export class KubeError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} → ${status}: ${String(body).slice(0, 300)}`);
    this.status = status;
  }
}

export class KubeClient {
  /** @param {ReturnType<typeof loadKubeconfig>} kc @param {{ connections?: number }} [opts] */
  constructor(kc, opts = {}) {
    this.kc = kc;
    this.pool = new Pool(kc.server, {
      connections: opts.connections ?? 16,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { ca: kc.ca, cert: kc.cert, key: kc.key },
    });
  }

  /**
   * @param {string} method @param {string} path
   * @param {{ body?: unknown, contentType?: string, ok?: number[] }} [opts]
   * @returns {Promise<{ status: number, json: any }>}
   */
  async request(method, path, opts = {}) {
    const headers = { accept: 'application/json' };
    if (this.kc.token) headers.authorization = `Bearer ${this.kc.token}`;
    let body;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    const res = await this.pool.request({ method, path, headers, body });
    const text = await res.body.text();
    const ok = opts.ok ?? [];
    if (res.statusCode >= 300 && !ok.includes(res.statusCode)) throw new KubeError(method, path, res.statusCode, text);
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: res.statusCode, json };
  }

  /** Creates an object; an existing one (409) is fine (the fixture is re-runnable). */
  async create(collectionPath, obj) {
    const r = await this.request('POST', collectionPath, { body: obj, ok: [409] });
    return r.status === 409 ? 'exists' : 'created';
  }

  mergePatch(path, patch) {
    return this.request('PATCH', path, { body: patch, contentType: 'application/merge-patch+json' });
  }

  /** Every item of a collection, paged like kubectl (limit 500). */
  async listAll(path, query = {}) {
    const items = [];
    let cont;
    let resourceVersion;
    do {
      const q = new URLSearchParams({ ...query, limit: '500', ...(cont ? { continue: cont } : {}) });
      const { json } = await this.request('GET', `${path}?${q}`);
      items.push(...json.items);
      cont = json.metadata?.continue;
      resourceVersion = json.metadata?.resourceVersion;
    } while (cont);
    return { items, resourceVersion };
  }

  /**
   * A raw watch (from `resourceVersion`); calls onEvent(event, receivedAtEpochMs) for each line as it
   * arrives. Returns { stop(), done }.
   */
  watch(path, resourceVersion, onEvent) {
    const controller = new AbortController();
    const q = new URLSearchParams({ watch: '1', resourceVersion, allowWatchBookmarks: 'false', timeoutSeconds: '3600' });
    const done = (async () => {
      const headers = { accept: 'application/json' };
      if (this.kc.token) headers.authorization = `Bearer ${this.kc.token}`;
      const res = await this.pool.request({ method: 'GET', path: `${path}?${q}`, headers, signal: controller.signal });
      if (res.statusCode !== 200) throw new KubeError('WATCH', path, res.statusCode, await res.body.text());
      let buf = '';
      try {
        for await (const chunk of res.body) {
          const t = performance.timeOrigin + performance.now();
          buf += chunk.toString('utf8');
          let nl;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (line) onEvent(JSON.parse(line), t);
          }
        }
      } catch (err) {
        if (!controller.signal.aborted) throw err;

      }
    })();
    return { stop: () => controller.abort(), done: done.catch(() => {}) };
  }

  close() { return this.pool.close(); }
}

/**
 * Runs fn over items with at most `concurrency` in flight; returns results in order.
 * @template T, R
 * @param {T[]} items @param {number} concurrency @param {(item: T, i: number) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export async function mapLimit(items, concurrency, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
