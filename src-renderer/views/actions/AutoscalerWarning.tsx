import type { DetailsTarget } from '../details/detailsTarget';
import type { AutoscalerRef } from './useAutoscalers';

/** "An HPA manages this": a warning with a link to each HPA, never a block. */
export function AutoscalerWarning({ autoscalers, kind, namespace, onSelect }: {
  autoscalers: AutoscalerRef[]; kind: string; namespace?: string; onSelect?(t: DetailsTarget): void;
}) {
  if (autoscalers.length === 0) return null;
  return (
    <div className="act-hpa-warning" role="note" data-testid="hpa-warning">
      {autoscalers.map((h) => (
        <div key={h.uid || h.name}>
          HorizontalPodAutoscaler{' '}
          {onSelect && namespace
            ? <button type="button" className="act-link" onClick={() => onSelect({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace, name: h.name, uid: h.uid })} data-testid="hpa-link">{h.name}</button>
            : <b>{h.name}</b>}
          {' '}manages the replicas of this {kind}
          {h.maxReplicas !== undefined && <> ({h.minReplicas ?? 1}–{h.maxReplicas})</>}: it will override a manual scale and set its own count again.
        </div>
      ))}
    </div>
  );
}
