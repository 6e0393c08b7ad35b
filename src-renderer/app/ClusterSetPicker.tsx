import { useState } from 'react';
import { ChecklistPicker } from '../components/ChecklistPicker';
import { ClusterStateDot } from '../components/ClusterStatusBadge';

interface Props {
  /** The route's context (always shown). */
  context: string;
  /** Every context of the kubeconfig. */
  contexts: readonly string[];
  /** The other contexts shown with it. */
  shown: readonly string[];
  onChange(list: string[]): void;
}

/**
 * The top bar's other clusters: one button ("+ Cluster", or "+N clusters" with each one's connection
 * state as a dot) opening a checklist of the kubeconfig's other contexts. Tables merge the rows of every
 * cluster shown, with a Cluster column.
 */
export function ClusterSetPicker({ context, contexts, shown, onChange }: Props) {
  const [picking, setPicking] = useState(false);
  const others = contexts.filter((c) => c !== context);
  if (picking) {
    return <ChecklistPicker label="Show with" legend="Clusters to show with this one" names={others} initial={new Set(shown)} onCancel={() => setPicking(false)}
      applyLabel={(list) => (list.length ? `Show ${list.length + 1} clusters` : 'Show this one only')}
      testIds={{ form: 'cluster-several', check: (n) => `cluster-check-${n}`, apply: 'cluster-several-apply' }}
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
        {shown.map((c) => <ClusterStateDot key={c} context={c} testId={`cluster-dot-${c}`} />)}
        {label}
      </button>
    </div>
  );
}
