import { apiGroup } from '../model/kubeObject';
import { kindInfo } from '../model/kinds';

/** An HPA's spec.scaleTargetRef (autoscaling/v1 and v2 alike). */
export interface ScaleTargetRef { apiVersion?: string; kind?: string; name?: string }

/**
 * The HPA rule, in one place: which object an HorizontalPodAutoscaler scales. Its scaleTargetRef names
 * a kind and a name in the HPA's namespace; the API group comes from apiVersion, and when apiVersion is
 * absent, from the built-in kind of that name (shared/model/kinds.ts). Read by the core's scale action
 * (the "an HPA may scale it back" warning) and by the topology's `scales` edges.
 */
export function scaleTargetGroup(ref: ScaleTargetRef): string {
  return ref.apiVersion ? apiGroup(ref.apiVersion) : (kindInfo(ref.kind ?? '')?.group ?? '');
}

export function autoscalerTargets(ref: ScaleTargetRef | undefined, target: { group: string; kind: string; name: string }): boolean {
  return !!ref && ref.kind === target.kind && ref.name === target.name && scaleTargetGroup(ref) === target.group;
}
