// The New menu's forms as data: each form's fields (one per kubectl flag) and how its values become
// the builder's input (shared/create/). Values are kept as the person typed them, per form, so
// switching forms or going to the YAML and back loses nothing.
import type { CreateFormId } from '../../../shared/create/createKinds';
import { buildNamespace, buildDeployment, buildJob, buildJobFromCronJob } from '../../../shared/create/workloads';
import { buildService, type CreateServiceType } from '../../../shared/create/service';
import { buildConfigMap, buildSecret, type FileSource } from '../../../shared/create/dataObjects';
import { buildIngress } from '../../../shared/create/ingress';
import { buildRole, buildRoleBinding, type ResourceResolver } from '../../../shared/create/rbac';
export { discoveryResolver } from '../../../shared/create/rbac';
import { CreateInputError } from '../../../shared/create/createInput';

export interface Field {
  key: string;
  label: string;
  /** `lines`: one value per line (a repeated flag). */
  type: 'text' | 'lines' | 'number' | 'select' | 'files';
  flag: string;
  placeholder?: string;
  options?: readonly string[];
  /** Shown only when another field has one of these values. */
  when?: { key: string; is: readonly string[] };
  initial?: string;
}

const name: Field = { key: 'name', label: 'Name', type: 'text', flag: 'NAME' };
const ns: Field = { key: 'namespace', label: 'Namespace', type: 'text', flag: '-n' };

export const FORM_FIELDS: Record<CreateFormId, Field[]> = {
  namespace: [name],
  deployment: [name, ns,
    { key: 'images', label: 'Image (one per line)', type: 'lines', flag: '--image', placeholder: 'nginx:1.27' },
    { key: 'replicas', label: 'Replicas', type: 'number', flag: '--replicas', initial: '1' },
    { key: 'port', label: 'Container port', type: 'text', flag: '--port', placeholder: '80 (optional)' },
    { key: 'command', label: 'Command (one argument per line)', type: 'lines', flag: '-- COMMAND', placeholder: 'optional' }],
  service: [
    { key: 'type', label: 'Type', type: 'select', flag: 'clusterip|nodeport|loadbalancer', options: ['ClusterIP', 'NodePort', 'LoadBalancer'], initial: 'ClusterIP' },
    name, ns,
    { key: 'tcp', label: 'Ports port:targetPort (one per line)', type: 'lines', flag: '--tcp', placeholder: '80:8080' },
    { key: 'nodePort', label: 'Node port', type: 'text', flag: '--node-port', placeholder: 'optional', when: { key: 'type', is: ['NodePort'] } },
    { key: 'clusterIP', label: 'Cluster IP', type: 'text', flag: '--clusterip', placeholder: 'optional; None for headless', when: { key: 'type', is: ['ClusterIP'] } }],
  configmap: [name, ns,
    { key: 'literals', label: 'Literals key=value (one per line)', type: 'lines', flag: '--from-literal', placeholder: 'LOG_LEVEL=debug' },
    { key: 'files', label: 'Files (each under its file name)', type: 'files', flag: '--from-file' }],
  secret: [name, ns,
    { key: 'literals', label: 'Literals key=value (one per line)', type: 'lines', flag: '--from-literal', placeholder: 'password=s3cret' },
    { key: 'files', label: 'Files (each under its file name)', type: 'files', flag: '--from-file' },
    { key: 'type', label: 'Type', type: 'text', flag: '--type', placeholder: 'optional (Opaque)' }],
  job: [name, ns,
    { key: 'from', label: 'Source', type: 'select', flag: '--image | --from', options: ['image', 'cronjob'], initial: 'image' },
    { key: 'image', label: 'Image', type: 'text', flag: '--image', placeholder: 'busybox:1.36', when: { key: 'from', is: ['image'] } },
    { key: 'command', label: 'Command (one argument per line)', type: 'lines', flag: '-- COMMAND', placeholder: 'optional', when: { key: 'from', is: ['image'] } },
    { key: 'cronjob', label: 'CronJob', type: 'text', flag: '--from=cronjob/', placeholder: 'nightly', when: { key: 'from', is: ['cronjob'] } }],
  ingress: [name, ns,
    { key: 'rules', label: 'Rules host/path=service:port[,tls[=secret]] (one per line)', type: 'lines', flag: '--rule', placeholder: 'shop.example.com/*=web:80,tls=web-cert' },
    { key: 'className', label: 'Ingress class', type: 'text', flag: '--class', placeholder: 'optional' },
    { key: 'defaultBackend', label: 'Default backend service:port', type: 'text', flag: '--default-backend', placeholder: 'optional' }],
  role: [name, ns,
    { key: 'verbs', label: 'Verbs (comma or line separated)', type: 'lines', flag: '--verb', placeholder: 'get,list,watch' },
    { key: 'resources', label: 'Resources (comma or line separated)', type: 'lines', flag: '--resource', placeholder: 'pods,deployments.apps' },
    { key: 'resourceNames', label: 'Resource names', type: 'lines', flag: '--resource-name', placeholder: 'optional' }],
  rolebinding: [name, ns,
    { key: 'role', label: 'Role', type: 'text', flag: '--role', placeholder: 'a Role in this namespace' },
    { key: 'clusterRole', label: 'or ClusterRole', type: 'text', flag: '--clusterrole', placeholder: 'view' },
    { key: 'users', label: 'Users', type: 'lines', flag: '--user', placeholder: 'optional' },
    { key: 'groups', label: 'Groups', type: 'lines', flag: '--group', placeholder: 'optional' },
    { key: 'serviceAccounts', label: 'Service accounts namespace:name', type: 'lines', flag: '--serviceaccount', placeholder: 'optional' }],
};

export type FormValues = Record<string, string>;

export const initialValues = (form: CreateFormId, namespace: string | undefined): FormValues =>
  Object.fromEntries(FORM_FIELDS[form].map((f) => [f.key, f.key === 'namespace' ? namespace ?? '' : f.initial ?? '']));

export const visibleFields = (form: CreateFormId, values: FormValues): Field[] =>
  FORM_FIELDS[form].filter((f) => !f.when || f.when.is.includes(values[f.when.key] ?? ''));

const lines = (v: string | undefined) => (v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

export interface BuildEnv {
  files: FileSource[];
  resolve: ResourceResolver;
  /** Reads the CronJob a Job is created from. */
  cronJob(namespace: string, name: string): Promise<Record<string, any>>;
}

/** The object a form's values describe; a bad value throws CreateInputError naming its field. */
export async function buildFromForm(form: CreateFormId, v: FormValues, env: BuildEnv): Promise<Record<string, any>> {
  const base = { name: (v.name ?? '').trim(), namespace: (v.namespace ?? '').trim() };
  switch (form) {
    case 'namespace': return buildNamespace(base);
    case 'deployment': {
      const replicas = v.replicas?.trim() ? Number(v.replicas) : undefined;
      return buildDeployment({ ...base, images: lines(v.images), replicas, port: v.port, command: lines(v.command) });
    }
    case 'service': return buildService({ ...base, type: (v.type || 'ClusterIP') as CreateServiceType, tcp: lines(v.tcp), nodePort: v.nodePort, clusterIP: v.clusterIP });
    case 'configmap': return buildConfigMap({ ...base, literals: lines(v.literals), files: env.files });
    case 'secret': return buildSecret({ ...base, literals: lines(v.literals), files: env.files, type: v.type });
    case 'job': {
      if (v.from !== 'cronjob') return buildJob({ ...base, image: v.image ?? '', command: lines(v.command) });
      const cj = (v.cronjob ?? '').trim();
      if (!cj) throw new CreateInputError('cronjob', 'Name the CronJob to create the Job from.');
      if (!base.namespace) throw new CreateInputError('namespace', 'Choose a namespace first: this kind lives in one.');
      let cronJob: Record<string, any>;
      try { cronJob = await env.cronJob(base.namespace, cj); } catch (err) {
        throw new CreateInputError('cronjob', `CronJob ${cj} in ${base.namespace} could not be read: ${err instanceof Error ? err.message : String(err)}`);
      }
      return buildJobFromCronJob(base.name, cronJob);
    }
    case 'ingress': return buildIngress({ ...base, rules: lines(v.rules), className: v.className, defaultBackend: v.defaultBackend });
    case 'role': return buildRole({ ...base, verbs: lines(v.verbs), resources: lines(v.resources), resourceNames: lines(v.resourceNames) }, env.resolve);
    case 'rolebinding': return buildRoleBinding({ ...base, role: v.role, clusterRole: v.clusterRole, users: lines(v.users), groups: lines(v.groups), serviceAccounts: lines(v.serviceAccounts) });
  }
}
