import { useState } from 'react';
import { useContractQuery } from '../../data/clientContext';

/** User-supplied or computed values (`helm get values [--all]`) as YAML; secret-looking values masked until asked. */
export function HelmValuesTab({ context, namespace, name, revision }: { context: string; namespace: string; name: string; revision: number }) {
  const [all, setAll] = useState(false);
  const [reveal, setReveal] = useState(false);
  const q = useContractQuery('helm.values', { context, namespace, name, revision, all, reveal });
  return (
    <div className="helm-tab" data-testid="helm-values">
      <div className="helm-tab-bar">
        <div className="helm-seg" role="group" aria-label="Which values">
          <button type="button" className={!all ? 'active' : ''} aria-pressed={!all} onClick={() => setAll(false)}>User-supplied</button>
          <button type="button" className={all ? 'active' : ''} aria-pressed={all} onClick={() => setAll(true)} data-testid="helm-values-all">Computed (all)</button>
        </div>
        <span className="muted">revision {revision}</span>
        {q.data && (q.data.masked.length > 0 || reveal) && (
          <button type="button" onClick={() => setReveal(!reveal)} data-testid="helm-values-reveal"
            title={reveal ? 'Mask secret-looking values again' : `Show ${q.data.masked.length} masked value(s): ${q.data.masked.join(', ')}`}>
            {reveal ? 'Mask secrets' : `Reveal ${q.data.masked.length} secret value${q.data.masked.length === 1 ? '' : 's'}`}
          </button>
        )}
      </div>
      {q.error && <div className="error-banner" role="alert">{(q.error as Error).message}</div>}
      {q.data && <pre className="yaml helm-yaml" data-testid="helm-values-yaml">{q.data.yaml}</pre>}
    </div>
  );
}
