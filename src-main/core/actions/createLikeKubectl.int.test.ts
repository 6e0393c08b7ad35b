// The New menu's builders and Expose against kubectl as the oracle (real test cluster): for each
// `kubectl create …` the object our builder makes and the one kubectl makes are both sent as a server
// dry run (kubectl's through `kubectl create --dry-run=server -f -` of its `--dry-run=client -o json`),
// and the server's answers are compared whole, volatile fields dropped. The create mode of
// actions.apply (the one path the forms use) is checked for dry run, AlreadyExists and RBAC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, LIMITED, eventually, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { applyManifest } from './apply';
import { collectionPath } from '../cluster/resourcePath';
import { kindResolver } from './kindResolver';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';
import { buildDeployment, buildJob, buildJobFromCronJob, buildNamespace } from '../../../shared/create/workloads';
import { buildService } from '../../../shared/create/service';
import { buildConfigMap, buildSecret } from '../../../shared/create/dataObjects';
import { buildIngress } from '../../../shared/create/ingress';
import { buildRole, buildRoleBinding, discoveryResolver } from '../../../shared/create/rbac';
import { buildExposeService } from '../../../shared/create/expose';
import { apiResourceRow } from '../../../shared/model/apiResources';

/** The server's answer without what differs between any two creates (ids, times, versions, allocated IPs and ports). */
function stable(obj: any): any {
  const o = structuredClone(obj);
  for (const k of ['uid', 'creationTimestamp', 'managedFields', 'resourceVersion', 'generation']) delete o.metadata?.[k];
  if (o.kind === 'Service') {
    delete o.spec.clusterIP; delete o.spec.clusterIPs;
    for (const p of o.spec.ports ?? []) delete p.nodePort;
  }
  // A Job's controller-uid labels and selector carry its (dry-run) uid.
  const text = JSON.stringify(o).replace(/"(batch\.kubernetes\.io\/)?controller-uid":"[^"]+"/g, '"$1controller-uid":"UID"');
  return JSON.parse(text);
}

describe('create and expose like kubectl (real test cluster)', () => {
  let core: Core;
  let http: KubeHttp;
  const ns = randomName('wh-create');
  const dir = mkdtempSync(join(tmpdir(), 'wh-create-'));
  const textFile = join(dir, 'app.conf');
  const binFile = join(dir, 'blob.bin');
  const textBytes = new TextEncoder().encode('mode=fast\nlevel=3\n');
  const binBytes = new Uint8Array([0x61, 0x00, 0xff, 0xfe, 0x10, 0x80]);

  /** Ours: the builder's object, POSTed as a server dry run the way actions.apply's create mode does. */
  const oursDry = async (obj: any) => {
    const target = await kindResolver(http)(obj.apiVersion, obj.kind);
    return http.request('POST', collectionPath(target, target.namespaced ? obj.metadata.namespace : undefined), { body: obj, query: { dryRun: 'All', fieldManager: 'kubectl-create' } });
  };
  /** Theirs: kubectl's client-side object, then a server dry run of it. */
  const theirsDry = async (args: string[]) => {
    // kubectl's own flags go before `--` (what follows it is the container's command).
    const cut = args.includes('--') ? args.indexOf('--') : args.length;
    const client = await kubectl([...args.slice(0, cut), '--dry-run=client', '-o', 'json', ...args.slice(cut)]);
    return JSON.parse(await kubectl(['create', '--dry-run=server', '-o', 'json', '-f', '-'], { input: client }));
  };
  const same = async (ours: any, args: string[]) => {
    const [a, b] = await Promise.all([oursDry(ours), theirsDry(args)]);
    expect(stable(a)).toEqual(stable(b));
    return b;
  };

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    writeFileSync(textFile, textBytes);
    writeFileSync(binFile, binBytes);
    await http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
    await eventually(() => http.request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`), 30_000, 'serviceaccount default');
  });
  afterAll(async () => {
    await http?.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => undefined);
    await core?.dispose();
  });

  it('namespace', async () => {
    const name = randomName('wh-create-ns');
    await same(buildNamespace({ name }), ['create', 'namespace', name]);
  });

  it('deployment with image, replicas and port', async () => {
    await same(buildDeployment({ name: 'web', namespace: ns, images: ['nginx:1.27'], replicas: 3, port: '8080' }),
      ['create', 'deployment', 'web', '-n', ns, '--image=nginx:1.27', '--replicas=3', '--port=8080']);
  });

  it('service clusterip, nodeport and loadbalancer', async () => {
    await same(buildService({ type: 'ClusterIP', name: 'cip', namespace: ns, tcp: ['80:8080', '443:https'] }), ['create', 'service', 'clusterip', 'cip', '-n', ns, '--tcp=80:8080', '--tcp=443:https']);
    const np = await same(buildService({ type: 'NodePort', name: 'np', namespace: ns, tcp: ['80:8080'] }), ['create', 'service', 'nodeport', 'np', '-n', ns, '--tcp=80:8080']);
    expect(np.spec.type).toBe('NodePort');
    await same(buildService({ type: 'LoadBalancer', name: 'lb', namespace: ns, tcp: ['5678:8080'] }), ['create', 'service', 'loadbalancer', 'lb', '-n', ns, '--tcp=5678:8080']);
  });

  it('configmap and secret generic from literals and from files (text and binary)', async () => {
    const files = [{ fileName: 'app.conf', bytes: textBytes }, { fileName: 'blob.bin', bytes: binBytes }];
    const cm = await same(buildConfigMap({ name: 'cfg', namespace: ns, literals: ['a=1', 'b=x=y'], files }),
      ['create', 'configmap', 'cfg', '-n', ns, '--from-literal=a=1', '--from-literal=b=x=y', `--from-file=${textFile}`, `--from-file=${binFile}`]);
    expect(Object.keys(cm.binaryData)).toEqual(['blob.bin']);
    const secret = await same(buildSecret({ name: 'sec', namespace: ns, literals: ['user=admin'], files: [{ key: 'key.bin', fileName: 'blob.bin', bytes: binBytes }] }),
      ['create', 'secret', 'generic', 'sec', '-n', ns, '--from-literal=user=admin', `--from-file=key.bin=${binFile}`]);
    expect(secret.type).toBe('Opaque');
  });

  it('job with a command, and job --from=cronjob (the CronJob trigger builds the same Job)', async () => {
    await same(buildJob({ name: 'once', namespace: ns, image: 'busybox:1.36', command: ['sh', '-c', 'echo hi'] }),
      ['create', 'job', 'once', '-n', ns, '--image=busybox:1.36', '--', 'sh', '-c', 'echo hi']);
    await kubectl(['create', 'cronjob', 'nightly', '-n', ns, '--image=busybox:1.36', '--schedule=0 3 * * *', '--', 'date']);
    await kubectl(['annotate', '-n', ns, 'cronjob/nightly', 'note=kept']);
    await kubectl(['patch', '-n', ns, 'cronjob/nightly', '--type=merge', '-p', '{"spec":{"jobTemplate":{"metadata":{"labels":{"team":"ops"},"annotations":{"owner":"ops"}}}}}']);
    const cj = await http.request('GET', `/apis/batch/v1/namespaces/${ns}/cronjobs/nightly`);
    const job = await same(buildJobFromCronJob('nightly-manual', cj), ['create', 'job', 'nightly-manual', '-n', ns, '--from=cronjob/nightly']);
    expect(job.metadata.annotations).toMatchObject({ 'cronjob.kubernetes.io/instantiate': 'manual', owner: 'ops' });
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'nightly', uid: cj.metadata.uid, controller: true });
  });

  it('ingress with a class, two rules and tls', async () => {
    const rules = ['shop.example.com/*=web:80,tls=shop-cert', 'api.example.com/v1=api:http'];
    await same(buildIngress({ name: 'edge', namespace: ns, className: 'nginx', rules }),
      ['create', 'ingress', 'edge', '-n', ns, '--class=nginx', ...rules.map((r) => `--rule=${r}`)]);
  });

  it('role (short names resolved through discovery) and rolebinding with a user, a group and a serviceaccount', async () => {
    const resolve = discoveryResolver(await core.connection(ADMIN).discovery());
    await same(buildRole({ name: 'reader', namespace: ns, verbs: ['get,list', 'watch'], resources: ['pods', 'deploy.apps', 'rs/scale'], resourceNames: ['a', 'b'] }, resolve),
      ['create', 'role', 'reader', '-n', ns, '--verb=get,list', '--verb=watch', '--resource=pods,deploy.apps', '--resource=rs/scale', '--resource-name=a', '--resource-name=b']);
    await same(buildRoleBinding({ name: 'readers', namespace: ns, role: 'reader', users: ['alice'], groups: ['devs'], serviceAccounts: [`${ns}:default`] }),
      ['create', 'rolebinding', 'readers', '-n', ns, '--role=reader', '--user=alice', '--group=devs', `--serviceaccount=${ns}:default`]);
    await same(buildRoleBinding({ name: 'viewers', namespace: ns, clusterRole: 'view', serviceAccounts: [`${ns}:default`] }),
      ['create', 'rolebinding', 'viewers', '-n', ns, '--clusterrole=view', `--serviceaccount=${ns}:default`]);
  });

  it('expose a deployment (with and without --port), a pod and a service: the Service kubectl expose makes', async () => {
    await kubectl(['create', 'deployment', 'shop', '-n', ns, '--image=nginx:1.27', '--port=8080']);
    await kubectl(['run', 'solo', '-n', ns, '--image=nginx:1.27', '--port=9090', '--labels=run=solo,tier=one']);
    await kubectl(['create', 'service', 'clusterip', 'front', '-n', ns, '--tcp=80:8080', '--tcp=443:8443']);
    const get = (path: string) => http.request('GET', `/${path}`);
    const deploy = await get(`apis/apps/v1/namespaces/${ns}/deployments/shop`);
    const pod = await get(`api/v1/namespaces/${ns}/pods/solo`);
    const svc = await get(`api/v1/namespaces/${ns}/services/front`);
    const exposeSame = async (ours: any, args: string[]) => {
      const theirs = JSON.parse(await kubectl(['expose', ...args, '-n', ns, '--dry-run=server', '-o', 'json']));
      expect(stable(await oursDry(ours))).toEqual(stable(theirs));
      return theirs;
    };
    await exposeSame(buildExposeService(deploy), ['deployment', 'shop']);
    const typed = await exposeSame(buildExposeService(deploy, { port: '80', targetPort: '8080', type: 'NodePort', name: 'shop-np' }),
      ['deployment', 'shop', '--port=80', '--target-port=8080', '--type=NodePort', '--name=shop-np']);
    expect(typed.spec.type).toBe('NodePort');
    await exposeSame(buildExposeService(deploy, { port: '81', protocol: 'UDP', name: 'shop-udp' }), ['deployment', 'shop', '--port=81', '--protocol=UDP', '--name=shop-udp']);
    await exposeSame(buildExposeService(pod), ['pod', 'solo']);
    const two = await exposeSame(buildExposeService(svc, { name: 'front-copy' }), ['service', 'front', '--name=front-copy']);
    expect(two.spec.ports.map((p: any) => p.name)).toEqual(['port-1', 'port-2']);
  });

  it('actions.apply in create mode: a dry run creates nothing, a real create writes, a second says AlreadyExists and changes nothing', async () => {
    const yaml = JSON.stringify(buildConfigMap({ name: 'made', namespace: ns, literals: ['k=v'], files: [] }));
    const dry = await applyManifest(http, { yaml, dryRun: true, mode: 'create' });
    expect(dry.results[0]).toMatchObject({ outcome: 'created', kind: 'ConfigMap', name: 'made', namespace: ns });
    expect((dry.results[0].object as any).data).toEqual({ k: 'v' });
    await expect(http.request('GET', `/api/v1/namespaces/${ns}/configmaps/made`)).rejects.toMatchObject({ status: 404 });
    expect((await applyManifest(http, { yaml, mode: 'create' })).ok).toBe(true);
    const cm = await http.request('GET', `/api/v1/namespaces/${ns}/configmaps/made`);
    expect(cm.metadata.managedFields.map((f: any) => `${f.manager}:${f.operation}`)).toEqual(['wheelhouse:Update']);
    const again = await applyManifest(http, { yaml: JSON.stringify(buildConfigMap({ name: 'made', namespace: ns, literals: ['k=changed'], files: [] })), dryRun: true, mode: 'create' });
    expect(again.ok).toBe(false);
    expect(again.results[0].message).toBe(`configmaps/made already exists in namespace ${ns}: nothing was changed. Choose another name, or edit the existing object.`);
    expect((await http.request('GET', `/api/v1/namespaces/${ns}/configmaps/made`)).data).toEqual({ k: 'v' });
  });

  it('actions.apply in create mode refuses what RBAC forbids, before sending, and bad names before anything', async () => {
    const limited = core.connection(LIMITED).http;
    const r = await applyManifest(limited, { yaml: JSON.stringify(buildNamespace({ name: randomName('wh-nope') })), dryRun: true, mode: 'create' });
    expect(r.results[0].outcome).toBe('error');
    expect(r.results[0].message).toMatch(/not allowed to create namespaces/);
    const bad = await applyManifest(http, { yaml: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: ns } }), dryRun: true, mode: 'create' });
    expect(bad.results[0].message).toMatch(/invalid name: metadata.name: Invalid value: "Bad_Name"/);
  });

  it('api-resources rows equal kubectl api-resources -o wide', async () => {
    const parse = (out: string) => {
      const [head, ...lines] = out.split('\n').filter((l) => l.trim());
      const cols = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES'].map((h) => head.indexOf(h));
      return lines.map((l) => {
        const cells = cols.map((start, i) => l.slice(start, i + 1 < cols.length ? cols[i + 1] : undefined).trim());
        return { name: cells[0], shortNames: cells[1], apiVersion: cells[2], namespaced: cells[3], kind: cells[4], verbs: cells[5], categories: cells[6] };
      });
    };
    const key = (r: { apiVersion: string; name: string }) => `${r.apiVersion}/${r.name}`;
    const sorted = <T extends { apiVersion: string; name: string }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    // Other tests add and remove CRDs on the shared cluster: compare until both reads agree.
    await eventually(async () => {
      const ours = sorted((await core.connection(ADMIN).discovery(true)).map(apiResourceRow));
      const theirs = sorted(parse(await kubectl(['api-resources', '-o', 'wide'])));
      const diff = [...ours.map((r) => JSON.stringify(r)).filter((r) => !theirs.some((t) => JSON.stringify(t) === r)).map((r) => `ours: ${r}`),
        ...theirs.map((r) => JSON.stringify(r)).filter((r) => !ours.some((t) => JSON.stringify(t) === r)).map((r) => `kubectl: ${r}`)];
      if (diff.length) throw new Error(diff.join('\n'));
      return true;
    }, 30_000, 'api-resources to agree');
  });
});
