import { semanticEqual } from './semanticEqual';
import { POD_TEMPLATE_HASH_LABEL, type PodTemplate } from './workloadShapes';

/**
 * A copy of a pod template without the `pod-template-hash` label the Deployment controller stamps on
 * its ReplicaSets' templates (the Deployment's own template never has it).
 */
export function withoutPodTemplateHash(template: PodTemplate | undefined): PodTemplate {
  const copy: PodTemplate = structuredClone(template ?? {});
  const labels = copy.metadata?.labels;
  if (labels && POD_TEMPLATE_HASH_LABEL in labels) delete labels[POD_TEMPLATE_HASH_LABEL];
  return copy;
}

/** kubectl's `equalIgnoreHash`: two templates are the same rollout if they differ only in that label. */
export function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  return semanticEqual(withoutPodTemplateHash(a), withoutPodTemplateHash(b));
}
