import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveList } from '../../data/clientContext';
import type { TableRow } from '../../../shared/contract/resources';
import { humanDuration } from '../../../shared/model/humanDuration';
import { matchesSelector, parseLabelSelector, type Requirement } from '../../../shared/model/labelSelector';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { compareRows } from './tableSort';

export interface ResourceTableProps {
  context: string;
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  title: string;
  selectedUid?: string;
  onSelect?(row: TableRow): void;
}

/** Ticks once a second so Age cells stay true without re-rendering the world. */
function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const ROW_HEIGHT = 30;

/**
 * Any resource as `kubectl get` prints it: the server's Table columns (CRD printer columns too),
 * live over a watch, virtualized, with sort, text filter and label selector.
 */
export function ResourceTable(p: ResourceTableProps) {
  const list = useLiveList<TableRow>({ context: p.context, group: p.group, version: p.version, resource: p.resource, namespace: p.namespace, projection: 'table' });
  const [wide, setWide] = useState(false);
  const [filter, setFilter] = useState('');
  const [selector, setSelector] = useState('');
  const [sort, setSort] = useState<{ col: number; desc: boolean }>({ col: 0, desc: false });
  const now = useNow();
  const columns = useMemo(() => list.columns ?? [], [list.columns]);
  const visibleCols = useMemo(() => columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || c.priority === 0), [columns, wide]);
  const ageIndex = columns.findIndex((c) => c.name === 'Age');
  const showNamespace = p.namespace === undefined && [...list.items.values()].some((r) => r.namespace);

  let reqs: Requirement[] = [];
  let selectorError: string | undefined;
  try { reqs = parseLabelSelector(selector); } catch (e: any) { selectorError = e.message; }

  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const out = [...list.items.values()].filter((r) =>
      (!f || r.name.toLowerCase().includes(f) || (r.namespace ?? '').includes(f) || r.cells.some((c) => cellText(c).toLowerCase().includes(f)))
      && matchesSelector(r.labels, reqs));
    out.sort((a, b) => {
      const c = compareRows(a, b, sort.col, columns, ageIndex) || a.name.localeCompare(b.name);
      return sort.desc ? -c : c;
    });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.version, filter, selector, sort, columns, ageIndex]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  return (
    <div className="table-view">
      <div className="toolbar">
        <h2>{p.title}</h2>
        <span className="count" data-testid="row-count">{rows.length}{rows.length !== list.items.size ? ` of ${list.items.size}` : ''}</span>
        <input className="filter" placeholder="Filter by text" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter rows" />
        <input className={`filter ${selectorError ? 'invalid' : ''}`} placeholder="Label selector, e.g. app=web" value={selector} onChange={(e) => setSelector(e.target.value)} aria-label="Label selector" title={selectorError ?? ''} />
        <label className="toggle"><input type="checkbox" checked={wide} onChange={(e) => setWide(e.target.checked)} /> Wide</label>
        <FreshnessBadge freshness={list.freshness} />
      </div>
      {list.error && <div className="error-banner" role="alert">{list.error}</div>}
      {list.freshness?.state === 'forbidden' && <div className="error-banner" role="alert">You are not allowed to list {p.title.toLowerCase()} here{list.freshness.reason ? `: ${list.freshness.reason}` : ''}.</div>}
      <div className="table-scroll" ref={scrollRef} data-testid="resource-table">
        <div className="table-header" role="row">
          {showNamespace && <div className="cell ns" role="columnheader">Namespace</div>}
          {visibleCols.map(({ c, i }) => (
            <div key={c.name} role="columnheader" className={`cell ${i === 0 ? 'name' : ''}`} title={c.description} onClick={() => setSort((s) => ({ col: i, desc: s.col === i ? !s.desc : false }))}>
              {c.name}{sort.col === i ? (sort.desc ? ' ▾' : ' ▴') : ''}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index];
            return (
              <Row key={r.uid} row={r} top={v.start} cols={visibleCols.map((x) => x.i)} ageIndex={ageIndex} now={ageIndex >= 0 ? now : 0}
                showNamespace={showNamespace} changed={list.changed.has(r.uid)} selected={p.selectedUid === r.uid} onSelect={p.onSelect} />
            );
          })}
        </div>
        {list.synced && rows.length === 0 && <div className="empty">No {p.title.toLowerCase()} {filter || selector ? 'match' : 'here'}.</div>}
        {!list.synced && !list.error && <div className="empty">Loading…</div>}
      </div>
    </div>
  );
}

interface RowProps {
  row: TableRow; top: number; cols: number[]; ageIndex: number; now: number; showNamespace: boolean;
  changed: boolean; selected: boolean; onSelect?(row: TableRow): void;
}

const Row = memo(function Row({ row, top, cols, ageIndex, now, showNamespace, changed, selected, onSelect }: RowProps) {
  return (
    <div role="row" className={`table-row ${changed ? 'changed' : ''} ${selected ? 'selected' : ''}`} style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-uid={row.uid} data-name={row.name} onClick={() => onSelect?.(row)}>
      {showNamespace && <div className="cell ns">{row.namespace}</div>}
      {cols.map((i) => (
        <div key={i} className={`cell ${i === 0 ? 'name' : ''}`}>
          {i === ageIndex && row.creationTimestamp ? humanDuration(now - Date.parse(row.creationTimestamp)) : cellText(row.cells[i])}
        </div>
      ))}
    </div>
  );
});
