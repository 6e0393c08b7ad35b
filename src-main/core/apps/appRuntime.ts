import { watch, type FSWatcher } from 'node:fs';
import type { Core } from '../core';
import type { ObjectEntry } from '../watch/watchHub';
import type { SharedInformer } from '../watch/informer';
import { renderSource, detectSource, type Rendered } from './renderSource';
import { takeSnapshot, type CachedComparison, type Snapshot } from './appSnapshot';
import { errorText } from './compareObject';
import { gitRevision } from './gitRevision';
import type { DesiredObject } from './desiredObjects';
import { APPLYSET_PART_OF_LABEL } from '../../../shared/apps/applySet';
import type { AppDef, AppState } from '../../../shared/contract/apps';

/** Quiet time after the last file event before re-rendering (an editor's save is several events). */
const FILE_DEBOUNCE_MS = 250;
/** Quiet time after a cluster change before re-comparing (a rollout is a burst of updates). */
const CLUSTER_DEBOUNCE_MS = 150;

interface Held { informer: SharedInformer<ObjectEntry>; release: () => void; removeHandler: () => void }

/**
 * One application kept current while someone looks at it: the folder is watched (debounced re-render),
 * the cluster side comes from the shared informers of every resource and namespace the application
 * touches (a change to one of its objects re-compares, reusing unchanged comparisons). A failed
 * render keeps the last good one, marked stale.
 */
export class AppRuntime {
  state: AppState;
  snapshot?: Snapshot;
  lastGood?: Rendered;
  private readonly cache = new Map<string, CachedComparison>();
  private readonly listeners = new Set<(s: AppState) => void>();
  private readonly informers = new Map<string, Held>();
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private renderDue = true;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly core: Core, public app: AppDef, readonly applySetId: string) {
    this.state = {
      app, source: { type: 'none', message: 'not read yet' }, syncStatus: 'Unknown', health: 'Unknown',
      counts: { synced: 0, outOfSync: 0, missing: 0, extra: 0, errors: 0 }, refreshing: true, stale: false, objects: [], problems: [], applySetId,
    };
  }

  start(): void {
    try {
      this.watcher = watch(this.app.path, { recursive: true }, (_event, file) => {
        // Inside .git only HEAD matters (a commit or checkout; the files a checkout changes are seen anyway).
        if (file && /(^|[/\\])\.git([/\\]|$)/.test(String(file)) && !/[/\\]HEAD$/.test(String(file))) return;
        this.schedule(true, FILE_DEBOUNCE_MS);
      });
      this.watcher.on('error', () => { /* the folder vanished: the next render says so */ });
    } catch { /* not a folder: the render reports it */ }
    this.schedule(true, 0);
  }

  subscribe(l: (s: AppState) => void): () => void {
    this.listeners.add(l);
    l(this.state);
    return () => this.listeners.delete(l);
  }
  get listenerCount(): number { return this.listeners.size; }

  /** Re-render (`render`) or only re-compare after `delayMs` of quiet. */
  schedule(render: boolean, delayMs: number): void {
    if (this.stopped) return;
    if (render) this.renderDue = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { void this.refresh(); }, delayMs);
  }

  /** Runs one refresh (or queues one more after the current). Resolves when the state is current. */
  refresh(): Promise<void> {
    if (this.running) { this.again = true; return this.running; }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) { this.again = false; void this.refresh(); }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    try { await this.runOnce(); } catch (err) {
      // A context that left the kubeconfig, a renderer that could not start: said on the page, never thrown away.
      this.update({ refreshing: false, syncStatus: 'Unknown', stale: true, renderError: errorText(err) });
    }
  }

  private async runOnce(): Promise<void> {
    this.update({ refreshing: true });
    const http = this.core.connection(this.app.context).http;
    let rendered = this.lastGood;
    let renderError: string | undefined;
    let source = this.state.source;
    if (this.renderDue || !rendered) {
      this.renderDue = false;
      source = await detectSource(this.app.path);
      const r = await renderSource(this.app);
      if (r.failed) renderError = r.failed; else { rendered = r; this.lastGood = r; }
    } else if (this.state.stale) renderError = this.state.renderError;
    try {
      const snap = await takeSnapshot(http, this.app, this.applySetId, rendered ?? { objects: [], problems: [], renderer: 'none' }, this.cache, (d) => this.liveRv(d));
      this.snapshot = snap;
      this.follow(snap);
      const revision = await gitRevision(this.app.path);
      this.update({
        source, ...snap.summary, objects: snap.objects, problems: [...(rendered?.problems ?? []), ...(renderError ? [{ file: this.app.path, message: renderError }] : [])],
        stale: !!renderError, ...(renderError ? { renderError } : { renderError: undefined }), revision, refreshing: false, refreshedAt: new Date().toISOString(),
      });
    } catch (err) {
      this.update({ source, refreshing: false, syncStatus: 'Unknown', stale: true, renderError: renderError ?? `could not compare with the cluster: ${errorText(err)}` });
    }
  }

  private update(patch: Partial<AppState>): void {
    const next: any = { ...this.state, ...patch, app: this.app };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    this.state = next;
    for (const l of [...this.listeners]) l(this.state);
  }

  private liveRv(d: DesiredObject): string | undefined {
    const held = this.informers.get(informerId(d, d.namespace));
    if (!held?.informer.hasSynced) return undefined;
    for (const e of held.informer.store.list()) if (e.name === d.name && (e.namespace ?? undefined) === d.namespace) return e.resourceVersion;
    return '';
  }

  /** Holds the shared informers of every (resource, namespace) the snapshot touches; releases the rest. */
  private follow(snap: Snapshot): void {
    const wanted = new Map<string, { group: string; version: string; resource: string; namespace?: string }>();
    for (const d of snap.desired) wanted.set(informerId(d, d.namespace), { ...d });
    for (const m of snap.members) wanted.set(informerId(m, m.namespace), { ...m });
    const parent = { group: '', version: 'v1', resource: 'secrets', namespace: this.app.namespace };
    wanted.set(informerId(parent, parent.namespace), parent);
    this.names = new Set([...snap.desired.map((d) => `${d.namespace ?? ''}/${d.name}`), `${this.app.namespace}/${this.app.name}`]);
    for (const [id, held] of this.informers) {
      if (wanted.has(id)) continue;
      held.removeHandler(); held.release(); this.informers.delete(id);
    }
    for (const [id, r] of wanted) {
      if (this.informers.has(id)) continue;
      const { informer, release } = this.core.hub.acquire<ObjectEntry>({ context: this.app.context, group: r.group, version: r.version, resource: r.resource, ...(r.namespace ? { namespace: r.namespace } : {}), representation: 'object' });
      let synced = informer.hasSynced;
      const relevant = (o: ObjectEntry | undefined) => !!o && (this.names.has(`${o.namespace ?? ''}/${o.name}`) || o.labels?.[APPLYSET_PART_OF_LABEL] === this.applySetId);
      const removeHandler = informer.addHandler({
        onSync: () => { if (synced) this.schedule(false, CLUSTER_DEBOUNCE_MS); synced = true; },
        onChanges: (changes) => {
          if (changes.some((c) => relevant(c.type === 'deleted' ? c.old : c.obj) || (c.type === 'updated' && relevant(c.old)))) this.schedule(false, CLUSTER_DEBOUNCE_MS);
        },
        onFreshness: () => {},
      });
      this.informers.set(id, { informer, release, removeHandler });
    }
  }
  /** `namespace/name` of the source's objects and the parent; relevance reads the latest render's set. */
  private names = new Set<string>();

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    for (const held of this.informers.values()) { held.removeHandler(); held.release(); }
    this.informers.clear();
  }
}

const informerId = (r: { group: string; version: string; resource: string }, ns?: string) => `${r.group}/${r.version}/${r.resource}|${ns ?? ''}`;
