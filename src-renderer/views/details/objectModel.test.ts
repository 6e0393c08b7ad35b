import { describe, expect, it } from 'vitest';
import { conditionIsGood, conditionsOf, decodeSecretValue, podContainers, probeText, selectorText, stateText, workloadFacts } from './objectModel';

describe('objectModel', () => {
  it('prints probes like kubectl describe', () => {
    expect(probeText({ httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 })).toBe('http-get http://:8080/healthz delay=0s timeout=1s period=5s #success=1 #failure=3');
    expect(probeText({ tcpSocket: { port: 'db' }, initialDelaySeconds: 3 })).toMatch(/^tcp-socket :db delay=3s/);
    expect(probeText({ exec: { command: ['cat', '/tmp/ok'] } })).toMatch(/^exec \[cat \/tmp\/ok\]/);
  });

  it('describes container states', () => {
    expect(stateText({ running: { startedAt: 't' } })).toEqual({ text: 'Running', tone: 'ok', since: 't' });
    expect(stateText({ waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } })).toMatchObject({ text: 'Waiting: CrashLoopBackOff', tone: 'bad' });
    expect(stateText({ waiting: { reason: 'ContainerCreating' } })?.tone).toBe('warn');
    expect(stateText({ terminated: { reason: 'Error', exitCode: 1 } })).toMatchObject({ text: 'Terminated: Error (exit 1)', tone: 'bad' });
    expect(stateText({})).toBeUndefined();
  });

  it('joins container spec and status by name', () => {
    const pod = {
      spec: {
        initContainers: [{ name: 'init', image: 'busybox' }],
        containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }], resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } }, readinessProbe: { httpGet: { port: 80, path: '/' } } }],
      },
      status: {
        containerStatuses: [{ name: 'web', ready: true, restartCount: 2, state: { running: { startedAt: 'x' } }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }],
      },
    };
    const [init, web] = podContainers(pod);
    expect(init).toMatchObject({ name: 'init', kind: 'init', restarts: 0 });
    expect(init.state).toBeUndefined();
    expect(web).toMatchObject({ name: 'web', ports: ['80/TCP (http)'], requests: { cpu: '100m' }, limits: { memory: '128Mi' }, ready: true, restarts: 2 });
    expect(web.probes[0].kind).toBe('readiness');
    expect(web.lastState?.text).toBe('Terminated: OOMKilled (exit 137)');
  });

  it('reads conditions and knows which ones are bad when true', () => {
    const cs = conditionsOf({ status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'True' }, { bogus: 1 }] } });
    expect(cs.map((c) => c.type)).toEqual(['Ready', 'MemoryPressure']);
    expect(cs.map(conditionIsGood)).toEqual([true, false]);
  });

  it('decodes secret values only when they are text', () => {
    expect(decodeSecretValue(btoa('hunter2'))).toBe('hunter2');
    expect(decodeSecretValue(btoa(String.fromCharCode(0xff, 0xfe, 0x00)))).toBeUndefined();
  });

  it('prints selectors and workload facts', () => {
    expect(selectorText({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'Exists' }] }))
      .toBe('app=web,tier in (a,b),x');
    const f = workloadFacts('Deployment', { metadata: { generation: 4 }, spec: { strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } }, status: { observedGeneration: 3 } });
    expect(f.spec).toContainEqual(['Strategy', 'Recreate']);
    expect(f.containers).toEqual([{ name: 'web', image: 'nginx' }]);
    expect(f.status).toContainEqual(['Observed generation', '3 of 4']);
  });
});

describe('kind facts', () => {
  it('summarises nodes and services', async () => {
    const { nodeFacts, serviceFacts, scalarText } = await import('./objectModel');
    const node = { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }], nodeInfo: { kubeletVersion: 'v1.35.4' }, capacity: { cpu: '4', pods: '110' }, allocatable: { cpu: '3800m', pods: '110' } } };
    expect(nodeFacts(node)).toEqual([['Addresses', 'InternalIP: 10.0.0.1'], ['Kubelet', 'v1.35.4'], ['Cpu', '3800m allocatable of 4'], ['Pods', '110 allocatable of 110'], ['Taints', 'dedicated=db:NoSchedule']]);
    const svc = { spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, targetPort: 8080 }], selector: { app: 'web' } } };
    expect(serviceFacts(svc)).toEqual([['Type', 'ClusterIP'], ['Cluster IP', '10.96.0.10'], ['Ports', 'http 80→8080/TCP'], ['Selector', 'app=web']]);
    expect(scalarText(['a', 1])).toBe('a, 1');
    expect(scalarText({ a: 1 })).toBeUndefined();
  });
});
