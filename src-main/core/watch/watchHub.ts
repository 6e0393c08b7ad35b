import { SharedInformer } from './informer';
import { watchDebug } from './watchDebug';
import { HttpListWatch, type RawObject, type Representation } from './listWatch';
import type { ContextLink } from '../cluster/contextLink';
import type { ResourcePath } from '../cluster/resourcePath';
import { projectTopoObject, type TopoObject } from '../../../shared/topology/topologyObject';
import type { TableRow } from '../../../shared/contract/resources';

export type ObjectEntry = TopoObject & { resourceVersion?: string };
export type Entry = ObjectEntry | TableRow;

export interface InformerKey extends ResourcePath {
  context: string;
  namespace?: string;
  representation: Representation;
  /** Narrows the collection (events about one object: `involvedObject.uid=...`). */
  fieldSelector?: string;
  /** Narrows the collection by labels (Helm's release storage: `owner=helm`). */
  labelSelector?: string;
}

/**
 * A projection other than the hub's own (ObjectEntry for objects, TableRow for tables), for a consumer
 * that needs other fields of the same objects (the timeline recorder: managedFields, container
 * states). Informers are shared by key and projection name: one name, one transform.
 */
export interface InformerView<T> {
  name: string;
  transform(raw: RawObject): T | undefined;
}

const keyString = (k: InformerKey, view?: InformerView<unknown>) =>
  `${k.context}|${k.group}/${k.version}/${k.resource}|${k.namespace ?? '*'}|${k.representation}${k.fieldSelector ? `|${k.fieldSelector}` : ''}${k.labelSelector ? `|l:${k.labelSelector}` : ''}${view ? `|${view.name}` : ''}`;
const uidOf = (raw: RawObject) => raw.metadata?.uid;

function toTableRow(raw: RawObject): TableRow {
  const m: any = raw.metadata ?? {};
  const row: TableRow = { uid: m.uid, name: m.name, cells: raw.cells ?? [] };
  if (m.namespace) row.namespace = m.namespace;
  if (m.labels) row.labels = m.labels;
  if (m.creationTimestamp) row.creationTimestamp = m.creationTimestamp;
  if (m.resourceVersion) row.resourceVersion = m.resourceVersion;
  return row;
}

function toObjectEntry(raw: RawObject): ObjectEntry {
  // Memory: the store keeps the slim projection, never managedFields or whole specs; details fetch the object on demand.
  return { ...projectTopoObject(raw as any), resourceVersion: raw.metadata?.resourceVersion };
}

interface Slot {
  key: InformerKey;
  informer: SharedInformer<any>;
  refs: number;
  lingerTimer?: NodeJS.Timeout;
  /** Stops listening to the context's link. */
  unlink: () => void;
}

function listWatchFor(link: ContextLink, key: InformerKey): HttpListWatch {
  const selectors = { ...(key.fieldSelector ? { fieldSelector: key.fieldSelector } : {}), ...(key.labelSelector ? { labelSelector: key.labelSelector } : {}) };
  return new HttpListWatch(link.http, key, key.namespace, key.representation, selectors, link);
}

/**
 * One list+watch per (cluster, resource, namespace-or-all, representation), however many views
 * subscribe; reference counted, and stopped a short while after the last subscriber leaves so that
 * switching views back and forth does not relist. Each informer follows its context's link: a new
 * connection behind it (`replaced`) relists in place, a context gone ends the informer with the reason.
 */
export class WatchHub {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly link: (context: string) => ContextLink,
    private readonly lingerMs = 30_000,
  ) {}

  acquire<T extends Entry>(key: InformerKey): { informer: SharedInformer<T>; release: () => void };
  acquire<T extends { resourceVersion?: string }>(key: InformerKey, view: InformerView<T>): { informer: SharedInformer<T>; release: () => void };
  acquire<T extends { resourceVersion?: string }>(key: InformerKey, view?: InformerView<T>): { informer: SharedInformer<T>; release: () => void } {
    const id = keyString(key, view);
    let slot = this.slots.get(id);
    if (!slot) {
      const link = this.link(key.context);
      const source = listWatchFor(link, key);
      const informer: SharedInformer<any> = view ? new SharedInformer<T>(source, uidOf, view.transform)
        : key.representation === 'table' ? new SharedInformer<TableRow>(source, uidOf, toTableRow)
          : new SharedInformer<ObjectEntry>(source, uidOf, toObjectEntry);
      const created: Slot = { key, informer, refs: 0, unlink: () => {} };
      if (link.checkingSince) informer.setChecking(link.checkingSince);
      const unchecking = link.onChecking((since) => informer.setChecking(since));
      const unchange = link.onChange((change) => {
        if (change.type === 'replaced') {
          watchDebug(() => `hub: ${id} relists on the context's new connection (generation ${change.generation})`);
          informer.relist();
          return;
        }
        clearTimeout(created.lingerTimer);
        if (this.slots.get(id) === created) this.slots.delete(id);
        watchDebug(() => `hub: ${id} ends: ${change.error.message}`);
        unchecking();
        void informer.end(change.error);
      });
      created.unlink = () => { unchecking(); unchange(); };
      slot = created;
      this.slots.set(id, slot);
      informer.start();
    }
    clearTimeout(slot.lingerTimer);
    slot.lingerTimer = undefined;
    slot.refs++;
    const joined = slot;
    watchDebug(() => `hub: ${id} subscriber ${joined.refs} joins (synced ${joined.informer.hasSynced}, ${joined.informer.reflector.state})`);
    let released = false;
    const s = slot;
    return {
      informer: s.informer as SharedInformer<T>,
      release: () => {
        if (released) return;
        released = true;
        s.refs--;
        watchDebug(() => `hub: ${id} subscriber leaves, ${s.refs} left`);
        if (s.refs > 0) return;
        s.lingerTimer = setTimeout(() => {
          if (s.refs > 0) return;
          // The slot may have been ended and replaced under the same key meanwhile: remove only this one.
          if (this.slots.get(id) === s) this.slots.delete(id);
          watchDebug(() => `hub: ${id} stopped after lingering`);
          s.unlink();
          void s.informer.stop();
        }, this.lingerMs);
        s.lingerTimer.unref?.();
      },
    };
  }

  /** Informers currently running, for tests and the status bar. */
  get activeCount(): number { return this.slots.size; }

  stats(): { key: string; refs: number; lists: number; watches: number; relists: number; events: number; size: number }[] {
    return [...this.slots].map(([key, s]) => ({ key, refs: s.refs, size: s.informer.store.size, ...s.informer.reflector.stats }));
  }

  async stopAll(): Promise<void> {
    const all = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(all.map((s) => { clearTimeout(s.lingerTimer); s.unlink(); return s.informer.stop(); }));
  }
}
