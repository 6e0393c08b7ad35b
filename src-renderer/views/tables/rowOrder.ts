import type { TableRow } from '../../../shared/contract/resources';
import type { LiveListState } from '../../../shared/model/liveList';
import { compareKeyed, keyRow, type KeyedRow, type SortSpec } from './tableSort';

/** Which rows the table shows (text filter, label selector). */
export type RowFilter = (row: TableRow) => boolean;

/** Beyond this share of the rows changed at once, one sort of cached keys beats re-placing each. */
const RESORT_SHARE = 1 / 32;

/**
 * The rows of a live list that pass a filter, in sort order, kept across the list's changes: a change
 * re-places only the rows it touched (binary search), so under churn a frame costs what changed, not
 * the table. Everything is sorted again only when the sort, the columns or the filter change, the list
 * resyncs, a version was missed, or a large share of the rows changed at once; even then each row's
 * keys are computed again only if the row object is new.
 *
 * The result is exactly `sortRows` of the filtered rows: the order is total (ties end at the uid).
 */
export class RowOrder {
  private keyed: KeyedRow[] = [];
  private rows: readonly TableRow[] = [];
  private byUid = new Map<string, KeyedRow>();
  private items: ReadonlyMap<string, TableRow> | undefined;
  private version = -1;
  private spec: SortSpec | undefined;
  private filter: RowFilter | undefined;

  /** The rows in order; the same array until something in it changes (a new one then, for React). */
  update(list: LiveListState<TableRow>, spec: SortSpec, filter: RowFilter): readonly TableRow[] {
    const sameSort = this.spec !== undefined && sameSpec(this.spec, spec);
    if (sameSort && filter === this.filter && list.items === this.items) {
      if (list.version === this.version) return this.rows;
      const touched = list.changed.size + list.deleted.size;
      if (list.version === this.version + 1 && touched <= Math.max(8, this.keyed.length * RESORT_SHARE)) {
        this.version = list.version;
        this.replace(list, filter);
        return this.rows;
      }
    }
    this.resort(list, spec, filter, sameSort);
    return this.rows;
  }

  private resort(list: LiveListState<TableRow>, spec: SortSpec, filter: RowFilter, sameSort: boolean): void {
    const byUid = new Map<string, KeyedRow>();
    for (const row of list.items.values()) {
      if (!filter(row)) continue;
      const prev = this.byUid.get(row.uid);
      byUid.set(row.uid, sameSort && prev?.row === row ? prev : keyRow(row, spec, prev));
    }
    this.keyed = [...byUid.values()].sort((a, b) => compareKeyed(a, b, spec.desc));
    this.rows = this.keyed.map((k) => k.row);
    Object.assign(this, { byUid, items: list.items, version: list.version, spec, filter });
  }

  /** Takes out the rows the last change touched and puts back those still there and kept. */
  private replace(list: LiveListState<TableRow>, filter: RowFilter): void {
    const spec = this.spec!;
    const rows = this.rows.slice();
    const place = (uid: string) => {
      const prev = this.byUid.get(uid);
      if (prev) {
        const at = this.indexOf(prev);
        this.keyed.splice(at, 1);
        rows.splice(at, 1);
      }
      const row = list.items.get(uid);
      if (!row || !filter(row)) {
        // Only a row that leaves is deleted from the map. A kept row's entry is overwritten: a delete and
        // re-add per change would leave a deleted entry in the map's hash table each time, and under churn
        // the table grows to hold them (10k rows: a 230 KB table doubles once the holes fill it).
        if (prev) this.byUid.delete(uid);
        return;
      }
      const k = keyRow(row, spec, prev);
      const at = this.insertionPoint(k);
      this.keyed.splice(at, 0, k);
      rows.splice(at, 0, row);
      this.byUid.set(uid, k);
    };
    list.changed.forEach(place);
    list.deleted.forEach(place);
    this.rows = rows;
  }

  /** The first index whose row sorts after `k`. */
  private insertionPoint(k: KeyedRow): number {
    const desc = this.spec!.desc;
    let lo = 0;
    let hi = this.keyed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeyed(this.keyed[mid], k, desc) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `k` (a record in the order) is: just before its insertion point, the order being total. */
  private indexOf(k: KeyedRow): number {
    const at = this.insertionPoint(k) - 1;
    return this.keyed[at] === k ? at : this.keyed.indexOf(k);
  }
}

const sameSpec = (a: SortSpec, b: SortSpec) => a.col === b.col && a.desc === b.desc && a.columns === b.columns && a.ageIndex === b.ageIndex;
