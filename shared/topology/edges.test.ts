import { describe, expect, it } from 'vitest';
import { buildEdges, type TopoEdge } from './edges';
import type { TopoObject } from './topologyObject';

const API: Record<string, string> = {
  Deployment: 'apps/v1', ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1', HorizontalPodAutoscaler: 'autoscaling/v2', EndpointSlice: 'discovery.k8s.io/v1',
};
const t = (kind: string, name: string, namespace: string | undefined, extra: Partial<TopoObject> = {}): TopoObject => {
  const o: TopoObject = { uid: `${kind}/${namespace ?? '-'}/${name}`, kind, apiVersion: API[kind] ?? 'v1', name, health: { status: 'Healthy' }, ...extra };
  if (namespace) o.namespace = namespace;
  return o;
};
const own = (owner: TopoObject) => ({ ownerReferences: [{ uid: owner.uid, kind: owner.kind, name: owner.name, controller: true }] });
const podInfo = (refs: Partial<{ configMaps: string[]; secrets: string[]; pvcs: string[] }> = {}) => ({ pod: { ready: 1, total: 1, restartCount: 0, configMaps: [], secrets: [], pvcs: [], ...refs } });
const ids = (edges: TopoEdge[], kind?: string) => edges.filter((e) => !kind || e.kind === kind).map((e) => e.id);

describe('buildEdges', () => {
  const dep = t('Deployment', 'web', 'shop');
  const rs = t('ReplicaSet', 'web-1', 'shop', own(dep));
  const pod = t('Pod', 'web-1-a', 'shop', { ...own(rs), labels: { app: 'web', tier: 'front' }, ...podInfo({ configMaps: ['cfg', 'gone'], secrets: ['creds'], pvcs: ['data'] }) });
  const sts = t('StatefulSet', 'db', 'shop');
  const dbPod = t('Pod', 'db-0', 'shop', { ...own(sts), labels: { app: 'db' }, ...podInfo() });
  const ds = t('DaemonSet', 'agent', 'shop');
  const agentPod = t('Pod', 'agent-x', 'shop', { ...own(ds), ...podInfo() });
  const cron = t('CronJob', 'report', 'shop');
  const job = t('Job', 'report-1', 'shop', own(cron));
  const jobPod = t('Pod', 'report-1-x', 'shop', { ...own(job), ...podInfo() });
  const svc = t('Service', 'web', 'shop', { selector: { matchLabels: { app: 'web' } } });
  const headless = t('Service', 'manual', 'shop');
  const otherNsSvc = t('Service', 'web', 'other', { selector: { matchLabels: { app: 'web' } } });
  const ing = t('Ingress', 'web', 'shop', { ingress: { backends: ['web', 'missing'], hosts: [] } });
  const hpa = t('HorizontalPodAutoscaler', 'web', 'shop', { hpa: { target: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' } } });
  const cfg = t('ConfigMap', 'cfg', 'shop');
  const creds = t('Secret', 'creds', 'shop');
  const claim = t('PersistentVolumeClaim', 'data', 'shop', { pvc: { volumeName: 'pv-1' } });
  const pv = t('PersistentVolume', 'pv-1', undefined);
  const slice = t('EndpointSlice', 'web-abc', 'shop', { ...own(svc), labels: { 'kubernetes.io/service-name': 'web' }, endpointSlice: { serviceName: 'web', ready: 1, total: 1 } });
  const all = [dep, rs, pod, sts, dbPod, ds, agentPod, cron, job, jobPod, svc, headless, otherNsSvc, ing, hpa, cfg, creds, claim, pv, slice];
  const edges = buildEdges(all);

  it('owns: Deployment→ReplicaSet→Pod, StatefulSet/DaemonSet/Job→Pod, CronJob→Job', () => {
    expect(ids(edges, 'owns')).toEqual([
      `owns:${cron.uid}->${job.uid}`, `owns:${ds.uid}->${agentPod.uid}`, `owns:${dep.uid}->${rs.uid}`, `owns:${job.uid}->${jobPod.uid}`,
      `owns:${rs.uid}->${pod.uid}`, `owns:${sts.uid}->${dbPod.uid}`,
    ].sort());
  });
  it('selects: only pods of the Service’s own namespace; a Service without a selector selects nothing', () => {
    expect(ids(edges, 'selects')).toEqual([`selects:${svc.uid}->${pod.uid}`]);
  });
  it('routes: Ingress→Service for existing Services only', () => expect(ids(edges, 'routes')).toEqual([`routes:${ing.uid}->${svc.uid}`]));
  it('scales: HPA→target', () => expect(ids(edges, 'scales')).toEqual([`scales:${hpa.uid}->${dep.uid}`]));
  it('mounts: Pod→ConfigMap/Secret/PVC, skipping names that do not exist', () => {
    expect(ids(edges, 'mounts')).toEqual([`mounts:${pod.uid}->${cfg.uid}`, `mounts:${pod.uid}->${creds.uid}`, `mounts:${pod.uid}->${claim.uid}`].sort());
  });
  it('binds: PVC→PV', () => expect(ids(edges, 'binds')).toEqual([`binds:${claim.uid}->${pv.uid}`]));
  it('gives EndpointSlices no edges (they are folded into their Service)', () => {
    expect(edges.some((e) => e.source === slice.uid || e.target === slice.uid)).toBe(false);
  });
  it('is deterministic whatever the input order', () => {
    expect(buildEdges([...all].reverse())).toEqual(edges);
    expect(edges.map((e) => e.id)).toEqual([...new Set(edges.map((e) => e.id))]);
  });
});

describe('buildEdges details', () => {
  it('routes from an Ingress default backend alone', () => {
    const svc = t('Service', 'fallback', 'shop');
    const ing = t('Ingress', 'web', 'shop', { ingress: { backends: ['fallback'], hosts: [] } });
    expect(ids(buildEdges([svc, ing]))).toEqual([`routes:${ing.uid}->${svc.uid}`]);
  });
  it('finds an HPA target without apiVersion, and keeps a CRD of the same kind apart', () => {
    const sts = t('StatefulSet', 'db', 'shop');
    const crd = { ...t('Deployment', 'web', 'shop'), uid: 'crd', apiVersion: 'example.com/v1' };
    const hpa1 = t('HorizontalPodAutoscaler', 'db', 'shop', { hpa: { target: { kind: 'StatefulSet', name: 'db' } } });
    const hpa2 = t('HorizontalPodAutoscaler', 'web', 'shop', { hpa: { target: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' } } });
    expect(ids(buildEdges([sts, crd, hpa1, hpa2]))).toEqual([`scales:${hpa1.uid}->${sts.uid}`]);
  });
  it('selects with a multi-label selector and ignores pods of the same labels elsewhere', () => {
    const svc = t('Service', 'web', 'a', { selector: { matchLabels: { app: 'web', tier: 'front' } } });
    const p1 = t('Pod', 'p1', 'a', { labels: { app: 'web', tier: 'front' } });
    const p2 = t('Pod', 'p2', 'a', { labels: { app: 'web', tier: 'back' } });
    const p3 = t('Pod', 'p3', 'b', { labels: { app: 'web', tier: 'front' } });
    expect(ids(buildEdges([svc, p1, p2, p3]))).toEqual([`selects:${svc.uid}->${p1.uid}`]);
  });
  it('ignores owner references to objects not in the set, and self references', () => {
    const pod = t('Pod', 'p', 'a', { ownerReferences: [{ uid: 'absent', kind: 'ReplicaSet', name: 'x' }] });
    const odd = t('ConfigMap', 'c', 'a');
    odd.ownerReferences = [{ uid: odd.uid, kind: 'ConfigMap', name: 'c' }];
    expect(buildEdges([pod, odd])).toEqual([]);
  });

  it('handles a 10,000-pod namespace with index maps (completes, correct counts)', () => {
    const objects: TopoObject[] = [];
    const deployments = 100;
    for (let d = 0; d < deployments; d++) {
      const dep = t('Deployment', `app-${d}`, 'big');
      const rs = t('ReplicaSet', `app-${d}-1`, 'big', own(dep));
      objects.push(dep, rs, t('Service', `app-${d}`, 'big', { selector: { matchLabels: { app: `app-${d}` } } }), t('ConfigMap', `app-${d}`, 'big'));
      for (let p = 0; p < 100; p++) objects.push(t('Pod', `app-${d}-1-${p}`, 'big', { ...own(rs), labels: { app: `app-${d}`, team: 'all' }, ...podInfo({ configMaps: [`app-${d}`] }) }));
    }
    const edges = buildEdges(objects);
    const count = (kind: string) => edges.filter((e) => e.kind === kind).length;
    expect(count('owns')).toBe(100 + 10_000);
    expect(count('selects')).toBe(10_000);
    expect(count('mounts')).toBe(10_000);
    expect(edges).toHaveLength(30_100);
  });
});
