import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityLog, activityLogOf } from './activityLog';
import { Core } from '../core';
import { ContractError } from '../../../shared/contract/contractError';

const what = { context: 'c1', action: 'scale', target: 'deployments.apps web', namespace: 'shop' };

describe('ActivityLog', () => {
  it('records successes with the described outcome and notifies listeners', async () => {
    const log = new ActivityLog();
    const seen: string[] = [];
    log.subscribe((e) => seen.push(e.message));
    await expect(log.track(what, async () => 3, (n) => ({ outcome: 'ok', message: `scaled to ${n}` }))).resolves.toBe(3);
    expect(log.list()).toMatchObject([{ id: 1, context: 'c1', action: 'scale', namespace: 'shop', outcome: 'ok', message: 'scaled to 3', dryRun: false }]);
    expect(seen).toEqual(['scaled to 3']);
  });

  it('records failures by contract code and rethrows', async () => {
    const log = new ActivityLog();
    await expect(log.track(what, async () => { throw new ContractError('forbidden', 'no'); }, () => ({ outcome: 'ok', message: '' }))).rejects.toThrow('no');
    await expect(log.track({ ...what, context: 'c2' }, async () => { throw new Error('boom'); }, () => ({ outcome: 'ok', message: '' }))).rejects.toThrow('boom');
    expect(log.list().map((e) => e.outcome)).toEqual(['forbidden', 'error']);
    expect(log.list('c2').map((e) => e.message)).toEqual(['boom']);
  });

  it('keeps only the last entries', () => {
    const log = new ActivityLog(2);
    for (let i = 0; i < 3; i++) log.record({ at: '', context: 'c', action: 'a', target: String(i), outcome: 'ok', message: '', dryRun: false, durationMs: 0 });
    expect(log.list().map((e) => e.target)).toEqual(['1', '2']);
  });

  it('gives each core its own log (core.state)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-activity-'));
    const core = (n: string) => new Core({ dataDir: join(dir, n), kubeconfigFiles: [join(dir, 'none')], watchKubeconfig: false });
    const a = core('a');
    const b = core('b');
    try {
      expect(activityLogOf(a)).toBe(activityLogOf(a));
      expect(activityLogOf(a)).not.toBe(activityLogOf(b));
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
