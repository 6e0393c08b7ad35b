import { describe, expect, it } from 'vitest';
import { usageByObject } from './objectUsage';
import type { PodUsage } from '../contract/metrics';
import type { TopoObject } from '../topology/topologyObject';

const pod = (name: string, labels: Record<string, string>, namespace = 'demo') => ({ uid: `u-${name}`, kind: 'Pod', name, namespace, labels }) as unknown as TopoObject;
const usage = (name: string, ...c: [number, number][]): [string, PodUsage] =>
  [name, { namespace: 'demo', name, timestamp: 't', window: '15s', containers: c.map(([cpuNanos, memoryBytes], i) => ({ name: `c${i}`, cpuNanos, memoryBytes })) }];

describe('usageByObject', () => {
  it('gives pods their own figure (kubectl top rounding) and workloads the sum of the pods they select', () => {
    const deploy = { uid: 'u-web', kind: 'Deployment', name: 'web', namespace: 'demo', selector: { matchLabels: { app: 'web' } } } as unknown as TopoObject;
    const objects = [deploy, pod('web-1', { app: 'web' }), pod('web-2', { app: 'web' }), pod('db-1', { app: 'db' }), pod('web-x', { app: 'web' }, 'other')];
    const m = usageByObject(objects, 'demo', new Map([usage('web-1', [1_200_000, 10], [300_000, 5]), usage('web-2', [2_000_000, 20]), usage('db-1', [5e6, 1])]));
    expect(m.get('u-web-1')).toEqual({ milli: 2, bytes: 15, pods: 1 });
    expect(m.get('u-web')).toEqual({ milli: 4, bytes: 35, pods: 2 });
    expect(m.get('u-db-1')).toEqual({ milli: 5, bytes: 1, pods: 1 });
    expect(m.has('u-web-x')).toBe(false);
  });
  it('leaves out pods without a sample and workloads none of whose pods has one', () => {
    const deploy = { uid: 'u-web', kind: 'Deployment', name: 'web', namespace: 'demo', selector: { matchLabels: { app: 'web' } } } as unknown as TopoObject;
    expect(usageByObject([deploy, pod('web-1', { app: 'web' })], 'demo', new Map()).size).toBe(0);
  });
  it('sums what each selector selects through the label index, matchExpressions included, as a scan of every pod would', () => {
    const workloads: TopoObject[] = [];
    const objects: TopoObject[] = [];
    const samples: [string, PodUsage][] = [];
    for (let w = 0; w < 200; w++) {
      workloads.push({ uid: `u-w${w}`, kind: w % 2 ? 'StatefulSet' : 'Deployment', name: `w${w}`, namespace: 'demo', selector: { matchLabels: { app: `w${w}`, tier: 'web' } } } as unknown as TopoObject);
      for (let i = 0; i < 15; i++) {
        objects.push(pod(`w${w}-${i}`, { app: `w${w}`, tier: 'web', shard: String(i % 3) }));
        if (i % 4) samples.push(usage(`w${w}-${i}`, [1_000_000 * (i + 1), 1024 * w]));
      }
    }
    const shards = { uid: 'u-shards', kind: 'DaemonSet', name: 'shards', namespace: 'demo', selector: { matchExpressions: [{ key: 'shard', operator: 'In', values: ['0', '2'] }, { key: 'app', operator: 'NotIn', values: ['w0'] }] } } as unknown as TopoObject;
    const m = usageByObject([...workloads, shards, ...objects], 'demo', new Map(samples));
    const scan = (sel: (labels: Record<string, string>) => boolean) => {
      const picked = objects.filter((p) => sel(p.labels!) && m.has(p.uid)).map((p) => m.get(p.uid)!);
      return { milli: picked.reduce((a, u) => a + u.milli, 0), bytes: picked.reduce((a, u) => a + u.bytes, 0), pods: picked.length };
    };
    expect(m.get('u-w7')).toEqual(scan((l) => l.app === 'w7'));
    expect(m.get('u-w7')?.pods).toBe(11);
    expect(m.get('u-w150')).toEqual(scan((l) => l.app === 'w150'));
    expect(m.get('u-shards')).toEqual(scan((l) => (l.shard === '0' || l.shard === '2') && l.app !== 'w0'));
  });
});
