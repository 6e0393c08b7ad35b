import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { requestAction, type ActionRequest } from '../actions/actionRequests';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useClient, useLiveList } from '../../data/clientContext';
import type { TableColumn, TableRow } from '../../../shared/contract/resources';
import { humanDuration } from '../../../shared/model/humanDuration';
import { matchesSelector, parseLabelSelector, type Requirement } from '../../../shared/model/labelSelector';
import { cursorPosition } from './tableCursor';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { CLUSTER_COL, NAMESPACE_COL } from './tableSort';
import { clusterFreshness, objectUidOf, type ClusterTagged } from '../../data/clusterUnion';
import type { UnionFreshness } from '../../data/watchUnion';
import { ActionClusterScope } from '../../components/actionCluster';
import type { Freshness } from '../../../shared/contract/resources';
import { RowOrder } from './rowOrder';
import { RowHighlights, type HighlightLevel } from './rowHighlight';
import { canvasMeasure, clusterWidth, columnWidths, namespaceWidth, type TextMeasure } from './columnWidths';
import { useNow } from './useNow';
import { visibleText } from '../../../shared/model/visibleText';
import { useUsageColumns } from '../metrics/useUsageColumns';
import { isUsageCell } from '../metrics/usageCells';
import { UsageBarCell } from '../metrics/UsageBarCell';
import { useRowHealth } from './useRowHealth';
import { RowMenu } from '../actions/RowMenu';
import type { HealthStatus } from '../../../shared/topology/health';
import { ExplainButton } from '../explain/ExplainButton';
import './resourceTable.css';

export interface ResourceTableProps {
  context: string;
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  title: string;
  /** Other contexts whose rows are merged in (a Cluster column; each row acts on its own cluster). */
  clusters?: readonly string[];
  /** The namespace picked elsewhere that this cluster-scoped kind ignores (said in the toolbar). */
  ignoredNamespace?: string;
  selectedUid?: string;
  onSelect?(row: TableRow): void;
  /** The text filter and label selector to start with (from the URL, where changes are written back). */
  initialFilter?: string;
  initialSelector?: string;
  onFilters?(filter: string, selector: string): void;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isUsageCell(v)) return v.text;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const shownText = (v: unknown) => visibleText(cellText(v));

const ROW_HEIGHT = 30;
const HEALTH_WIDTH = 112;
const HEADER_HEIGHT = 30;

/** Keys that open the cursor row's details somewhere particular. */
const ROW_KEYS: Record<string, Pick<ActionRequest, 'tab' | 'action'>> = { l: { tab: 'logs' }, s: { tab: 'terminal' }, e: { action: 'edit' } };

/**
 * Any resource as `kubectl get` prints it: the server's Table columns (CRD printer columns too),
 * live over a watch, virtualized, with sort, text filter, label selector and keyboard navigation.
 */

export function ResourceTable(p: ResourceTableProps) {
  const others = useMemo(() => (p.clusters ?? []).filter((c) => c !== p.context), [p.clusters, p.context]);
  const merged = others.length > 0;
  const contexts = useMemo(() => [p.context, ...others], [p.context, others]);
  const served = useLiveList<TableRow>({ context: p.context, group: p.group, version: p.version, resource: p.resource, namespace: p.namespace, projection: 'table' }, { clusters: others });
  // Pods and Nodes: CPU and Memory columns from the metrics API (views/metrics); one cluster at a time.
  const { list, unavailable: metricsUnavailable } = useUsageColumns({ ...p, off: merged }, served);
  const [wide, setWide] = useState(false);
  const [filter, setFilter] = useState(p.initialFilter ?? '');
  const [selector, setSelector] = useState(p.initialSelector ?? '');
  const onFilters = useRef(p.onFilters);
  onFilters.current = p.onFilters;
  useEffect(() => { onFilters.current?.(filter, selector); }, [filter, selector]);
  const [sort, setSort] = useState<{ col: number; desc: boolean }>({ col: 0, desc: false });
  const [cursorUid, setCursorUid] = useState<string | undefined>(p.selectedUid);
  const now = useNow();
  const health = useRowHealth({ ...p, clusters: others });
  const columns = useMemo(() => list.columns ?? [], [list.columns]);
  const ageIndex = columns.findIndex((c) => c.name === 'Age');
  const visible = useMemo(() => columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || c.priority === 0).map((x) => x.i), [columns, wide]);

  const total = list.items.size;
  // All namespaces, or several (`a,b`): which namespace a row is in needs saying.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const showNamespace = useMemo(() => (p.namespace === undefined || p.namespace.includes(',')) && someNamespaced(list.items), [list.items, list.version, p.namespace]);

  const { reqs, selectorError } = useMemo(() => {
    try { return { reqs: parseLabelSelector(selector) as Requirement[], selectorError: undefined }; } catch (e) { return { reqs: [] as Requirement[], selectorError: (e as Error).message }; }
  }, [selector]);

  const keep = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (r: TableRow) =>
      (!f || r.name.toLowerCase().includes(f) || (r.namespace ?? '').toLowerCase().includes(f) || r.cells.some((c) => cellText(c).toLowerCase().includes(f)))
      && matchesSelector(r.labels, reqs);
  }, [filter, reqs]);
  // Kept across renders: each change of the list re-places only the rows it touched.
  const [order] = useState(() => new RowOrder());
  const rows = order.update(list, { col: sort.col, desc: sort.desc, columns, ageIndex }, keep);

  // Widths follow content, re-sampled when the row count changes by a power of two, not on every change.
  const sizeBucket = list.synced ? Math.ceil(Math.log2(total + 1)) : -1;
  const measure = useTableFonts();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const widths = useMemo(() => columnWidths(columns, visible, [...list.items.values()], measure), [columns, visible, sizeBucket, measure]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const nsWidth = useMemo(() => namespaceWidth([...list.items.values()], measure), [sizeBucket, measure]);
  const clWidth = useMemo(() => (merged ? clusterWidth(contexts, measure) : 0), [merged, contexts, measure]);
  // Rows get an explicit width (no max-content sizing per row): cheaper layout when many rows mount at once.
  const layout = useMemo(() => {
    const ns = showNamespace ? nsWidth : 0;
    const hw = health ? HEALTH_WIDTH : 0;
    return { cols: visible, widths, clWidth, nsWidth: ns, healthWidth: hw, total: clWidth + ns + hw + widths.reduce((a, b) => a + b, 0) };
  }, [visible, widths, showNamespace, nsWidth, health, clWidth]);

  // Changed rows are highlighted, then step down (fresh → fading → gone) on a coarse timer: class
  // changes, no CSS animation (see rowHighlight.ts for why).
  const [highlights] = useState(() => new RowHighlights());
  const seenVersion = useRef(-1);
  if (seenVersion.current !== list.version) {
    seenVersion.current = list.version;
    highlights.note(list.changed, Date.now());
  }
  const [, setHighlightStep] = useState(0);
  useEffect(() => {
    const next = highlights.nextStep(Date.now());
    if (next === undefined) return;
    const id = setTimeout(() => { highlights.note([], Date.now()); setHighlightStep((n) => n + 1); }, Math.max(0, next - Date.now()));
    return () => clearTimeout(id);
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12,
    scrollMargin: HEADER_HEIGHT, scrollPaddingStart: HEADER_HEIGHT,
  });

  const lastCursorIndex = useRef(-1);
  const cursorIndex = useMemo(() => cursorPosition(rows.map((r) => r.uid), cursorUid, lastCursorIndex.current), [rows, cursorUid]);
  lastCursorIndex.current = cursorIndex;
  // The cursor's row went and another took its place: the cursor is on that one now.
  useEffect(() => { if (cursorIndex >= 0 && rows[cursorIndex].uid !== cursorUid) setCursorUid(rows[cursorIndex].uid); }, [rows, cursorIndex, cursorUid]);
  useEffect(() => { if (p.selectedUid) setCursorUid(p.selectedUid); }, [p.selectedUid]);

  const latest = useRef(p.onSelect);
  latest.current = p.onSelect;
  const activate = useCallback((row: TableRow) => { setCursorUid(row.uid); latest.current?.(row); }, []);
  const [menu, setMenu] = useState<{ row: TableRow; x: number; y: number }>();
  const openMenu = useCallback((row: TableRow, x: number, y: number) => { setCursorUid(row.uid); setMenu({ row, x, y }); }, []);
  const closeMenu = useCallback(() => setMenu(undefined), []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key in moves && rows.length) {
      e.preventDefault();
      const from = cursorIndex < 0 ? (moves[e.key] > 0 ? -1 : rows.length) : cursorIndex;
      const to = Math.min(rows.length - 1, Math.max(0, from + moves[e.key]));
      setCursorUid(rows[to].uid);
      virtualizer.scrollToIndex(to);
    } else if (e.key === 'Enter' && cursorIndex >= 0) {
      e.preventDefault();
      activate(rows[cursorIndex]);
    } else if (e.key in ROW_KEYS && cursorIndex >= 0) {
      // Open the row's details on its logs / shell / YAML editor (the panel's own tab or action).
      e.preventDefault();
      const row = rows[cursorIndex];
      activate(row);
      requestAction({ uid: objectUidOf(row), ...ROW_KEYS[e.key] });
    } else if (e.key === '/') {
      e.preventDefault();
      filterRef.current?.focus();
    }
  };

  // The same element while freshness is unchanged, so React skips it (its time formatting is not free).
  const badge = useMemo(() => (merged ? null : <FreshnessBadge freshness={list.freshness} />), [list.freshness, merged]);
  // Merged: a line of its own under the toolbar, each cluster's freshness.
  const parts = useMemo(() => (merged ? contexts.map((c) => clusterFreshness(list.freshness as UnionFreshness | undefined, c)) : [list.freshness]), [merged, contexts, list.freshness]);
  const clusterBadges = useMemo(() => (merged ? <ClusterFreshness contexts={contexts} parts={parts} /> : null), [merged, contexts, parts]);
  const toggleSort = (col: number) => setSort((s) => ({ col, desc: s.col === col ? !s.desc : false }));
  // Merged: each cluster's own state decides its rows; the whole table says a state only when every cluster is in it.
  const everyPart = (states: readonly string[]) => parts.length > 0 && parts.every((f) => f && states.includes(f.state));
  const state = list.freshness?.state;
  const blocked = everyPart(['forbidden', 'unauthorized']);
  // A list that never arrived because the server does not answer says so (and offers to retry now)
  // instead of spinning; rows already shown while the watch reconnects are dimmed: they may be old.
  const unreachable = !list.synced && everyPart(['reconnecting']);
  const staleRows = !merged && list.synced && isBehind(state);
  const staleCluster = useCallback((row: TableRow) => {
    if (!merged) return undefined;
    const f = clusterFreshness(list.freshness as UnionFreshness | undefined, (row as ClusterTagged).cluster ?? '');
    return f && isBehind(f.state) ? f : undefined;
  }, [merged, list.freshness]);
  // A cluster that cannot list at all (forbidden, unauthorized, error) says so on a line of its own.
  const troubled = merged ? contexts.flatMap((c, i) => { const f = parts[i]; return f && f.state !== 'live' && f.state !== 'syncing' && !isBehind(f.state) ? [{ c, f }] : []; }) : [];
  const client = useClient();
  const retry = useCallback(() => { for (const c of contexts) void client.request('cluster.connect', { context: c }).catch(() => {}); }, [client, contexts]);
  const what = p.title.toLowerCase();
  const where = p.namespace ? ` in namespace ${p.namespace}` : '';
  const highlightNow = Date.now();

  return (
    <div className="table-view">
      <div className="toolbar">
        <h2>{p.title}</h2>
        <ExplainButton context={p.context} target={{ group: p.group, version: p.version, resource: p.resource }} testId="table-explain" />
        <span className="count" data-testid="row-count">{list.synced ? `${rows.length}${rows.length !== total ? ` of ${total}` : ''}` : ''}</span>
        <input ref={filterRef} className="filter" placeholder="Filter by text  ( / )" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter rows"
          onKeyDown={(e) => { if (e.key === 'Escape') setFilter(''); if (e.key === 'ArrowDown') scrollRef.current?.focus(); }} />
        <input className={`filter ${selectorError ? 'invalid' : ''}`} placeholder="Label selector, e.g. app=web" value={selector} onChange={(e) => setSelector(e.target.value)}
          aria-label="Label selector" aria-invalid={!!selectorError} title={selectorError ?? 'Label selector, as kubectl -l takes it'} />
        <label className="toggle" title="Show the columns kubectl prints with -o wide"><input type="checkbox" checked={wide} onChange={(e) => setWide(e.target.checked)} data-testid="wide-toggle" /> Wide</label>
        {p.ignoredNamespace && <span className="rt-scope" title={`${p.title} are cluster-scoped: the namespace picker (${p.ignoredNamespace}) does not apply.`}>cluster-scoped</span>}
        {badge}
      </div>
      {selectorError && <div className="rt-hint rt-hint-bad" role="status">Label selector: {selectorError}</div>}
      {clusterBadges}
      {troubled.map(({ c, f }) => (
        <div key={c} className="rt-hint rt-hint-bad" role="status" data-testid={`cluster-trouble-${c}`}>Cluster {c}: {f.state === 'forbidden' ? `you may not list ${what}${where}` : f.state === 'unauthorized' ? 'the cluster rejected your credentials' : `cannot list ${what}`}{f.reason ? ` — ${f.reason}` : ''}</div>
      ))}
      {merged && (p.group === '' && ['pods', 'nodes', 'namespaces'].includes(p.resource)) && <div className="rt-hint" role="status">CPU and memory are shown when one cluster is shown.</div>}
      {metricsUnavailable && <div className="rt-hint mu-note" role="status" data-testid="metrics-unavailable">CPU and memory: {metricsUnavailable.message}</div>}
      <div className="table-scroll rt-scroll" ref={scrollRef} data-testid="resource-table" role="grid" aria-label={p.title} aria-rowcount={rows.length}
        tabIndex={0} onKeyDown={onKeyDown} aria-activedescendant={cursorIndex >= 0 ? `row-${rows[cursorIndex].uid}` : undefined}>
        <div className="table-header" role="row" style={{ height: HEADER_HEIGHT, width: layout.total, visibility: columns.length ? undefined : 'hidden' }}>
          {merged && <HeaderCell label="Cluster" width={layout.clWidth} sticky={0} sort={sort} col={CLUSTER_COL} onSort={toggleSort} />}
          {showNamespace && (
            <HeaderCell label="Namespace" width={nsWidth} sticky={layout.clWidth} sort={sort} col={NAMESPACE_COL} onSort={toggleSort} />
          )}
          {visible.map((i, k) => [
            <HeaderCell key={columns[i].name} label={columns[i].name} description={columns[i].description} width={widths[k]} col={i} sort={sort} onSort={toggleSort}
              sticky={i === 0 ? layout.clWidth + layout.nsWidth : undefined} numeric={isNumeric(columns[i])} last={k === visible.length - 1} />,
            i === 0 && health && <div key="health" role="columnheader" className="cell rt-h rt-health-h" style={{ width: HEALTH_WIDTH }}
              title="Health by the same rules as the topology (Argo CD's): Healthy, Progressing, Degraded, Suspended, Missing, Unknown">Health</div>,
          ])}
        </div>
        <div className={`rt-body${staleRows ? ' rt-stale' : ''}`} style={{ height: virtualizer.getTotalSize() }} data-stale={staleRows || undefined}
          title={staleRows ? `${state === 'checking' ? 'Checking the connection' : 'Reconnecting'}: these rows may be out of date` : undefined}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index];
            return (
              <Row key={r.uid} row={r} top={v.start - HEADER_HEIGHT} layout={layout} columns={columns} ageIndex={ageIndex} now={ageIndex >= 0 ? now : 0}
                showNamespace={showNamespace} showCluster={merged} stale={staleCluster(r)} highlight={highlights.level(r.uid, highlightNow)} health={health?.get(r.uid)} withHealth={!!health}
                selected={p.selectedUid === r.uid} cursor={v.index === cursorIndex} odd={v.index % 2 === 1} onActivate={activate} onMenu={openMenu} />
            );
          })}
        </div>
        {menu && (
          <ActionClusterScope context={(menu.row as ClusterTagged).cluster ?? p.context} merged={merged}>
            <RowMenu key={menu.row.uid} context={(menu.row as ClusterTagged).cluster ?? p.context} x={menu.x} y={menu.y} onClose={closeMenu} onOpenDetails={() => activate(menu.row)}
              target={{ group: p.group, version: p.version, resource: p.resource, namespace: menu.row.namespace, name: menu.row.name, uid: objectUidOf(menu.row) }} />
          </ActionClusterScope>
        )}
        {list.error && <TableState tone="bad" title={`Could not list ${what}`} detail={list.error} />}
        {!list.error && blocked && (
          <TableState tone="bad" title={state === 'forbidden' ? `You may not list ${what}${where}` : 'The cluster rejected your credentials'}
            detail={list.freshness?.reason} testId="table-forbidden" />
        )}
        {!list.error && !blocked && unreachable && (
          <TableState tone="bad" title={`Cannot list ${what}${where}: the cluster does not answer`} detail={list.freshness?.reason}
            action={{ label: 'Retry', run: retry }} testId="table-unreachable" />
        )}
        {!list.error && !blocked && !list.synced && !unreachable && <TableState tone="muted" title={`Loading ${what}${where}…`} busy />}
        {!list.error && !blocked && list.synced && total === 0 && <TableState tone="muted" title={`No ${what}${where}`} testId="table-empty" />}
        {!list.error && !blocked && list.synced && total > 0 && rows.length === 0 && (
          <TableState tone="muted" title={`No ${what} match`} detail={[filter && `text “${filter}”`, selector && `selector “${selector}”`].filter(Boolean).join(' and ')}
            action={{ label: 'Clear filters', run: () => { setFilter(''); setSelector(''); } }} testId="table-nomatch" />
        )}
      </div>
    </div>
  );
}

const isBehind = (state: Freshness['state'] | undefined) => state === 'reconnecting' || state === 'stale' || state === 'checking';

/** Each cluster's own freshness in a merged table (`parts[i]` is `contexts[i]`'s). */
function ClusterFreshness({ contexts, parts }: { contexts: readonly string[]; parts: readonly (Freshness | undefined)[] }) {
  return (
    <div className="rt-hint rt-cluster-fresh" role="status" aria-label="Each cluster's freshness">
      {contexts.map((c, i) => {
        const f = parts[i];
        return <span key={c} className="rt-cluster-part" data-testid={`cluster-freshness-${c}`} data-state={f?.state ?? 'syncing'}><span className="rt-cluster-name">{c}</span><FreshnessBadge freshness={f} /></span>;
      })}
    </div>
  );
}

function someNamespaced(items: ReadonlyMap<string, TableRow>): boolean {
  for (const r of items.values()) if (r.namespace) return true;
  return false;
}

let sharedMeasure: TextMeasure | undefined;

/** Text measuring in the fonts the table renders with (read once from the page's styles). */
function useTableFonts(): TextMeasure {
  if (!sharedMeasure) {
    const family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
    sharedMeasure = canvasMeasure(`500 13px ${family}`, `600 11.5px ${family}`, 11.5 * 0.03);
  }
  return sharedMeasure;
}

const isNumeric = (c: TableColumn) => c.type === 'integer' || c.type === 'number';

function stickyStyle(width: number, left: number | undefined): CSSProperties {
  return left === undefined ? { width } : { width, left, position: 'sticky', zIndex: 1 };
}

interface HeaderCellProps {
  label: string; description?: string; width: number; col: number; sort: { col: number; desc: boolean };
  onSort(col: number): void; sticky?: number; numeric?: boolean; last?: boolean;
}

function HeaderCell({ label, description, width, col, sort, onSort, sticky, numeric, last }: HeaderCellProps) {
  const active = sort.col === col;
  return (
    <div role="columnheader" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} title={description}
      className={`cell rt-h ${sticky !== undefined ? 'rt-sticky' : ''} ${numeric ? 'rt-num' : ''} ${last ? 'rt-last' : ''} ${active ? 'rt-sorted' : ''}`}
      style={stickyStyle(width, sticky)} onClick={() => onSort(col)} data-testid="column-header">
      <span className="rt-h-label">{label}</span><span className="rt-arrow" aria-hidden>{active ? (sort.desc ? '▾' : '▴') : ''}</span>
    </div>
  );
}

interface RowProps {
  row: TableRow; top: number; layout: { cols: number[]; widths: number[]; clWidth: number; nsWidth: number; total: number }; columns: TableColumn[]; ageIndex: number; now: number;
  showNamespace: boolean; showCluster?: boolean; stale?: Freshness; highlight: HighlightLevel; selected: boolean; cursor: boolean; odd: boolean; onActivate(row: TableRow): void;
  health?: HealthStatus; withHealth?: boolean; onMenu?(row: TableRow, x: number, y: number): void;
}

const Row = memo(function Row({ row, top, layout, columns, ageIndex, now, showNamespace, showCluster, stale, highlight, selected, cursor, odd, onActivate, health, withHealth, onMenu }: RowProps) {
  const cluster = (row as ClusterTagged).cluster;
  return (
    <div role="row" id={`row-${row.uid}`} aria-selected={selected}
      className={`table-row rt-row ${odd ? 'rt-odd' : ''} ${selected ? 'selected' : ''} ${cursor ? 'rt-cursor' : ''} ${highlight ? `rt-changed-${highlight}` : ''} ${stale ? 'rt-row-stale' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, width: layout.total }}
      data-uid={row.uid} data-name={row.name} data-cluster={cluster} data-stale={stale ? true : undefined}
      title={stale ? `Cluster ${cluster}: ${stale.reason ?? stale.state} — this row may be out of date` : undefined} onClick={() => onActivate(row)}
      onContextMenu={onMenu ? (e) => { e.preventDefault(); onMenu(row, e.clientX, e.clientY); } : undefined}>
      {showCluster && <div role="gridcell" className="cell cl rt-sticky" style={stickyStyle(layout.clWidth, 0)} title={cluster} data-testid="row-cluster">{visibleText(cluster ?? '')}</div>}
      {showNamespace && <div role="gridcell" className="cell ns rt-sticky" style={stickyStyle(layout.nsWidth, layout.clWidth)} title={row.namespace}>{row.namespace}</div>}
      {layout.cols.map((i, k) => {
        const text = i === ageIndex && row.creationTimestamp ? humanDuration(now - Date.parse(row.creationTimestamp)) : shownText(row.cells[i]);
        const numeric = isNumeric(columns[i]);
        const usage = row.cells[i];
        if (isUsageCell(usage)) {
          return (
            <div key={i} role="gridcell" className={`cell rt-num ${k === layout.cols.length - 1 ? 'rt-last' : ''}`} style={stickyStyle(layout.widths[k], undefined)}>
              <UsageBarCell cell={usage} />
            </div>
          );
        }
        const cell = (
          <div key={i} role="gridcell" className={`cell ${i === 0 ? 'name rt-sticky' : ''} ${numeric ? 'rt-num' : ''} ${k === layout.cols.length - 1 ? 'rt-last' : ''}`}
            style={stickyStyle(layout.widths[k], i === 0 ? layout.clWidth + layout.nsWidth : undefined)} title={text.length > 18 ? text : undefined}>
            {text}
          </div>
        );
        return i === 0 && withHealth ? [cell, <HealthCell key="health" health={health} />] : cell;
      })}
    </div>
  );
});

/** The row's health, coloured as the topology colours it; the reason on hover. */
function HealthCell({ health }: { health?: HealthStatus }) {
  const status = health?.status;
  return (
    <div role="gridcell" className={`cell rt-health ${status ? `rt-health-${status.toLowerCase()}` : ''}`} style={{ width: HEALTH_WIDTH }}
      title={health?.message ? `${status}: ${health.message}` : status} data-testid="row-health" data-health={status ?? ''}>
      <span className="rt-health-dot" aria-hidden />{status ?? '…'}
    </div>
  );
}

function TableState({ tone, title, detail, busy, action, testId }: { tone: 'muted' | 'bad'; title: string; detail?: string; busy?: boolean; action?: { label: string; run(): void }; testId?: string }) {
  return (
    <div className={`rt-state rt-state-${tone}`} role={tone === 'bad' ? 'alert' : 'status'} data-testid={testId}>
      {busy && <span className="rt-spinner" aria-hidden />}
      <div className="rt-state-title">{title}</div>
      {detail && <div className="rt-state-detail">{detail}</div>}
      {action && <button type="button" onClick={action.run}>{action.label}</button>}
    </div>
  );
}
