import { useState } from 'react';
import type { HelmObjectDiff, HelmRevisionDiff } from '../../../shared/contract/helm';
import { DiffView } from '../editor/DiffView';

/**
 * What changes between two revisions: the user-supplied values, then each object of the rendered
 * manifests (changed ones open, unchanged ones listed). Also the rollback preview (current → target).
 */
export function RevisionDiffView({ diff, testId = 'helm-revision-diff' }: { diff: HelmRevisionDiff; testId?: string }) {
  const changed = diff.objects.filter((o) => o.change !== 'unchanged');
  const same = diff.objects.length - changed.length;
  const valuesSame = diff.valuesFrom === diff.valuesTo;
  return (
    <div className="helm-diff" data-testid={testId}>
      <section>
        <h3>Values {valuesSame && <span className="muted">(the same)</span>}</h3>
        {!valuesSame && <DiffView before={diff.valuesFrom} after={diff.valuesTo} beforeLabel={`revision ${diff.from}`} afterLabel={`revision ${diff.to}`} testId="helm-values-diff" />}
      </section>
      <section>
        <h3>Manifest <span className="muted">{changed.length} object{changed.length === 1 ? '' : 's'} changed, {same} the same</span></h3>
        {changed.map((o) => <ObjectDiff key={o.key} o={o} from={diff.from} to={diff.to} />)}
      </section>
    </div>
  );
}

function ObjectDiff({ o, from, to }: { o: HelmObjectDiff; from: number; to: number }) {
  const [open, setOpen] = useState(true);
  return (
    <div className="helm-object-diff" data-testid={`helm-object-diff-${o.kind}-${o.name}`}>
      <button type="button" className="helm-disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden>{open ? '▾' : '▸'}</span> <span className={`helm-change helm-change-${o.change}`}>{o.change}</span> {o.kind} {o.namespace ? `${o.namespace}/` : ''}{o.name}
      </button>
      {open && <DiffView before={o.from} after={o.to} beforeLabel={o.change === 'added' ? `not in revision ${from}` : `revision ${from}`} afterLabel={o.change === 'removed' ? `not in revision ${to}` : `revision ${to}`} />}
    </div>
  );
}
