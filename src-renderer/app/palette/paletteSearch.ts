// The page's side of the palette index: meta live lists (the core's shared watches) feed the index
// worker with what changed at each flush, and searches are asked of the worker. Only names, namespaces
// and labels cross over; the page never scans the objects itself.
import type { ContractClient } from '../../data/contractClient';
import { liveListStore } from '../../data/liveListStore';
import { openLiveWatch, type ClusterTagged } from '../../data/clusterUnion';
import type { MetaRow } from '../../../shared/contract/resources';
import { createIndexHandler, type IndexRequest, type SearchReply } from './paletteEngine';
import { kindKeyOf, type IndexItem, type IndexKind, type SearchParams } from './paletteIndex';

const item = (r: MetaRow & ClusterTagged): IndexItem => ({ uid: r.uid, name: r.name, namespace: r.namespace, labels: r.labels, ...(r.cluster ? { cluster: r.cluster, objectUid: r.objectUid } : {}) });

export class PaletteSearch {
  private readonly worker?: Worker;
  private readonly local?: (req: IndexRequest) => SearchReply | undefined;
  private readonly feeds = new Map<string, () => void>();
  private readonly waiting = new Map<number, (r: SearchReply) => void>();
  private nextId = 1;
  /** Kinds whose list said it is forbidden or failed: `group/resource` → reason. */
  readonly problems = new Map<string, string>();

  /** `others`: contexts shown with `context` (their objects are indexed too, tagged with their cluster). */
  constructor(private readonly client: ContractClient, private readonly context: string, private readonly namespace: string | undefined, private readonly others: readonly string[] = []) {
    try {
      this.worker = new Worker(new URL('../../workers/palette.worker.ts', import.meta.url), { type: 'module', name: 'palette' });
      this.worker.onmessage = (e: MessageEvent<SearchReply>) => this.answer(e.data);
    } catch {
      this.local = createIndexHandler();
    }
  }

  /** Starts indexing a kind (once). Its objects appear in searches as its list arrives. */
  watch(kind: IndexKind & { namespaced: boolean }): void {
    const key = kindKeyOf(kind);
    if (this.feeds.has(key)) return;
    const params = { context: this.context, group: kind.group, version: kind.version, resource: kind.resource, projection: 'meta' as const,
      ...(kind.namespaced && this.namespace ? { namespace: this.namespace } : {}) };
    const store = liveListStore<MetaRow>((h) => openLiveWatch((p, hh) => this.client.subscribe('resources.watch', p, hh), params, this.others, h));
    let items: ReadonlyMap<string, MetaRow> | undefined;
    const bare: IndexKind = { group: kind.group, version: kind.version, resource: kind.resource, kind: kind.kind };
    const off = store.subscribe(() => {
      const s = store.get();
      const state = s.freshness?.state;
      if (s.error || state === 'forbidden' || state === 'unauthorized') this.problems.set(key, s.error ?? s.freshness?.reason ?? state!);
      else this.problems.delete(key);
      if (s.items !== items) {
        items = s.items;
        this.post({ type: 'replace', kind: bare, items: [...s.items.values()].map(item) });
        return;
      }
      if (!s.changed.size && !s.deleted.size) return;
      const upserts: IndexItem[] = [];
      for (const uid of s.changed) { const r = s.items.get(uid); if (r) upserts.push(item(r)); }
      this.post({ type: 'apply', kind: bare, upserts, deletes: [...s.deleted] });
    });
    this.feeds.set(key, off);
  }

  search(params: SearchParams): Promise<SearchReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'search', id, params });
    });
  }

  dispose(): void {
    for (const off of this.feeds.values()) off();
    this.feeds.clear();
    this.worker?.terminate();
    for (const r of this.waiting.values()) r({ id: 0, hits: [], size: 0, ms: 0 });
    this.waiting.clear();
  }

  private post(req: IndexRequest): void {
    if (this.worker) { this.worker.postMessage(req); return; }
    const reply = this.local!(req);
    if (reply) queueMicrotask(() => this.answer(reply));
  }

  private answer(r: SearchReply): void {
    const resolve = this.waiting.get(r.id);
    if (!resolve) return;
    this.waiting.delete(r.id);
    resolve(r);
  }
}
