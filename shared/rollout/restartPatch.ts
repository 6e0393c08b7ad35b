import { RESTARTED_AT_ANNOTATION, type RolloutKind, type Workload } from './workloadShapes';

/** Go's `time.Now().Format(time.RFC3339)`: local wall time to the second, `Z` or `±hh:mm`. */
export function formatRfc3339(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  const offsetMin = -date.getTimezoneOffset();
  const zone = offsetMin === 0 ? 'Z' : `${offsetMin > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

export const RFC3339_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

export type RestartDecision =
  | { action: 'refuse'; message: string }
  | { action: 'patch'; restartedAt: string; patch: Record<string, unknown> };

/**
 * kubectl's objectRestarter: stamp `kubectl.kubernetes.io/restartedAt` on the pod template. It refuses
 * a paused Deployment, and a second restart within the same second (the patch would be empty). The
 * patch is the strategic merge patch kubectl computes from that one change.
 */
export function decideRestart(kind: RolloutKind, obj: Workload, now: Date): RestartDecision {
  if (kind === 'Deployment' && obj.spec?.paused) return { action: 'refuse', message: "can't restart paused deployment (run rollout resume first)" };
  const restartedAt = formatRfc3339(now);
  if (obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] === restartedAt) {
    return { action: 'refuse', message: `failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another` };
  }
  return {
    action: 'patch', restartedAt,
    patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } } },
  };
}
