import { useContractQuery } from '../../data/clientContext';
import type { HelmHistoryRow } from '../../../shared/contract/helm';
import { RevisionDiffView } from './RevisionDiffView';

/** Pick any two revisions; see their values diff and the rendered-manifest diff, per object. */
export function HelmDiffTab({ context, namespace, name, history, pick, onPick }: {
  context: string; namespace: string; name: string; history: HelmHistoryRow[]; pick?: { from: number; to: number }; onPick(p: { from: number; to: number }): void;
}) {
  const readable = history.filter((h) => !h.error).map((h) => h.revision);
  const to = pick?.to ?? readable[readable.length - 1];
  const from = pick?.from ?? readable[readable.length - 2] ?? to;
  const q = useContractQuery('helm.diff', from && to ? { context, namespace, name, from, to } : undefined);
  const select = (which: 'from' | 'to', v: number) => onPick({ from, to, [which]: v });
  return (
    <div className="helm-tab">
      <div className="helm-tab-bar">
        <label>From <select value={from} onChange={(e) => select('from', Number(e.target.value))} data-testid="helm-diff-from">
          {readable.map((r) => <option key={r} value={r}>revision {r}</option>)}</select></label>
        <label>To <select value={to} onChange={(e) => select('to', Number(e.target.value))} data-testid="helm-diff-to">
          {readable.map((r) => <option key={r} value={r}>revision {r}</option>)}</select></label>
      </div>
      {q.error && <div className="error-banner" role="alert">{(q.error as Error).message}</div>}
      {q.data && <RevisionDiffView diff={q.data} />}
    </div>
  );
}
