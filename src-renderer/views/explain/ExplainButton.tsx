import { useState } from 'react';
import { ExplainDialog, type ExplainTarget } from './ExplainDialog';

/** A small "Explain" button that opens the explain tree of a kind (table toolbars, details). */
export function ExplainButton({ context, target, label = 'Explain', testId = 'explain-open' }: { context: string; target: ExplainTarget; label?: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  const what = target.kind ?? target.resource ?? 'this kind';
  return (
    <>
      <button type="button" className="ex-open" onClick={() => setOpen(true)} data-testid={testId}
        title={`The fields of ${what} with their types and descriptions, from the cluster's OpenAPI (kubectl explain)`}>{label}</button>
      {open && <ExplainDialog context={context} target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
