import { SharedInformer } from './informer';
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
  informer: SharedInformer<any>;
  refs: number;
  lingerTimer?: NodeJS.Timeout;
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
      const conn = this.connection(key.context);
      const source = new HttpListWatch(conn.http, key, key.namespace, key.representation);
      const informer = key.representation === 'table'
        ? new SharedInformer<TableRow>(source, uidOf, toTableRow)
        : new SharedInformer<ObjectEntry>(source, uidOf, toObjectEntry);
      slot = { informer, refs: 0 };
      this.slots.set(id, slot);
      informer.start();
    }
    clearTimeout(slot.lingerTimer);
    slot.lingerTimer = undefined;
    slot.refs++;
    let released = false;
    const s = slot;
    return {
      informer: s.informer as SharedInformer<T>,
      release: () => {
        if (released) return;
        released = true;
        s.refs--;
        if (s.refs > 0) return;
        s.lingerTimer = setTimeout(() => {
          if (s.refs > 0) return;
          this.slots.delete(id);
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

  async stopContext(context: string): Promise<void> {
    const stops: Promise<void>[] = [];
    for (const [id, s] of this.slots) {
      if (!id.startsWith(`${context}|`)) continue;
      clearTimeout(s.lingerTimer);
      this.slots.delete(id);
      stops.push(s.informer.stop());
    }
    await Promise.all(stops);
  }

  async stopAll(): Promise<void> {
    const all = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(all.map((s) => { clearTimeout(s.lingerTimer); return s.informer.stop(); }));
  }
}
