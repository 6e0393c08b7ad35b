import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useClient, useContractQuery } from '../../data/clientContext';
import type { NavKind } from '../kindsNav';
import type { DetailsTarget } from '../../views/details/detailsTarget';
import { useActionAccess } from '../../views/actions/useActionAccess';
import { requestAction } from '../../views/actions/actionRequests';
import { requestTopologyFocus } from '../../views/topology/topologyFocusRequest';
import { stateBlock, type ObjectActionId } from '../../../shared/actions/actionAccess';
import { kindAliases } from './kindAliases';
import { parsePaletteQuery } from './paletteQuery';
import { commandItems, type CommandItem, type PaletteGo } from './paletteCommands';
import { filterActions, paletteActions, type PaletteAction } from './paletteActions';
import { kindKeyOf, type Hit } from './paletteIndex';
import { PaletteSearch } from './paletteSearch';
import { loadRecent, saveRecent } from './recentHits';
import { onShortcut } from './shortcutBus';
import { useFavouriteNamespaces } from '../favouriteNamespaces';
import './palette.css';

/** Kinds indexed as soon as the palette opens; any other kind is indexed when its alias is typed. */
const INDEXED = ['/pods', 'apps/deployments', 'apps/replicasets', 'apps/statefulsets', 'apps/daemonsets', 'batch/jobs', 'batch/cronjobs',
  'autoscaling/horizontalpodautoscalers', '/services', 'networking.k8s.io/ingresses', '/configmaps', '/secrets', '/persistentvolumeclaims',
  '/nodes', '/namespaces'];

export interface PaletteProps {
  context: string;
  /** The namespace shown (undefined = all). */
  namespace?: string;
  contexts: readonly string[];
  /** Other contexts shown with `context`: their objects are found too, and act on their own cluster. */
  clusters?: readonly string[];
  namespaces: readonly string[];
  /** The user may list cluster-wide: the index covers all namespaces, and `:ns all` is offered. */
  clusterWide: boolean;
  kinds: readonly NavKind[];
  onOpen(target: DetailsTarget): void;
  onGo(go: PaletteGo): void;
}

type Row = { type: 'hit'; hit: Hit; recent?: boolean } | { type: 'cmd'; item: CommandItem } | { type: 'action'; action: PaletteAction; why?: string };

/**
 * The command palette (Ctrl/Cmd+K, or `:` outside a text field): find any indexed object by name,
 * kind alias, ns/name or labels, then act on it through the details panel's own actions (the same RBAC
 * checks and confirmations); or run a `:` command.
 */
export function CommandPalette(p: PaletteProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  useEffect(() => onShortcut('palette', (arg) => { setText(arg ?? ''); setOpen(true); }), []);
  if (!open) return null;
  return <PaletteDialog {...p} initial={text} onClose={() => setOpen(false)} />;
}

function PaletteDialog(p: PaletteProps & { initial: string; onClose(): void }) {
  const client = useClient();
  const { favourites } = useFavouriteNamespaces(p.context);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(p.initial);
  const [chosen, setChosen] = useState<Hit>();
  const [cursor, setCursor] = useState(0);
  // `text`: the search these results answer (the bench times keystroke → the answer on screen by it).
  const [hits, setHits] = useState<{ hits: Hit[]; size: number; ms: number; text: string }>({ hits: [], size: 0, ms: 0, text: '' });
  const recent = useMemo(() => loadRecent(p.context), [p.context]);
  const discovery = useContractQuery('cluster.discovery', { context: p.context }, { staleTime: 5 * 60_000 });
  const aliases = useMemo(() => kindAliases(discovery.data ?? []), [discovery.data]);
  const scope = p.clusterWide ? undefined : p.namespace;
  const search = useSharedSearch(client, p.context, scope, p.clusters ?? []);

  useEffect(() => {
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    inputRef.current?.focus();
    return () => { if (d?.open) d.close(); };
  }, []);

  const kindByKey = useMemo(() => new Map(p.kinds.map((k) => [kindKeyOf(k), k])), [p.kinds]);
  useEffect(() => { for (const k of INDEXED) { const nk = kindByKey.get(k); if (nk) search.watch(nk); } }, [search, kindByKey]);

  const query = useMemo(() => parsePaletteQuery(text, aliases), [text, aliases]);
  // Kinds named by an alias (a CRD's short name, a category) are indexed on demand.
  useEffect(() => {
    if (query.kinds) for (const k of query.kinds) search.watch({ ...k, kind: k.kind });
  }, [query, search]);

  // Each keystroke asks the worker; only the newest answer is shown. Asked again while lists arrive.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (chosen || query.mode !== 'search') return;
    let stale = false;
    const hasQuery = !!(query.fragment || query.kinds || query.selector || query.namespace);
    if (!hasQuery) { setHits({ hits: [], size: hits.size, ms: 0, text }); return; }
    void search.search({
      fragment: query.fragment, kinds: query.kinds?.map(kindKeyOf), namespace: query.namespace, selector: query.selector,
      recent: recent.map((r) => r.key), preferNamespace: p.namespace, limit: 50,
    }).then((r) => { if (!stale) setHits({ ...r, text }); });
    return () => { stale = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, search, chosen, tick]);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);

  const rows: Row[] = useChosenRows(p.context, chosen, text) ?? (query.mode === 'command'
    ? commandItems(query, { contexts: p.contexts, namespaces: p.namespaces, all: p.clusterWide, favourites }).map((item) => ({ type: 'cmd' as const, item }))
    : !text.trim() ? recent.map((hit) => ({ type: 'hit' as const, hit, recent: true }))
      : hits.hits.map((hit) => ({ type: 'hit' as const, hit })));
  const at = Math.min(cursor, Math.max(0, rows.length - 1));
  useEffect(() => setCursor(0), [text, chosen]);

  const close = () => p.onClose();
  const pick = (row: Row | undefined) => {
    if (!row) return;
    if (row.type === 'hit') {
      saveRecent(p.context, row.hit);
      setChosen(row.hit); setText('');
      return;
    }
    if (row.type === 'cmd') { if (row.item.go) { close(); p.onGo(row.item.go); } return; }
    if (row.why || !chosen) return;
    const uid = chosen.objectUid ?? chosen.uid;
    const target: DetailsTarget = { group: chosen.group, version: chosen.version, resource: chosen.resource, namespace: chosen.namespace, name: chosen.name, uid, ...(chosen.cluster ? { context: chosen.cluster } : {}) };
    close();
    if (row.action.topology) {
      // Into the object's own namespace where one namespace is shown, so the graph has it.
      p.onGo({ to: 'topology', ...(p.namespace && chosen.namespace ? { namespace: chosen.namespace } : {}) });
      requestTopologyFocus(uid);
      return;
    }
    p.onOpen(target);
    requestAction({ uid, ...(row.action.tab ? { tab: row.action.tab } : { action: row.action.action, replicas: row.action.replicas }) });
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.ctrlKey && e.key === 'n')) { e.preventDefault(); setCursor(Math.min(rows.length - 1, at + 1)); }
    else if (e.key === 'ArrowUp' || (e.ctrlKey && e.key === 'p')) { e.preventDefault(); setCursor(Math.max(0, at - 1)); }
    else if (e.key === 'Enter') { e.preventDefault(); pick(rows[at]); }
    else if (e.key === 'Backspace' && !text && chosen) { e.preventDefault(); setChosen(undefined); }
  };

  const listId = 'palette-list';
  const placeholder = chosen ? `Action on ${chosen.kind} ${chosen.name} (e.g. scale 4, logs, delete)…`
    : 'Find: web · deploy web · po -n demo · demo/web · app=web   Commands: :ns demo · :ctx · :pods · :top';
  return (
    <dialog ref={dialogRef} className="palette" aria-label="Command palette" data-testid="palette"
      onCancel={(e) => { e.preventDefault(); if (chosen) setChosen(undefined); else close(); }}
      onClick={(e) => { if (e.target === dialogRef.current) close(); }}>
      {chosen && (
        <div className="pal-chosen" data-testid="palette-chosen">
          <span className="pal-kind">{chosen.kind}</span> <b>{chosen.name}</b>{chosen.namespace && <span className="muted"> in {chosen.namespace}</span>}{chosen.cluster && <span className="muted"> on {chosen.cluster}</span>}
          <span className="muted pal-back">Backspace: back</span>
        </div>
      )}
      <input ref={inputRef} className="pal-input" value={text} placeholder={placeholder} spellCheck={false} autoComplete="off"
        role="combobox" aria-expanded aria-controls={listId} aria-autocomplete="list" aria-label={chosen ? 'Action' : 'Search objects or type a command'}
        aria-activedescendant={rows.length ? `pal-opt-${at}` : undefined} data-testid="palette-input"
        onChange={(e) => setText(e.target.value)} onKeyDown={onKey} />
      {query.mode === 'search' && query.selectorError && !chosen && <div className="pal-note pal-bad" role="alert">{query.selectorError}</div>}
      <ul id={listId} className="pal-list" role="listbox" aria-label={chosen ? 'Actions' : 'Results'} data-answered={chosen ? undefined : hits.text}>
        {rows.map((r, i) => (
          <li key={rowKey(r)} id={`pal-opt-${i}`} role="option" aria-selected={i === at} aria-disabled={r.type === 'action' && !!r.why}
            className={`pal-row${i === at ? ' pal-cursor' : ''}${r.type === 'action' && r.why ? ' pal-disabled' : ''}${r.type === 'action' && r.action.danger ? ' pal-danger' : ''}`}
            data-testid="palette-row" onMouseMove={() => setCursor(i)} onMouseDown={(e) => { e.preventDefault(); pick(r); }}>
            <RowBody row={r} />
          </li>
        ))}
      </ul>
      {!chosen && query.mode === 'search' && text.trim() && rows.length === 0 && <div className="pal-note muted" data-testid="palette-empty">No object matches in what is watched{scope ? ` in ${scope}` : ''}.</div>}
      {!chosen && !text.trim() && rows.length === 0 && <div className="pal-note muted">Type a name, a kind (po, deploy, svc…), ns/name or app=web; or “:” for commands.</div>}
      <footer className="pal-foot muted">
        <span><kbd>↑</kbd><kbd>↓</kbd> move · <kbd>Enter</kbd> choose · <kbd>Esc</kbd> {chosen ? 'back' : 'close'}</span>
        {search.problems.size > 0 && (
          <span className="pal-unread" title={[...search.problems].map(([k, why]) => `${k.replace(/^\//, '')}: ${why}`).join('\n')} data-testid="palette-unreadable">
            {search.problems.size} kind{search.problems.size === 1 ? '' : 's'} not readable here: {[...search.problems.keys()].map((k) => k.split('/')[1]).join(', ')}
          </span>
        )}
        <span data-testid="palette-stats">{hits.size.toLocaleString()} objects indexed{scope ? ` in ${scope}` : ''}{hits.ms ? ` · ${hits.ms.toFixed(1)} ms` : ''}</span>
      </footer>
    </dialog>
  );
}

function rowKey(r: Row): string {
  return r.type === 'hit' ? r.hit.key : r.type === 'cmd' ? r.item.id : r.action.id;
}

function RowBody({ row }: { row: Row }) {
  if (row.type === 'hit') {
    const h = row.hit;
    return <><span className="pal-kind">{h.kind}</span><span className="pal-name">{h.name}</span>{h.namespace && <span className="pal-ns muted">{h.namespace}</span>}{h.cluster && <span className="pal-tag" data-testid="palette-cluster">{h.cluster}</span>}{row.recent && <span className="pal-tag muted">recent</span>}</>;
  }
  if (row.type === 'cmd') return <><span className="pal-name">{row.item.label}</span>{row.item.detail && <span className="pal-ns muted">{row.item.detail}</span>}</>;
  return <><span className="pal-name">{row.action.label}</span>{row.why && <span className="pal-why">{row.why}</span>}</>;
}

/** The chosen object's actions with RBAC verdicts, or undefined when no object is chosen. */
function useChosenRows(workspace: string, chosen: Hit | undefined, text: string): Row[] | undefined {
  // An object of another cluster shown with this one: read and checked on its own cluster.
  const context = chosen?.cluster ?? workspace;
  const ref = chosen ? { context, group: chosen.group, version: chosen.version, resource: chosen.resource, namespace: chosen.namespace, name: chosen.name } : undefined;
  const obj = useContractQuery('resource.get', ref, { staleTime: 0, retry: false });
  const all = useMemo(() => (chosen ? paletteActions(chosen.kind, obj.data) : []), [chosen, obj.data]);
  const ids = useMemo(() => all.flatMap((a) => (a.action ? [a.action] : [])), [all]);
  const access = useActionAccess(context, chosen && { group: chosen.group, resource: chosen.resource, namespace: chosen.namespace, name: chosen.name }, ids);
  if (!chosen) return undefined;
  return filterActions(all, text).map((action) => ({ type: 'action', action,
    why: action.topology && context !== workspace ? `The topology shows ${workspace}; open ${chosen.name}'s details instead`
      : action.action ? whyNot(access[action.action as ObjectActionId], action, obj.data) : undefined }));
}

function whyNot(v: { allowed: boolean; reason?: string } | undefined, a: PaletteAction, obj: unknown): string | undefined {
  if (!v?.allowed) return v?.reason ?? 'Checking permissions…';
  return stateBlock(a.action!, obj);
}

/**
 * One index per context and scope, kept a while after the palette closes so reopening it is instant;
 * its watches close LINGER_MS after the last close.
 */
const LINGER_MS = 120_000;
let shared: { key: string; search: PaletteSearch; timer?: ReturnType<typeof setTimeout> } | undefined;
function useSharedSearch(client: ReturnType<typeof useClient>, context: string, scope: string | undefined, others: readonly string[]): PaletteSearch {
  const key = `${context}\u0000${scope ?? ''}\u0000${others.join('\u0000')}`;
  if (!shared || shared.key !== key) {
    if (shared) { clearTimeout(shared.timer); shared.search.dispose(); }
    shared = { key, search: new PaletteSearch(client, context, scope, others) };
  }
  const mine = shared;
  clearTimeout(mine.timer);
  useEffect(() => () => {
    if (shared !== mine) return;
    mine.timer = setTimeout(() => { if (shared === mine) { mine.search.dispose(); shared = undefined; } }, LINGER_MS);
  }, [mine]);
  return mine.search;
}
