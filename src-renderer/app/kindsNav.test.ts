import { describe, expect, it } from 'vitest';
import { applyCrdChanges, buildNav, compareKubeVersions, crdToApiResource, pluralLabel, resolveKind, allKinds } from './kindsNav';
import type { ApiResourceInfo } from '../../shared/contract/clusters';

const r = (group: string, version: string, resource: string, kind: string, namespaced = true, verbs = ['get', 'list', 'watch']): ApiResourceInfo =>
  ({ group, version, resource, kind, namespaced, verbs });

const discovery: ApiResourceInfo[] = [
  r('', 'v1', 'pods', 'Pod'), r('', 'v1', 'nodes', 'Node', false), r('apps', 'v1', 'deployments', 'Deployment'),
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
  r('demo.wheelhouse.dev', 'v1', 'widgets', 'Widget'), r('demo.wheelhouse.dev', 'v1', 'gadgets', 'Gadget', false),
  r('gateway.networking.k8s.io', 'v1', 'gateways', 'Gateway'),
  r('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', true, ['get', 'list']),
  r('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, ['create']),
];

describe('buildNav', () => {
  it('without discovery shows the built-ins as declared', () => {
    expect(buildNav(undefined).map((s) => s.title)).toEqual(['Workloads', 'Network', 'Config', 'Storage', 'Access control', 'Cluster']);
  });

  it('keeps built-in sections, drops kinds the server does not serve, and adds CRD groups by API group', () => {
    const nav = buildNav(discovery);
    expect(nav.map((s) => s.title)).toEqual(['Workloads', 'Cluster', 'Custom resources']);
    expect(nav[0].kinds.map((k) => k.label)).toEqual(['Pods', 'Deployments', 'HPAs']);
    const custom = nav[2];
    expect(custom.subgroups?.map((g) => g.group)).toEqual(['demo.wheelhouse.dev', 'gateway.networking.k8s.io']);
    expect(custom.subgroups?.[0].kinds.map((k) => [k.label, k.namespaced])).toEqual([['Gadgets', false], ['Widgets', true]]);
  });

  it('takes version and scope from the server', () => {
    const nav = buildNav([r('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler')]);
    expect(nav[0].kinds[0]).toMatchObject({ version: 'v1', resource: 'horizontalpodautoscalers' });
  });

  it('leaves out kinds that cannot be listed and watched', () => {
    const labels = buildNav(discovery).flatMap((s) => s.kinds).map((k) => k.kind);
    expect(labels).not.toContain('PodMetrics');
    expect(labels).not.toContain('SelfSubjectAccessReview');
  });
});

describe('kind lookups', () => {
  it('resolves ownerReference apiVersion + kind to a resource', () => {
    const kinds = allKinds(discovery);
    expect(resolveKind(kinds, 'apps/v1', 'Deployment')).toMatchObject({ group: 'apps', resource: 'deployments' });
    expect(resolveKind(kinds, 'v1', 'Node')).toMatchObject({ group: '', resource: 'nodes', namespaced: false });
    expect(resolveKind(kinds, 'demo.wheelhouse.dev/v1', 'Widget')).toMatchObject({ resource: 'widgets' });
    expect(resolveKind(kinds, 'x/v1', 'Nope')).toBeUndefined();
  });

  it('pluralises labels from kind and resource', () => {
    expect(pluralLabel('Widget', 'widgets')).toBe('Widgets');
    expect(pluralLabel('NetworkPolicy', 'networkpolicies')).toBe('NetworkPolicies');
    expect(pluralLabel('Ingress', 'ingresses')).toBe('Ingresses');
    expect(pluralLabel('Foo', 'bars')).toBe('bars');
  });
});

describe('CRD changes', () => {
  const crd = (versions: { name: string; served: boolean }[], established = true) => ({
    metadata: { name: 'widgets.demo.wheelhouse.dev' },
    spec: { group: 'demo.wheelhouse.dev', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget', shortNames: ['wd'] }, versions },
    status: { conditions: [{ type: 'Established', status: established ? 'True' : 'False' }] },
  });

  it('orders versions as Kubernetes does', () => {
    expect(['v1alpha1', 'v2beta1', 'v1', 'v1beta2', 'v2', 'foo'].sort(compareKubeVersions)).toEqual(['v2', 'v1', 'v2beta1', 'v1beta2', 'v1alpha1', 'foo']);
  });

  it('derives the discovery entry of an established CRD from its preferred served version', () => {
    expect(crdToApiResource(crd([{ name: 'v1beta1', served: true }, { name: 'v1', served: true }, { name: 'v2', served: false }])))
      .toMatchObject({ group: 'demo.wheelhouse.dev', version: 'v1', resource: 'widgets', kind: 'Widget', namespaced: true, shortNames: ['wd'] });
    expect(crdToApiResource(crd([{ name: 'v1', served: true }], false))).toBeUndefined();
  });

  it('removes deleted CRDs and overlays changed ones', () => {
    const base = [r('', 'v1', 'pods', 'Pod'), r('a.io', 'v1', 'xs', 'X'), r('b.io', 'v1', 'ys', 'Y')];
    const out = applyCrdChanges(base, new Set(['xs.a.io']), new Map([['ys.b.io', r('b.io', 'v2', 'ys', 'Y')], ['zs.c.io', r('c.io', 'v1', 'zs', 'Z')]]));
    expect(out.map((x) => `${x.resource}.${x.group}/${x.version}`)).toEqual(['pods./v1', 'ys.b.io/v2', 'zs.c.io/v1']);
  });

  it('drops a CRD added and then deleted since discovery', () => {
    const out = applyCrdChanges([r('', 'v1', 'pods', 'Pod')], new Set(['zs.c.io']), new Map([['zs.c.io', r('c.io', 'v1', 'zs', 'Z')]]));
    expect(out.map((x) => x.resource)).toEqual(['pods']);
  });
});
