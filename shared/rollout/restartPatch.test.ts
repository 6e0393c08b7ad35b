import { describe, expect, it } from 'vitest';
import { decideRestart, formatRfc3339, RFC3339_SECONDS } from './restartPatch';
import type { Workload } from './workloadShapes';

describe('formatRfc3339', () => {
  it('formats to the second with a zone like Go', () => {
    const s = formatRfc3339(new Date('2026-03-04T05:06:07.890Z'));
    expect(s).toMatch(RFC3339_SECONDS);
    expect(Date.parse(s)).toBe(Date.parse('2026-03-04T05:06:07Z'));
  });
});

describe('decideRestart', () => {
  const now = new Date('2026-03-04T05:06:07Z');
  const d = (paused: boolean, restartedAt?: string): Workload => ({
    metadata: { name: 'web' },
    spec: { paused, template: { metadata: restartedAt ? { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } : {} } },
  });

  it('patches the template annotation', () => {
    const r = decideRestart('Deployment', d(false), now);
    expect(r.action).toBe('patch');
    if (r.action !== 'patch') return;
    expect(r.patch).toEqual({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': r.restartedAt } } } } });
  });

  it('refuses a paused deployment but not other kinds', () => {
    expect(decideRestart('Deployment', d(true), now)).toEqual({ action: 'refuse', message: "can't restart paused deployment (run rollout resume first)" });
    expect(decideRestart('StatefulSet', d(true), now).action).toBe('patch');
  });

  it('refuses a second restart in the same second', () => {
    expect(decideRestart('DaemonSet', d(false, formatRfc3339(now)), now)).toMatchObject({ action: 'refuse', message: expect.stringContaining('within the past second') });
  });
});
