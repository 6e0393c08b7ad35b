import { describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityLog, activityLogOf, outputTail, PROGRESS_INTERVAL_MS } from './activityLog';
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

  it('streams progress into one running entry, at most every interval, then ends it under the same id', async () => {
    vi.useFakeTimers();
    try {
      const log = new ActivityLog();
      const seen: { id: number; outcome: string; message: string }[] = [];
      log.subscribe((e) => seen.push({ id: e.id, outcome: e.outcome, message: e.message }));
      let report!: (t: string) => void;
      let finish!: (n: number) => void;
      const done = log.track(what, (progress) => { report = progress; return new Promise<number>((r) => { finish = r; }); }, (n) => ({ outcome: 'ok', message: `done ${n}` }));
      report('line 1\n');
      expect(seen).toEqual([{ id: 1, outcome: 'running', message: 'line 1\n' }]);
      report('line 2\n');
      report('line 3\n');
      expect(seen).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS);
      expect(seen.at(-1)).toEqual({ id: 1, outcome: 'running', message: 'line 1\nline 2\nline 3\n' });
      report('line 4\n');
      finish(7);
      await expect(done).resolves.toBe(7);
      await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS * 2);
      expect(seen.at(-1)).toEqual({ id: 1, outcome: 'ok', message: 'done 7' });
      expect(seen).toHaveLength(3);
      expect(log.list()).toMatchObject([{ id: 1, outcome: 'ok', message: 'done 7' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failure after progress ends the running entry with the error', async () => {
    const log = new ActivityLog();
    await expect(log.track(what, async (progress) => { progress('trying\n'); throw new ContractError('conflict', 'taken'); }, () => ({ outcome: 'ok', message: '' }))).rejects.toThrow('taken');
    expect(log.list()).toMatchObject([{ id: 1, outcome: 'conflict', message: 'taken' }]);
  });

  it('outputTail keeps the last lines and characters, marking the cut', () => {
    expect(outputTail('a\nb\n', 'c\n', 2)).toBe('…b\nc\n');
    expect(outputTail('', 'x'.repeat(10), 40, 4)).toBe('…xxxx');
    expect(outputTail('…b\nc\n', 'd', 3)).toBe('…b\nc\nd');
    expect(outputTail('par', 'tial line\n')).toBe('partial line\n');
  });
});
