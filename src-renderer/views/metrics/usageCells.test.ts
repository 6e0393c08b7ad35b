import { describe, expect, it } from 'vitest';
import { nodeCells, podCells } from './usageCells';

const pod = { namespace: 'ns', name: 'p', timestamp: '2026-12-07T18:00:00Z', window: '15s',
  containers: [{ name: 'a', cpuNanos: 60_000_000, memoryBytes: 30 * 1048576 }, { name: 'b', cpuNanos: 400_000, memoryBytes: 10 * 1048576 }],
  resources: { cpuRequest: 200, memoryRequest: 64 * 1048576, memoryLimit: 80 * 1048576 } };

describe('usage cells', () => {
  it('print kubectl top figures, sort by the exact value, and bar against request (CPU) and limit (memory)', () => {
    const [cpu, mem] = podCells(pod, undefined, false);
    expect(cpu).toMatchObject({ text: '61m', sort: 61, share: 61 / 200 });
    expect(cpu.title).toContain('31% of request, no limit set');
    expect(mem).toMatchObject({ text: '40Mi', sort: 40 * 1048576, share: 0.5 });
  });
  it('say why there is no figure instead of leaving the cell blank', () => {
    expect(podCells(undefined, { reason: 'forbidden', message: 'Not allowed to list pods.metrics.k8s.io' }, false)[0]).toMatchObject({ text: 'n/a', title: 'Not allowed to list pods.metrics.k8s.io' });
    expect(podCells(undefined, undefined, false)[1].title).toMatch(/no sample for this pod yet/);
    expect(podCells(undefined, undefined, true)[0].text).toBe('…');
  });
  it('show a node with kubectl top node\'s percentage of allocatable', () => {
    const [cpu, mem] = nodeCells({ name: 'n', timestamp: 't', window: '15s', cpuNanos: 682_000_001, memoryBytes: 211 * 1048576, allocatable: { cpuMilli: 1_000_000, memoryBytes: 4 * 1024 ** 4 } }, undefined, false);
    expect(cpu.text).toBe('683m 0%');
    expect(mem.text).toBe('211Mi 0%');
    expect(nodeCells({ name: 'n', timestamp: 't', window: '15s', cpuNanos: 5e8, memoryBytes: 0 }, undefined, false)[0].text).toBe('500m <unknown>');
  });
});
