import { SharedInformer } from './informer';
import { watchDebug } from './watchDebug';
import { HttpListWatch, type RawObject, type Representation } from './listWatch';
import type { ClusterConnection } from '../cluster/clusterConnection';
import type { ResourcePath } from '../cluster/resourcePath';
import { projectTopoObject, type TopoObject } from '../../../shared/topology/topologyObject';
import type { TableRow } from '../../../shared/contract/resources';

export type ObjectEntry = TopoObject & { resourceVersion?: string };
export type Entry = ObjectEntry | TableRow;

export interface InformerKey extends ResourcePath {
  context: string;
  namespace?: string;
  representation: Representation;
}

const keyString = (k: InformerKey) => `${k.context}|${k.group}/${k.version}/${k.resource}|${k.namespace ?? '*'}|${k.representation}`;
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
}

function listWatchFor(conn: ClusterConnection, key: InformerKey): HttpListWatch {
  return new HttpListWatch(conn.http, key, key.namespace, key.representation);
}

/**
 * One list+watch per (cluster, resource, namespace-or-all, representation), however many views
 * subscribe; reference counted, and stopped a short while after the last subscriber leaves so that
 * switching views back and forth does not relist.
 */
export class WatchHub {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly connection: (context: string) => ClusterConnection,
    private readonly lingerMs = 30_000,
  ) {}

  acquire<T extends Entry>(key: InformerKey): { informer: SharedInformer<T>; release: () => void } {
    const id = keyString(key);
    let slot = this.slots.get(id);
    if (!slot) {
      const source = listWatchFor(this.connection(key.context), key);
      const informer = key.representation === 'table'
        ? new SharedInformer<TableRow>(source, uidOf, toTableRow)
        : new SharedInformer<ObjectEntry>(source, uidOf, toObjectEntry);
      slot = { key, informer, refs: 0 };
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

  /**
   * The context's kubeconfig entry changed: every informer of it moves to the context's new connection
   * (a fresh list, sent to its subscribers as differences), or, when the context can no longer be
   * connected to (removed, invalid), ends with that error so its subscribers can say so.
   */
  async reconnectContext(context: string): Promise<void> {
    const moves: Promise<void>[] = [];
    for (const [id, s] of this.slots) {
      if (s.key.context !== context) continue;
      let conn: ClusterConnection;
      try {
        conn = this.connection(context);
      } catch (err) {
        clearTimeout(s.lingerTimer);
        this.slots.delete(id);
        watchDebug(() => `hub: ${id} ends: ${(err as Error).message}`);
        moves.push(s.informer.end(err as Error));
        continue;
      }
      watchDebug(() => `hub: ${id} moves to the context's new connection`);
      moves.push(s.informer.switchSource(listWatchFor(conn, s.key)));
    }
    await Promise.all(moves);
  }

  async stopAll(): Promise<void> {
    const all = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(all.map((s) => { clearTimeout(s.lingerTimer); return s.informer.stop(); }));
  }
}
