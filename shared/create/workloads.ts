// `kubectl create namespace | deployment | job` (kubectl pkg/cmd/create/create_namespace.go,
// create_deployment.go, create_job.go), field for field, so the object sent equals kubectl's.
import { CreateInputError, requireName, requireNamespace, parsePortNumber } from './createInput';

export interface NamespaceInput { name: string }

export function buildNamespace(p: NamespaceInput): Record<string, any> {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: requireName('Namespace', p.name) }, spec: {}, status: {} };
}

/**
 * The container name kubectl derives from an image: the last path segment without tag or digest;
 * '_' and '.' become '-' and then a random 5-character suffix keeps names unique (sanitizeAndUniquify).
 */
export function containerNameFromImage(image: string, random: () => string = randomSuffix): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${random()}`;
  return name;
}

/** utilrand.String(5): the alphabet kubectl draws from (no vowels, no confusable digits). */
function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

export interface DeploymentInput {
  name: string;
  namespace: string;
  /** One image per container (`--image` repeated). */
  images: string[];
  replicas?: number;
  /** `--port`: the first container's port; absent like kubectl's -1. */
  port?: string;
  /** Everything after `--`. */
  command?: string[];
}

/** `kubectl create deployment NAME --image=… [--replicas=N] [--port=P] -n NS [-- COMMAND…]`. */
export function buildDeployment(p: DeploymentInput, random?: () => string): Record<string, any> {
  const name = requireName('Deployment', p.name);
  const namespace = requireNamespace(p.namespace);
  const images = p.images.map((i) => i.trim()).filter(Boolean);
  if (images.length === 0) throw new CreateInputError('image', 'At least one image is needed (for example nginx:1.27).');
  const replicas = p.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 0) throw new CreateInputError('replicas', 'Replicas must be a whole number, 0 or more.');
  const labels = { app: name };
  const containers: Record<string, any>[] = images.map((image) => ({
    image, name: containerNameFromImage(image, random), ...(p.command?.length ? { command: p.command } : {}), resources: {},
  }));
  if (p.port?.trim()) containers[0].ports = [{ containerPort: parsePortNumber(p.port, 'port') }];
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { labels, name, namespace },
    spec: {
      replicas, selector: { matchLabels: labels }, strategy: {},
      template: { metadata: { labels }, spec: { containers } },
    },
    status: {},
  };
}

export interface JobInput { name: string; namespace: string; image: string; command?: string[] }

/** `kubectl create job NAME --image=… -n NS [-- COMMAND…]`: one container named after the job, restartPolicy Never. */
export function buildJob(p: JobInput): Record<string, any> {
  const name = requireName('Job', p.name);
  const namespace = requireNamespace(p.namespace);
  if (!p.image.trim()) throw new CreateInputError('image', 'A job needs an image (or create it from a CronJob).');
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace },
    spec: {
      template: {
        metadata: {},
        spec: { containers: [{ ...(p.command?.length ? { command: p.command } : {}), image: p.image.trim(), name, resources: {} }], restartPolicy: 'Never' },
      },
    },
    status: {},
  };
}

/**
 * `kubectl create job NAME --from=cronjob/X` (createJobFromCronJob): the job template's labels and
 * spec, its annotations over cronjob.kubernetes.io/instantiate=manual, and the CronJob as controlling
 * owner, so the CronJob's history and garbage collection treat the Job as its own. The CronJob
 * details' "Trigger now" builds its Job with this same function.
 */
export function buildJobFromCronJob(name: string, cronJob: Record<string, any>): Record<string, any> {
  const jobName = requireName('Job', name);
  const namespace = requireNamespace(cronJob?.metadata?.namespace);
  const template = cronJob?.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) },
      ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
      name: jobName, namespace,
      ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid }],
    },
    spec: template.spec ?? {},
    status: {},
  };
}

/** `<cronjob>-manual-<5 chars>`, within the 63 characters a Job's pods' labels allow. */
export function manualJobName(cronJob: string, random: () => string = randomSuffix): string {
  const suffix = `-manual-${random()}`;
  return `${cronJob.slice(0, 63 - suffix.length)}${suffix}`;
}
