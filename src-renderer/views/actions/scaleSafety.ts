/**
 * When a scale asks first, and what the question says: scaling to 0 stops every pod; scaling a
 * workload an HorizontalPodAutoscaler manages works but the HPA may undo it (a warning, never a block).
 * Every scale entry point (the topology's − / + and the Rollout tab) asks through ConfirmDialog with
 * this text; the actions menu's scale dialog is itself the question and shows the same warnings.
 */
export interface ScaleQuestion { title: string; body: string[]; confirm: string; danger: boolean }

export function scaleQuestion(p: { kind: string; name: string; from: number; to: number; autoscalers: readonly string[] | boolean }): ScaleQuestion | undefined {
  const toZero = p.to === 0 && p.from > 0;
  const hpa = p.autoscalers === true || (Array.isArray(p.autoscalers) && p.autoscalers.length > 0);
  if (!toZero && !hpa) return undefined;
  const body: string[] = [];
  if (toZero) body.push(`Scaling ${p.kind} ${p.name} to 0 stops every one of its pods; nothing of it keeps running until it is scaled up again.`);
  if (hpa) {
    const names = Array.isArray(p.autoscalers) ? ` ${p.autoscalers.map((n) => `"${n}"`).join(', ')}` : '';
    body.push(`HorizontalPodAutoscaler${names} manages the replicas of ${p.kind} ${p.name}: it may scale it back.`);
  }
  return { title: `Scale ${p.kind} ${p.name} from ${p.from} to ${p.to}?`, body, confirm: `Scale to ${p.to}`, danger: toZero };
}
