import type { DrainPlan } from '../../../shared/contract/actions';

const podKey = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

/** Before a drain starts: the pods it would evict, those a PodDisruptionBudget will hold, those that block it, and those it leaves. */
export function DrainPreview({ plan, error }: { plan?: DrainPlan; error?: string }) {
  if (error) return <div className="note note-bad" data-testid="drain-preview-error">Could not read the node's pods: {error}</div>;
  if (!plan) return <div className="muted" data-testid="drain-preview-loading">Reading the pods on the node…</div>;
  const held = new Map(plan.budgetBlocked.map((p) => [podKey(p), p.reason]));
  return (
    <div className="act-drain-preview" data-testid="drain-preview">
      {plan.refused.length > 0 && (
        <div className="note note-bad" data-testid="drain-preview-refused">
          <b>Blocks the drain ({plan.refused.length}):</b>
          <ul className="act-list">{plan.refused.map((p) => <li key={podKey(p)}><span className="mono">{podKey(p)}</span> — {p.reason}</li>)}</ul>
        </div>
      )}
      <div data-testid="drain-preview-evict">
        <b>Will be evicted ({plan.evict.length})</b>
        {plan.evict.length === 0 ? <div className="muted">No pods to evict.</div> : (
          <ul className="act-list">
            {plan.evict.map((p) => (
              <li key={podKey(p)} data-testid="drain-preview-pod" data-held={held.has(podKey(p)) || undefined}>
                <span className="mono">{podKey(p)}</span>{held.has(podKey(p)) && <span className="act-tone-warn"> — waits: {held.get(podKey(p))}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {plan.skipped.length > 0 && (
        <details className="act-skipped">
          <summary className="muted">Left on the node ({plan.skipped.length})</summary>
          <ul className="act-list">{plan.skipped.map((p) => <li key={podKey(p)}><span className="mono">{podKey(p)}</span> — {p.reason}</li>)}</ul>
        </details>
      )}
      {plan.warnings.map((w) => <div key={w} className="note note-warn">{w}</div>)}
    </div>
  );
}
