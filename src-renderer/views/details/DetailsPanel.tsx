import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useContractQuery, useLiveList } from '../../data/clientContext';
import { useActionCluster } from '../../components/actionCluster';
import type { MetaRow } from '../../../shared/contract/resources';
import { allKinds } from '../../app/kindsNav';
import { useNow } from '../tables/useNow';
import type { DetailsTarget } from './detailsTarget';
import { useObjectEvents } from './useObjectEvents';
import { OverviewTab } from './OverviewTab';
import { YamlTab } from './YamlTab';
import { EventsList } from './EventsList';
import { ActionsSlot, LogsSlot, RolloutSlot, TerminalSlot, WORKLOAD_LOG_KINDS } from './slots';
import { LOG_KINDS, ROLLOUT_KINDS } from '../../../shared/model/kinds';
import { useActionRequest } from '../actions/actionRequests';
import { FilesTab } from '../files/FilesTab';
import { ExplainButton } from '../explain/ExplainButton';
import './details.css';

type Tab = 'overview' | 'yaml' | 'events' | 'logs' | 'terminal' | 'rollout' | 'files';
const TAB_LABEL: Record<Tab, string> = { overview: 'Overview', yaml: 'YAML', events: 'Events', logs: 'Logs', terminal: 'Terminal', rollout: 'Rollout', files: 'Files' };
const WIDTH_KEY = 'wheelhouse.detailsWidth';

export interface DetailsPanelProps {
  context: string;
  target: DetailsTarget;
  onClose(): void;
  /** Selects another object (an owner); without it owners show as plain text. */
  onSelect?(t: DetailsTarget): void;
  /** The tab, when the caller keeps it (in the URL); otherwise the panel keeps its own. */
  tab?: string;
  onTab?(t: string): void;
}

/**
 * The selected object: Overview, YAML, Events, and the Logs / Terminal / Rollout slots where they
 * apply. The object is read once and read again whenever its resourceVersion moves (a meta watch of
 * its kind says when), so the panel is live without polling.
 */
export function DetailsPanel({ context, target, onClose, onSelect, tab: tabProp, onTab }: DetailsPanelProps) {
  // Several clusters on screen: the header says which one this object is in.
  const cluster = useActionCluster();
  const now = useNow();
  const discovery = useContractQuery('cluster.discovery', { context }, { staleTime: 5 * 60_000 });
  const kinds = useMemo(() => allKinds(discovery.data), [discovery.data]);
  const ref = { context, group: target.group, version: target.version, resource: target.resource, namespace: target.namespace, name: target.name };
  const q = useContractQuery('resource.get', ref, { staleTime: 0, retry: false });
  const obj = q.data as any;
  const uid = target.uid || obj?.metadata?.uid;

  const siblings = useLiveList<MetaRow>({ context, group: target.group, version: target.version, resource: target.resource, namespace: target.namespace, projection: 'meta' });
  const live = uid ? siblings.items.get(uid) : undefined;
  const deleted = siblings.synced && !!uid && !live && !q.isFetching;
  useRefetchOnChange(live?.resourceVersion, obj?.metadata?.resourceVersion, q.refetch);

  const events = useObjectEvents(context, obj?.metadata?.namespace ?? target.namespace, uid);
  const kind: string | undefined = obj?.kind ?? kinds.find((k) => k.group === target.group && k.resource === target.resource)?.kind;
  const tabs: Tab[] = ['overview', 'yaml', 'events'];
  if (kind && LOG_KINDS.has(kind)) tabs.push('logs');
  if (kind === 'Pod' || (kind && WORKLOAD_LOG_KINDS.has(kind))) tabs.push('terminal');
  if (kind && ROLLOUT_KINDS.has(kind)) tabs.push('rollout');
  if (kind === 'Pod') tabs.push('files');
  const [tabState, setTabState] = useState<Tab>('overview');
  const tab = (onTab ? tabProp ?? 'overview' : tabState) as Tab;
  const setTab = (t: Tab) => (onTab ? onTab(t) : setTabState(t));
  const shown: Tab = tabs.includes(tab) ? tab : 'overview';
  // A tab asked for from elsewhere (the command palette, a table's `l`/`s`/`e` keys).
  const [request, takeRequest] = useActionRequest(uid);
  useEffect(() => {
    if (request?.tab) { takeRequest(request); setTab(request.tab); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.seq]);
  // Counted each render: one object's events are few, and the list's Map is updated in place.
  let warnings = 0;
  for (const e of events.items.values()) if (e.type === 'Warning') warnings++;

  const [width, setWidth] = useState(() => Number(localStorage.getItem(WIDTH_KEY)) || 560);
  // Escape closes the panel, except where it means something else (a shell, a text field, a menu).
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    if (e.key !== 'Escape' || e.defaultPrevented || el.closest('input, textarea, select, [contenteditable="true"], .xterm, [role="menu"], [role="dialog"]')) return;
    onClose();
  };

  return (
    <aside className="details details-panel" data-testid="details" style={{ width }} onKeyDown={onKey} aria-label={`Details of ${target.name}`}>
      <ResizeHandle width={width} setWidth={setWidth} />
      <header className="dp-head">
        <div className="dp-title">
          {kind && <span className="dp-kind-tag">{kind}</span>}
          <h2 title={target.name} data-testid="dp-title">{target.name}</h2>
          <ActionsSlot context={context} target={target} obj={deleted ? undefined : obj} onSelect={onSelect} />
          <button type="button" className="dp-close" onClick={onClose} aria-label="Close details" title="Close (Esc)">×</button>
        </div>
        <div className="dp-subtitle muted">
          {target.namespace ? <>in <span className="dp-mono">{target.namespace}</span></> : 'cluster-scoped'}
          {cluster.merged && cluster.context && <> on cluster <span className="dp-mono" data-testid="details-cluster">{cluster.context}</span></>}
          {deleted && <span className="dp-deleted" role="status"> · deleted — showing its last state</span>}
          <span className="dp-explain"><ExplainButton context={context} target={{ group: target.group, version: target.version, ...(kind ? { kind } : { resource: target.resource }) }} label={`Explain ${kind ?? target.resource}`} testId="details-explain" /></span>
        </div>
        <div className="dp-tabs" role="tablist">
          {tabs.map((t) => (
            <button key={t} type="button" role="tab" aria-selected={shown === t} className={`dp-tab ${shown === t ? 'active' : ''}`} onClick={() => setTab(t)} data-testid={`dp-tab-${t}`}>
              {TAB_LABEL[t]}{t === 'events' && events.items.size > 0 && <span className={`dp-count ${warnings ? 'dp-count-warn' : ''}`}>{events.items.size}</span>}
            </button>
          ))}
        </div>
      </header>
      <div className={`dp-body ${deleted ? 'dp-stale' : ''} ${shown === 'logs' || shown === 'terminal' || shown === 'files' ? 'dp-body-fill' : ''}`} role="tabpanel">
        {q.error && <div className="error-banner" role="alert">{(q.error as Error).message}</div>}
        {!obj && q.isLoading && <div className="dp-none muted">Loading {target.name}…</div>}
        {obj && shown === 'overview' && (
          <OverviewTab context={context} target={target} obj={obj} kinds={kinds} events={events} now={now} onSelect={onSelect} onShowEvents={() => setTab('events')} />
        )}
        {obj && shown === 'yaml' && <YamlTab context={context} target={target} obj={obj} />}
        {shown === 'events' && <div className="dp-pad-all"><EventsList events={events} now={now} /></div>}
        {obj && shown === 'logs' && <LogsSlot context={context} target={target} obj={obj} />}
        {obj && shown === 'terminal' && <TerminalSlot context={context} target={target} obj={obj} />}
        {obj && shown === 'files' && target.namespace && <FilesTab key={uid || target.name} context={context} namespace={target.namespace} pod={target.name} uid={uid} />}
        {obj && shown === 'rollout' && <RolloutSlot context={context} target={target} obj={obj} onSelect={onSelect} />}
      </div>
    </aside>
  );
}

/** Reads the object again when the watch reports a newer resourceVersion, at most once a second. */
function useRefetchOnChange(liveRv: string | undefined, shownRv: string | undefined, refetch: () => unknown) {
  const last = useRef(0);
  useEffect(() => {
    if (!liveRv || !shownRv || liveRv === shownRv) return;
    const wait = Math.max(0, last.current + 1000 - Date.now());
    const t = setTimeout(() => { last.current = Date.now(); void refetch(); }, wait);
    return () => clearTimeout(t);
  }, [liveRv, shownRv, refetch]);
}

/** Drag the panel's left edge to resize it; the width is remembered. */
function ResizeHandle({ width, setWidth }: { width: number; setWidth(w: number): void }) {
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const start = width;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    let w = start;
    const move = (ev: globalThis.PointerEvent) => {
      w = Math.round(Math.min(Math.max(start + startX - ev.clientX, 380), window.innerWidth * 0.75));
      setWidth(w);
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      localStorage.setItem(WIDTH_KEY, String(w));
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  return <div className="dp-resize" onPointerDown={onDown} role="separator" aria-orientation="vertical" aria-label="Resize details" />;
}
