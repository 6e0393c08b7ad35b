import { describe, expect, it } from 'vitest';
import { buildService, parseTcp } from './service';

describe('kubectl create service', () => {
  it('parses --tcp like kubectl', () => {
    expect(parseTcp('80')).toEqual({ port: 80, targetPort: 80 });
    expect(parseTcp('80:http')).toEqual({ port: 80, targetPort: 'http' });
    expect(() => parseTcp('80:HTTP_')).toThrow(/target port/);
    expect(() => parseTcp('0:80')).toThrow(/port number/);
  });

  it('nodeport: app=NAME, port named port-target, TCP, the node port on every port', () => {
    expect(buildService({ type: 'NodePort', name: 'web', namespace: 'n', tcp: ['80:8080'], nodePort: '30080' })).toEqual({
      apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: 'web' }, name: 'web', namespace: 'n' },
      spec: { ports: [{ name: '80-8080', nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { app: 'web' }, type: 'NodePort' },
      status: { loadBalancer: {} },
    });
  });

  it('needs a port unless headless; a service name is a DNS-1035 label', () => {
    expect(() => buildService({ type: 'ClusterIP', name: 'web', namespace: 'n', tcp: [] })).toThrow(/at least one tcp/);
    expect(buildService({ type: 'ClusterIP', name: 'web', namespace: 'n', tcp: [], clusterIP: 'None' }).spec.clusterIP).toBe('None');
    expect(() => buildService({ type: 'ClusterIP', name: '1web', namespace: 'n', tcp: ['80'] })).toThrow(/DNS-1035/);
  });
});
