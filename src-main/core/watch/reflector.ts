import { ApiError, ClientCertificateError, RequestTimeoutError, deepMessage, isNetworkError, toContractError } from '../cluster/apiError';
import { StreamConnectionDeadError } from '../cluster/streamLiveness';
import { Backoff } from './backoff';
import type { ListWatchSource, RawObject, RawWatchEvent } from './listWatch';
import type { Store, StoreChange } from './store';
import { watchDebug } from './watchDebug';
import type { TableColumn } from '../../../shared/contract/resources';

export type ReflectorState = 'idle' | 'listing' | 'watching' | 'backoff' | 'forbidden' | 'unauthorized' | 'stopped';

export interface ReflectorOptions<T> {
  transform(raw: RawObject): T | undefined;
  onChanges(changes: StoreChange<T>[], columns?: TableColumn[]): void;
  /** Called once per successful LIST with the whole store (after the diff was applied). */
  onSynced?(): void;
  onState?(state: ReflectorState, reason?: string): void;
  pageSize?: number;
  /** Server-side watch timeout range in seconds; client-go uses [300, 600). */
  watchTimeoutRange?: [number, number];
  /**
   * A watch the server ends normally after at least this long without a single event or bookmark is
   * taken as stalled on a resourceVersion the server has not reached, and answered with a relist.
   */
  silentWatchMs?: number;
  backoff?: Backoff;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /** The clock that times watches (tests script it). */
  now?: () => number;
}

function givenUpWhileServerAnswers(err: unknown): boolean {
  let e: any = err;
  for (let i = 0; e && i < 6; i++, e = e.cause) if (e instanceof StreamConnectionDeadError) return e.serverAnswers;
  return false;
}

/** More than one of kube-apiserver's bookmark intervals (about a minute) for a watch that asked for them. */
const SILENT_WATCH_MS = 90_000;

const abortableSleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  if (signal.aborted) return resolve();
  // The reflector's signal lives as long as the reflector: a sleep that ends normally removes its listener.
  const onAbort = () => { clearTimeout(t); resolve(); };
  const t = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
  signal.addEventListener('abort', onAbort, { once: true });
});

/**
 * List then watch, forever, keeping a Store equal to the server's state (client-go's reflector):
 * paged LIST; WATCH from the list's resourceVersion with bookmarks and a random server timeout;
 * closed watches, refused connections and 429s re-watch from the last resourceVersion without
 * relisting; 410 Gone and "resourceVersion too large" relist and emit only the differences; 401/403
 * stop and surface as a state.
 */
export class Reflector<T extends { resourceVersion?: string }> {
  private controller = new AbortController();
  /** The current list, watch or backoff wait; aborted to start over with a relist (see relist). */
  private attempt = new AbortController();
  private backoffReset = false;
  private running: Promise<void> | undefined;
  private resourceVersion = '';
  private needList = true;
  private unauthorizedOnce = false;
  private columns: TableColumn[] | undefined;
  state: ReflectorState = 'idle';
  stateReason: string | undefined;
  stateSince = new Date();
  /** Counters that tests and benchmarks read. */
  readonly stats = { lists: 0, watches: 0, relists: 0, events: 0 };

  constructor(
    private readonly source: ListWatchSource,
    readonly store: Store<T>,
    private readonly keyOf: (raw: RawObject) => string | undefined,
    private readonly opts: ReflectorOptions<T>,
  ) {}

  get lastResourceVersion(): string { return this.resourceVersion; }
  get tableColumns(): TableColumn[] | undefined { return this.columns; }

  start(): void {
    if (this.running) return;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.controller.abort(new Error('reflector stopped'));
    await this.running;
    this.setState('stopped');
  }

  /**
   * Drops what is in flight (a watch on a connection that was replaced, a backoff wait) and lists
   * again at once: the store emits exactly the differences from what it held.
   */
  relist(): void {
    this.needList = true;
    this.backoffReset = true;
    this.attempt.abort(new Error('relist requested'));
  }

  /** When data stopped being live; kept through retry cycles until a list or watch succeeds again. */
  troubleSince: Date | undefined;

  private get name(): string { return this.source.describe?.() ?? 'reflector'; }

  private setState(state: ReflectorState, reason?: string): void {
    if (state === 'backoff' || state === 'forbidden' || state === 'unauthorized') this.troubleSince ??= new Date();
    if (this.state === state && this.stateReason === reason) return;
    watchDebug(() => `${this.name}: ${this.state} -> ${state}${reason ? ` (${reason})` : ''}`);
    this.state = state;
    this.stateReason = reason;
    this.stateSince = new Date();
    this.opts.onState?.(state, reason);
  }

  private recovered(): void {
    if (this.troubleSince === undefined) return;
    this.troubleSince = undefined;
    this.opts.onState?.(this.state, this.stateReason);
  }

  private async loop(): Promise<void> {
    const signal = this.controller.signal;
    const backoff = this.opts.backoff ?? new Backoff();
    const sleep = this.opts.sleep ?? abortableSleep;
    const now = this.opts.now ?? Date.now;
    while (!signal.aborted) {
      const attempt = new AbortController();
      this.attempt = attempt;
      const cycle = AbortSignal.any([signal, attempt.signal]);
      if (this.backoffReset) { this.backoffReset = false; backoff.reset(); }
      try {
        if (this.needList) {
          await this.listAll(cycle);
          this.needList = false;
          backoff.healthy();
        }
        const started = now();
        let events = 0;
        await this.watchOnce(cycle, () => { events++; backoff.healthy(); });
        if (cycle.aborted) continue;
        const lasted = now() - started;
        // A watch that closes in under a second with no events is an error in disguise.
        if (events === 0 && lasted < 1000) throw new Error('very short watch');
        // kube-apiserver (1.35, checked) answers a watch from a resourceVersion it has not reached yet
        // (etcd restored from an older backup, the context now pointing at another cluster) with 200
        // and then nothing, not even the bookmark it sends every minute or so, until the timeout; and
        // re-watching from there stalls again, forever. A consistent relist gets the server's own.
        if (events === 0 && lasted >= (this.opts.silentWatchMs ?? SILENT_WATCH_MS)) {
          watchDebug(() => `${this.name}: watch from rv ${this.resourceVersion} ended after ${lasted} ms without an event or bookmark -> relist`);
          this.needList = true;
          this.stats.relists++;
        }
      } catch (err) {
        if (signal.aborted) break;
        // relist() cut this attempt short: start over with a list, no backoff.
        if (attempt.signal.aborted) { this.stats.relists++; continue; }
        const decision = this.classify(err);
        watchDebug(() => `${this.name}: ${deepMessage(err)} -> ${decision}`);
        if (decision === 'stop') return;
        if (decision === 'relist') {
          // 410 Gone and the like: the server is there, so the relist starts now.
          this.needList = true;
          this.stats.relists++;
          continue;
        }
        // What a person reads (freshness badge): a sentence, not "connect ECONNREFUSED 127.0.0.1:1".
        const reason = toContractError(err).message;
        // The connection was given up because the server answers over a new one: go again at once.
        if (givenUpWhileServerAnswers(err)) { this.setState('backoff', reason); continue; }
        this.setState('backoff', reason);
        const wait = err instanceof ApiError && err.status === 429 && err.retryAfterSeconds
          ? err.retryAfterSeconds * 1000 : backoff.next();
        await this.waitToRetry(wait, err, cycle, sleep);
      }
    }
  }

  /**
   * The backoff wait before a retry. When the failure was the network's (refused, reset, timed out,
   * a stalled stream), the wait also ends as soon as the source learns that the server answers again
   * (the context's link probes it): every informer of the context then retries at once.
   */
  private async waitToRetry(ms: number, err: unknown, cycle: AbortSignal, sleep: (ms: number, signal: AbortSignal) => Promise<void>): Promise<void> {
    const networky = isNetworkError(err) || err instanceof RequestTimeoutError || (err instanceof ApiError && err.status === 0);
    if (!networky || !this.source.untilHealthy) return sleep(ms, cycle);
    const woken = new AbortController();
    const wait = AbortSignal.any([cycle, woken.signal]);
    const healthy = this.source.untilHealthy(wait).then(() => {
      if (!wait.aborted) watchDebug(() => `${this.name}: the server answers again -> retry now`);
      woken.abort();
    });
    await sleep(ms, wait);
    woken.abort();
    await healthy;
  }

  private classify(err: unknown): 'stop' | 'relist' | 'retry' {
    if (err instanceof ApiError) {
      // Our LIST is always a consistent read (no resourceVersion), so a relist starts from scratch.
      if (err.isGone || err.isResourceVersionTooLarge) return 'relist';
      if (err.status === 403) { this.setState('forbidden', err.message); return 'stop'; }
      if (err.status === 401) {
        // Credentials may have just expired: client-node refreshes exec/OIDC tokens on the next
        // request, so retry once; a second 401 is a real auth failure.
        if (!this.unauthorizedOnce) { this.unauthorizedOnce = true; return 'retry'; }
        this.setState('unauthorized', err.message);
        return 'stop';
      }
      return 'retry';
    }
    // An expired or not-yet-valid client certificate stays so until the kubeconfig changes (which
    // gives the context a new connection): say so instead of retrying forever as "reconnecting".
    if (err instanceof ClientCertificateError) { this.setState('unauthorized', err.message); return 'stop'; }
    if (isNetworkError(err)) return 'retry';
    return 'retry';
  }

  private async listAll(signal: AbortSignal): Promise<void> {
    this.setState('listing');
    const pageSize = this.opts.pageSize ?? 500;
    const entries: [string, T][] = [];
    let cont: string | undefined;
    let rv: string;
    for (;;) {
      let page;
      try {
        page = await this.source.list({ limit: pageSize, continue: cont }, signal);
      } catch (err) {
        // An expired continue token (about 5 minutes): start the list again from the top.
        if (cont && err instanceof ApiError && err.isGone) { cont = undefined; entries.length = 0; continue; }
        throw err;
      }
      if (page.columns) this.columns = page.columns;
      for (const raw of page.items) {
        const key = this.keyOf(raw);
        const obj = key ? this.safeTransform(raw) : undefined;
        if (key && obj) entries.push([key, obj]);
      }
      rv = page.resourceVersion;
      if (!page.continue) break;
      cont = page.continue;
    }
    this.stats.lists++;
    watchDebug(() => `${this.name}: listed ${entries.length} at rv ${rv}`);
    this.unauthorizedOnce = false;
    this.resourceVersion = rv;
    this.troubleSince = undefined;
    const changes = this.store.replace(entries);
    if (changes.length) this.opts.onChanges(changes, this.columns);
    this.opts.onSynced?.();
  }

  private async watchOnce(signal: AbortSignal, onActivity: () => void): Promise<void> {
    const [lo, hi] = this.opts.watchTimeoutRange ?? [300, 600];
    const random = this.opts.random ?? Math.random;
    const timeoutSeconds = Math.floor(lo + random() * (hi - lo));
    this.stats.watches++;
    watchDebug(() => `${this.name}: watch from rv ${this.resourceVersion}`);
    await this.source.watch(
      { resourceVersion: this.resourceVersion, timeoutSeconds, inactivityMs: (timeoutSeconds + 30) * 1000 },
      (ev) => { this.handle(ev); onActivity(); },
      signal,
      () => { this.setState('watching'); this.recovered(); },
    );
  }

  private handle(ev: RawWatchEvent): void {
    this.stats.events++;
    this.unauthorizedOnce = false;
    if (ev.type === 'ERROR') {
      const code = ev.status.code ?? 500;
      throw new ApiError(code, ev.status.message ?? 'watch error', ev.status.reason, undefined, ev.status);
    }
    if (ev.type === 'BOOKMARK') {
      if (ev.resourceVersion) this.resourceVersion = ev.resourceVersion;
      return;
    }
    if (ev.columns) this.columns = ev.columns;
    const key = this.keyOf(ev.object);
    const rv = ev.object.metadata?.resourceVersion;
    if (!key) return;
    let change: StoreChange<T> | undefined;
    if (ev.type === 'DELETED') change = this.store.delete(key);
    else {
      const obj = this.safeTransform(ev.object);
      if (obj) change = this.store.upsert(key, obj);
    }
    if (rv) this.resourceVersion = rv;
    if (change) this.opts.onChanges([change], ev.columns);
  }

  private safeTransform(raw: RawObject): T | undefined {
    try { return this.opts.transform(raw); } catch { return undefined; }
  }
}
