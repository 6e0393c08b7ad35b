import { join, resolve as resolvePath } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import type { Core, CoreState } from '../core';
import { AppStore } from './appStore';
import { AppRuntime } from './appRuntime';
import { renderSource } from './renderSource';
import { compareObject, errorText } from './compareObject';
import { previewSync, syncApp, type SyncOptions } from './syncApp';
import { activityLogOf } from '../actions/activityLog';
import { noteSyncOnTimelines } from './syncTimeline';
import { maskSecretPair } from '../../../shared/apps/secretDiffMask';
import { objectPath } from '../cluster/resourcePath';
import { ContractError } from '../../../shared/contract/contractError';
import { applySetId, secretParent } from '../../../shared/apps/applySet';
import { normalizeForDiff } from '../../../shared/apps/normalizeForDiff';
import type { AppDef, AppDiff, AppState, AppSummary, SyncPlan, SyncResult } from '../../../shared/contract/apps';

/** A runtime with no watcher left keeps going this long, so switching views does not re-render. */
const LINGER_MS = 30_000;

const toYaml = (o: Record<string, any> | undefined) => (o ? stringify(normalizeForDiff(o), { sortMapEntries: false }) : '');
/** Both sides of a diff as YAML, Secret values masked like kubectl diff (never a value, but which keys change). */
const diffTexts = (live: Record<string, any> | undefined, desired: Record<string, any> | undefined) => {
  const [l, d] = maskSecretPair(live, desired);
  return { live: toYaml(l), desired: toYaml(d) };
};

/** Every application of one core: the stored definitions and the runtimes of those being looked at. */
export class AppsService {
  readonly store: AppStore;
  private readonly runtimes = new Map<string, { rt: AppRuntime; refs: number; linger?: NodeJS.Timeout }>();
  private readonly listListeners = new Set<() => void>();
  private readonly starting = new Map<string, Promise<{ rt: AppRuntime; refs: number; linger?: NodeJS.Timeout }>>();

  constructor(private readonly core: Core) {
    this.store = new AppStore(join(core.options.dataDir, 'applications.json'));
    core.onDispose.push(() => { for (const r of this.runtimes.values()) { clearTimeout(r.linger); r.rt.stop(); } this.runtimes.clear(); });
  }

  async add(p: Omit<AppDef, 'id' | 'createdAt' | 'lastSync'>): Promise<AppDef> {
    const path = resolvePath(p.path);
    const clash = this.store.list().find((a) => a.context === p.context && a.namespace === p.namespace && a.name === p.name);
    if (clash) throw new ContractError('conflict', `An application named "${p.name}" in namespace ${p.namespace} of ${p.context} already exists: its apply set would be shared.`);
    this.core.connection(p.context);
    const app: AppDef = { ...p, path, id: `${p.name}-${randomBytes(3).toString('hex')}`, createdAt: new Date().toISOString() };
    this.store.put(app);
    this.changed();
    return app;
  }

  remove(id: string): boolean {
    const r = this.runtimes.get(id);
    if (r) { clearTimeout(r.linger); r.rt.stop(); this.runtimes.delete(id); }
    const removed = this.store.remove(id);
    this.changed();
    return removed;
  }

  private app(id: string): AppDef {
    const app = this.store.get(id);
    if (!app) throw new ContractError('not-found', `No application with id ${id}.`);
    return app;
  }

  /** The running runtime of an application, started if needed; `release` lets it linger, then stop. */
  async acquire(id: string): Promise<{ rt: AppRuntime; release: () => void }> {
    const app = this.app(id);
    let entry = this.runtimes.get(id);
    if (!entry) {
      // One runtime per application even when the list and the page ask at the same moment.
      let starting = this.starting.get(id);
      if (!starting) {
        starting = applySetId(secretParent(app.name, app.namespace)).then((setId) => {
          const e = { rt: new AppRuntime(this.core, app, setId), refs: 0 };
          this.runtimes.set(id, e);
          this.starting.delete(id);
          e.rt.start();
          return e;
        });
        this.starting.set(id, starting);
      }
      entry = await starting;
    }
    const e = entry;
    clearTimeout(e.linger);
    e.refs++;
    let released = false;
    return {
      rt: e.rt,
      release: () => {
        if (released) return;
        released = true;
        if (--e.refs > 0) return;
        e.linger = setTimeout(() => { if (e.refs === 0 && this.runtimes.get(id) === e) { e.rt.stop(); this.runtimes.delete(id); } }, LINGER_MS);
        e.linger.unref?.();
      },
    };
  }

  /** Watches one application's state. */
  watch(id: string, emit: (s: AppState) => void, fail: (err: unknown) => void): () => void {
    let stop: (() => void) | undefined;
    let closed = false;
    this.acquire(id).then(({ rt, release }) => {
      if (closed) { release(); return; }
      const unsub = rt.subscribe(emit);
      stop = () => { unsub(); release(); };
    }, fail);
    return () => { closed = true; stop?.(); };
  }

  /** Watches every application's summary (each runtime runs while the list is watched). */
  watchList(emit: (apps: AppSummary[]) => void): () => void {
    const held = new Map<string, () => void>();
    const states = new Map<string, AppSummary>();
    let timer: NodeJS.Timeout | undefined;
    const send = () => {
      clearTimeout(timer);
      timer = setTimeout(() => emit(this.store.list().map((a) => states.get(a.id) ?? summaryOf(a))), 50);
    };
    const sync = () => {
      const ids = new Set(this.store.list().map((a) => a.id));
      for (const [id, stop] of held) if (!ids.has(id)) { stop(); held.delete(id); states.delete(id); }
      for (const a of this.store.list()) {
        if (held.has(a.id)) continue;
        held.set(a.id, this.watch(a.id, (s) => { const { objects: _o, problems: _p, applySetId: _i, ...summary } = s; states.set(a.id, summary); send(); }, () => {}));
      }
      send();
    };
    this.listListeners.add(sync);
    sync();
    return () => { this.listListeners.delete(sync); clearTimeout(timer); for (const stop of held.values()) stop(); };
  }

  private changed(): void { for (const l of [...this.listListeners]) l(); }

  async diff(id: string, key: string): Promise<AppDiff> {
    const { rt, release } = await this.acquire(id);
    try {
      if (!rt.snapshot) await rt.refresh();
      const snap = rt.snapshot;
      const status = rt.state.objects.find((o) => o.key === key);
      if (!snap || !status) throw new ContractError('not-found', `The application has no object ${key}.`);
      const http = this.core.connection(rt.app.context).http;
      const d = snap.desired.find((x) => x.key === key);
      if (d) {
        const c = await compareObject(http, d);
        return { key, state: c.state, reason: c.reason, paths: c.paths, ...diffTexts(c.live, c.wouldBe ?? (c.state === 'Missing' ? d.object : undefined)) };
      }
      const m = snap.members.find((x) => x.key === key);
      if (m) {
        const live = await http.request('GET', objectPath(m, m.namespace, m.name), { timeoutMs: 30_000 }).catch(() => undefined);
        return { key, state: 'Extra', reason: status.reason, paths: [], ...diffTexts(live, undefined) };
      }
      return { key, state: status.state, reason: status.reason, paths: [], live: '', desired: '' };
    } finally { release(); }
  }

  async preview(id: string, opts: SyncOptions): Promise<SyncPlan> {
    const app = this.app(id);
    const rendered = await renderSource(app);
    if (rendered.failed) throw new ContractError('bad-request', `The source does not render: ${rendered.failed}`);
    return previewSync(this.core.connection(app.context).http, app, await applySetId(secretParent(app.name, app.namespace)), rendered, opts);
  }

  async sync(id: string, opts: SyncOptions): Promise<SyncResult> {
    const app = this.app(id);
    const log = activityLogOf(this.core);
    const action = `application sync${opts.force ? ' (force)' : ''}${opts.prune ? ' (prune)' : ''}`;
    const result = await log.track({ context: app.context, namespace: app.namespace, action, target: `application ${app.name}` }, async () => {
      const rendered = await renderSource(app);
      if (rendered.failed) throw new ContractError('bad-request', `The source does not render: ${rendered.failed}`);
      return syncApp(this.core.connection(app.context).http, app, await applySetId(secretParent(app.name, app.namespace)), rendered, opts);
    }, (r) => ({
      outcome: r.ok ? 'ok' : r.items.some((i) => i.outcome === 'conflict') ? 'conflict' : 'error',
      message: `${r.message}: ${r.items.filter((i) => i.outcome !== 'skipped').map((i) => `${i.outcome} ${i.key}`).join(', ')}`.slice(0, 4000),
    })).catch((err) => { this.recordLastSync(app, 'error', errorText(err)); throw err; });
    this.recordLastSync(app, result.ok ? 'ok' : 'failed', result.message);
    await noteSyncOnTimelines(this.core, app, result);
    const r = this.runtimes.get(id);
    r?.rt.schedule(false, 0);
    return result;
  }

  private recordLastSync(app: AppDef, outcome: string, message: string): void {
    const current = this.store.get(app.id);
    if (!current) return;
    const updated = { ...current, lastSync: { at: new Date().toISOString(), by: 'Wheelhouse (field manager wheelhouse)', outcome, message } };
    this.store.put(updated);
    const r = this.runtimes.get(app.id);
    if (r) r.rt.app = updated;
    this.changed();
  }
}

function summaryOf(app: AppDef): AppSummary {
  return { app, source: { type: 'none', message: 'not read yet' }, syncStatus: 'Unknown', health: 'Unknown', counts: { synced: 0, outOfSync: 0, missing: 0, extra: 0, errors: 0 }, refreshing: true, stale: false };
}

const APPS: CoreState<AppsService> = { name: 'applications', create: (core) => new AppsService(core) };
export function appsOf(core: Core): AppsService {
  return core.state(APPS);
}
