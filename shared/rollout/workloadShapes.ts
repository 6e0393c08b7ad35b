// The few fields of Kubernetes objects that rollout logic reads, as the API server sends them (JSON).
// Structural and partial on purpose: shared/ carries no generated client types. Metadata and
// selectors are the shared/model types.
import type { ObjectMeta } from '../model/kubeObject';
import type { LabelSelector } from '../model/labelSelector';

export type { LabelSelector, ObjectMeta };
export type { OwnerReference } from '../model/kubeObject';

export interface Container {
  name: string;
  image?: string;
  [field: string]: unknown;
}

export interface PodTemplate {
  metadata?: ObjectMeta & Record<string, unknown>;
  spec?: { containers?: Container[]; initContainers?: Container[]; [field: string]: unknown };
}

export interface Condition {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
}

export interface Workload {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    replicas?: number;
    paused?: boolean;
    selector?: LabelSelector;
    template?: PodTemplate;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; [k: string]: unknown } };
    [field: string]: unknown;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    currentReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    numberReady?: number;
    conditions?: Condition[];
    [field: string]: unknown;
  };
}

export interface ReplicaSet {
  metadata: ObjectMeta;
  spec?: { replicas?: number; template?: PodTemplate; [field: string]: unknown };
}

export interface ControllerRevision {
  metadata: ObjectMeta;
  revision: number;
  /** A strategic merge patch, `{"spec":{"template":{..., "$patch":"replace"}}}`, as the controllers record it. */
  data?: { spec?: { template?: PodTemplate & { $patch?: string } } } & Record<string, unknown>;
}

export type RolloutKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
