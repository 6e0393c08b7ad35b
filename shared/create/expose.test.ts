import { describe, expect, it } from 'vitest';
import { buildExposeService } from './expose';

const deploy = (ports: any[]) => ({
  kind: 'Deployment', metadata: { name: 'web', namespace: 'n', labels: { app: 'web', tier: 'fe' } },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'c', ports }] } } },
});

describe('kubectl expose', () => {
  it('one container port: selector from matchLabels, labels copied, targetPort = port, no name', () => {
    expect(buildExposeService(deploy([{ containerPort: 80 }]))).toEqual({
      apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: 'web', tier: 'fe' }, name: 'web', namespace: 'n' },
      spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'web' } }, status: { loadBalancer: {} },
    });
  });

  it('several ports are port-N; a port with two protocols becomes one port each', () => {
    const svc = buildExposeService(deploy([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }, { containerPort: 80 }]));
    expect(svc.spec.ports).toEqual([
      { name: 'port-1-udp', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-1-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'port-2', port: 80, protocol: 'TCP', targetPort: 80 },
    ]);
  });

  it('--port, --target-port, --type, --name, --protocol', () => {
    const svc = buildExposeService(deploy([{ containerPort: 80 }]), { port: '8080', targetPort: 'http', type: 'NodePort', name: 'web-np', protocol: 'UDP' });
    expect(svc.metadata.name).toBe('web-np');
    expect(svc.spec).toEqual({ ports: [{ port: 8080, protocol: 'UDP', targetPort: 'http' }], selector: { app: 'web' }, type: 'NodePort' });
  });

  it('pod: its labels; service: its selector and its ports; refusals in kubectl words', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p', namespace: 'n', labels: { run: 'p' } }, spec: { containers: [{ ports: [{ containerPort: 9090 }] }] } };
    expect(buildExposeService(pod).spec.selector).toEqual({ run: 'p' });
    const svc = { kind: 'Service', metadata: { name: 's', namespace: 'n' }, spec: { selector: { a: 'b' }, ports: [{ port: 80, targetPort: 8080 }] } };
    expect(buildExposeService(svc).spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(() => buildExposeService({ ...pod, metadata: { name: 'p', namespace: 'n' } })).toThrow(/no labels/);
    expect(() => buildExposeService(deploy([]))).toThrow(/couldn't find port/);
    expect(() => buildExposeService({ kind: 'ConfigMap', metadata: { name: 'x' } })).toThrow(/cannot expose a ConfigMap/);
  });
});
