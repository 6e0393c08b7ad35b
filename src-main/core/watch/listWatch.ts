import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { LinkHttp } from '../cluster/contextLink';
import { ApiError } from '../cluster/apiError';
import type { TableColumn } from '../../../shared/contract/resources';
import type { ResourcePath } from '../cluster/resourcePath';
import { collectionPath } from '../cluster/resourcePath';
import { splitList } from './listItems';

/** One object as it comes off the wire: a full object, or a Table row normalised to look like one. */
export interface RawObject {
  metadata?: { uid?: string; name?: string; namespace?: string; resourceVersion?: string; [k: string]: unknown };
  /** Only for the table representation: the printed cells. */
  cells?: unknown[];
  [k: string]: unknown;
}

export interface ListPage {
  /** Iterated once, in order; may parse lazily. */
  items: Iterable<RawObject>;
  resourceVersion: string;
  continue?: string;
  columns?: TableColumn[];
}

export type RawWatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: RawObject; columns?: TableColumn[] }
  | { type: 'BOOKMARK'; resourceVersion: string }
  | { type: 'ERROR'; status: { code?: number; reason?: string; message?: string; details?: unknown } };

export interface ListWatchSource {
  list(opts: { limit: number; continue?: string }, signal: AbortSignal): Promise<ListPage>;
  /** Streams events until the server ends the watch (resolve) or it fails (reject). */
  watch(opts: { resourceVersion: string; timeoutSeconds: number; inactivityMs: number }, onEvent: (e: RawWatchEvent) => void, signal: AbortSignal, onOpen?: () => void): Promise<void>;
  /** What is listed and how busy the connections are, for the debug log (watchDebug.ts). */
  describe?(): string;
  /** Resolves when the server answers again after network failures (or when `signal` aborts). */
  untilHealthy?(signal: AbortSignal): Promise<void>;
}

/** The HTTP a list+watch needs: a KubeHttp, or a context link's late-bound one. */
export type ListWatchHttp = Pick<LinkHttp, 'raw' | 'poolStats'>;

export type Representation = 'object' | 'table';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

function tableColumns(table: any): TableColumn[] | undefined {
  const defs = table?.columnDefinitions;
  if (!Array.isArray(defs) || defs.length === 0) return undefined;
  return defs.map((d: any) => ({ name: String(d.name), type: String(d.type), format: d.format || undefined, priority: Number(d.priority ?? 0), description: d.description }));
}

const tableRow = (r: any): RawObject => ({ ...(r.object ?? {}), metadata: r.object?.metadata ?? {}, cells: r.cells ?? [] });

function tableRows(table: any): RawObject[] {
  return (table?.rows ?? []).map(tableRow);
}

function mapIterable<A, B>(xs: Iterable<A>, f: (x: A) => B): Iterable<B> {
  return { *[Symbol.iterator]() { for (const x of xs) yield f(x); } };
}

/** ListWatch over HTTP for one resource and scope (client-go's listwatch.go). */
export class HttpListWatch implements ListWatchSource {
  constructor(
    private readonly http: ListWatchHttp,
    private readonly resource: ResourcePath,
    private readonly namespace: string | undefined,
    private readonly representation: Representation,
    /** Narrows the collection (labelSelector, fieldSelector) for both the LIST and the WATCH. */
    private readonly selectors: { labelSelector?: string; fieldSelector?: string } = {},
    /** The context's link, when the source is one of its informers (wakes backoff waits when the server is back). */
    health?: { untilHealthy(signal: AbortSignal): Promise<void> },
  ) {
    if (health) this.untilHealthy = (signal) => health.untilHealthy(signal);
  }

  readonly untilHealthy?: (signal: AbortSignal) => Promise<void>;

  private get path(): string { return collectionPath(this.resource, this.namespace); }

  describe(): string {
    const p = this.http.poolStats();
    return `${this.path}${this.representation === 'table' ? ' (table)' : ''}${p ? ` [pool running ${p.running}, queued ${p.pending}, connections ${p.connected}]` : ''}`;
  }
  private get accept(): string { return this.representation === 'table' ? TABLE_ACCEPT : 'application/json'; }

  async list(opts: { limit: number; continue?: string }, signal: AbortSignal): Promise<ListPage> {
    // Cluster-wide LISTs may take up to 30 s by the SLO: give them 60 s, never a 5-10 s UI timeout.
    const res = await this.http.raw('GET', this.path, {
      query: { ...this.selectors, limit: opts.limit, continue: opts.continue }, accept: this.accept, signal, timeoutMs: 60_000,
    });
    // Items are parsed one at a time as the reflector takes them (see listItems.ts: memory).
    const { header, items } = splitList(await res.text(), this.representation === 'table' ? 'rows' : 'items');
    const meta = header?.metadata ?? {};
    const page = { resourceVersion: String(meta.resourceVersion ?? ''), continue: meta.continue || undefined };
    if (this.representation === 'table') {
      return { ...page, items: mapIterable(items, tableRow), columns: tableColumns(header) };
    }
    // LIST items carry no kind/apiVersion of their own; the list's kind (PodList → Pod) is theirs.
    const kind = typeof header?.kind === 'string' ? header.kind.replace(/List$/, '') : undefined;
    const apiVersion = header?.apiVersion;
    return { ...page, items: mapIterable(items, (i: RawObject) => { if (!i.kind) { i.kind = kind; i.apiVersion = apiVersion; } return i; }) };
  }

  async watch(opts: { resourceVersion: string; timeoutSeconds: number; inactivityMs: number }, onEvent: (e: RawWatchEvent) => void, signal: AbortSignal, onOpen?: () => void): Promise<void> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    // A stream silent past its deadline is dead (a dropped connection that never said so): replace it.
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    let body: Readable | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { stalled = true; controller.abort(new Error('watch stream silent past its deadline')); }, opts.inactivityMs);
      timer.unref?.();
    };
    try {
      arm();
      const res = await this.http.raw('GET', this.path, {
        query: { ...this.selectors, watch: 1, resourceVersion: opts.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: opts.timeoutSeconds },
        accept: this.accept, signal: controller.signal,
      });
      arm();
      onOpen?.();
      body = Readable.fromWeb(res.body as any);
      // Errors surface through the line iterator below; this keeps an abort after the end from being unhandled.
      body.on('error', () => {});
      body.on('data', arm);
      const lines = createInterface({ input: body, crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        let ev: any;
        try { ev = JSON.parse(line); } catch {
          throw new Error(`unparseable watch line (${line.length} bytes)`);
        }
        onEvent(this.normalise(ev));
      }
    } catch (err) {
      if (stalled) throw new ApiError(0, 'watch stream stalled', 'Stalled');
      throw err;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      body?.destroy();
      controller.abort();
    }
  }

  private normalise(ev: any): RawWatchEvent {
    const type = ev?.type;
    const obj = ev?.object;
    if (type === 'ERROR') return { type: 'ERROR', status: { code: obj?.code, reason: obj?.reason, message: obj?.message, details: obj?.details } };
    if (type === 'BOOKMARK') {
      const rv = obj?.metadata?.resourceVersion ?? obj?.rows?.[0]?.object?.metadata?.resourceVersion ?? '';
      return { type: 'BOOKMARK', resourceVersion: String(rv) };
    }
    if (this.representation === 'table' && obj?.kind === 'Table') {
      const row = tableRows(obj)[0];
      return { type, object: row ?? { metadata: {} }, columns: tableColumns(obj) };
    }
    return { type, object: obj };
  }
}
