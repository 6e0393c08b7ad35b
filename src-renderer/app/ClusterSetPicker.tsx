import { useEffect, useRef, useState } from 'react';
import { useTopicValue } from '../data/clientContext';

interface Props {
  /** The route's context (always shown). */
  context: string;
  /** Every context of the kubeconfig. */
  contexts: readonly string[];
  /** The other contexts shown with it. */
  shown: readonly string[];
  onChange(list: string[]): void;
}

const STATE_TEXT: Record<string, string> = {
  idle: 'not connected', connecting: 'connecting', ready: 'connected', degraded: 'degraded',
  unauthorized: 'unauthorized', unreachable: 'unreachable', error: 'error',
};

/**
 * The top bar's other clusters: one button ("+ Cluster", or "+N clusters" with each one's connection
 * state as a dot) opening a checklist of the kubeconfig's other contexts. Tables merge the rows of every
 * cluster shown, with a Cluster column.
 */
export function ClusterSetPicker({ context, contexts, shown, onChange }: Props) {
  const [picking, setPicking] = useState(false);
  const others = contexts.filter((c) => c !== context);
  if (picking) {
    return <ClusterChecklist names={others} initial={new Set(shown)} onCancel={() => setPicking(false)}
      onApply={(list) => { setPicking(false); onChange(list); }} />;
  }
  const label = shown.length ? `+${shown.length}` : '+ Cluster';
  return (
    <div className="cs-set" data-testid="cluster-set">
      <button type="button" className="cs-add" onClick={() => setPicking(true)} disabled={others.length === 0} data-testid="cluster-set-add"
        aria-label={shown.length ? `Clusters shown with ${context}: ${shown.join(', ')}. Change` : 'Show other clusters with this one'}
        title={others.length === 0 ? 'Your kubeconfig has no other context'
          : shown.length ? `Shown with ${context}: ${shown.join(', ')} (tables merge their rows, with a Cluster column). Change…`
            : 'Show other clusters with this one: tables merge their rows, with a Cluster column'}>
        {shown.map((c) => <ClusterDot key={c} context={c} />)}
        {label}
      </button>
    </div>
  );
}

/** A shown cluster's own connection state, as a dot (its name and state on hover). */
function ClusterDot({ context }: { context: string }) {
  const status = useTopicValue('cluster.watch', { context });
  const state = status?.state ?? 'connecting';
  return <span className={`dot dot-${state}`} data-testid={`cluster-dot-${context}`} data-state={state}
    title={`${context}: ${STATE_TEXT[state] ?? state}${status?.reason && state !== 'ready' ? ` — ${status.reason}` : ''}`} />;
}

/** Check the contexts to show with this one; Enter applies, Esc cancels (none checked shows this one alone). */
function ClusterChecklist({ names, initial, onApply, onCancel }: { names: readonly string[]; initial: ReadonlySet<string>; onApply(list: string[]): void; onCancel(): void }) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(initial);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  const list = names.filter((n) => checked.has(n));
  return (
    <form className="picker ns-several" data-testid="cluster-several" aria-label="Clusters shown together"
      onSubmit={(e) => { e.preventDefault(); onApply(list); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <span>Show with</span>
      <fieldset className="ns-several-list">
        <legend className="sr-only">Clusters to show with this one</legend>
        {names.map((n, i) => (
          <label key={n}><input ref={i === 0 ? first : undefined} type="checkbox" checked={checked.has(n)} data-testid={`cluster-check-${n}`}
            onChange={(e) => setChecked((c) => { const next = new Set(c); if (e.target.checked) next.add(n); else next.delete(n); return next; })}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); onApply(list); } }} /> {n}</label>
        ))}
      </fieldset>
      <button type="submit" data-testid="cluster-several-apply">{list.length ? `Show ${list.length + 1} clusters` : 'Show this one only'}</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
