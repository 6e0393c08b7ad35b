import { describe, expect, it } from 'vitest';
import { ExecInput, ExecParams, LogEvent, LogsFollowParams, PortForwardStartParams, WorkloadLogsParams, streamTopics } from './streams';

describe('streams contract', () => {
  it('workload logs take exactly one of a selector or an owner', () => {
    const base = { context: 'c', namespace: 'ns' };
    expect(WorkloadLogsParams.safeParse({ ...base, selector: 'app=web' }).success).toBe(true);
    expect(WorkloadLogsParams.safeParse({ ...base, owner: { kind: 'Deployment', name: 'web' } }).success).toBe(true);
    expect(WorkloadLogsParams.safeParse(base).success).toBe(false);
    expect(WorkloadLogsParams.safeParse({ ...base, selector: 'a=b', owner: { kind: 'Deployment', name: 'web' } }).success).toBe(false);
    expect(WorkloadLogsParams.safeParse({ ...base, owner: { kind: 'CronJob', name: 'x' } }).success).toBe(false);
  });

  it('port-forwards take exactly one of a pod or a service, and real ports', () => {
    const base = { context: 'c', namespace: 'ns', remotePort: 80 };
    expect(PortForwardStartParams.safeParse({ ...base, pod: 'p' }).success).toBe(true);
    expect(PortForwardStartParams.safeParse({ ...base, service: 's', localPort: 0 }).success).toBe(true);
    expect(PortForwardStartParams.safeParse({ ...base, pod: 'p', service: 's' }).success).toBe(false);
    expect(PortForwardStartParams.safeParse({ ...base, pod: 'p', remotePort: 70000 }).success).toBe(false);
  });

  it('exec sessions default to a tty, and only known input reaches them', () => {
    expect(ExecParams.parse({ context: 'c', namespace: 'n', pod: 'p', cols: 80, rows: 24 }).tty).toBe(true);
    expect(ExecParams.safeParse({ context: 'c', namespace: 'n', pod: 'p', cols: 0, rows: 24 }).success).toBe(false);
    expect(ExecInput.safeParse({ type: 'stdin', data: 'ls\r' }).success).toBe(true);
    expect(ExecInput.safeParse({ type: 'resize', cols: 100, rows: 30 }).success).toBe(true);
    expect(ExecInput.safeParse({ type: 'close' }).success).toBe(true);
    expect(ExecInput.safeParse({ type: 'signal', name: 'KILL' }).success).toBe(false);
  });

  it('log params and events', () => {
    expect(LogsFollowParams.safeParse({ context: 'c', namespace: 'n', pod: 'p', container: 'x', tailLines: -1 }).success).toBe(false);
    expect(LogEvent.safeParse({ type: 'lines', lines: [{ ts: '2024-01-01T00:00:00.000000000Z', text: 'a' }, { text: 'b' }] }).success).toBe(true);
    expect(LogEvent.safeParse({ type: 'state', state: 'paused', message: '' }).success).toBe(false);
    expect(Object.keys(streamTopics).sort()).toEqual(['exec.session', 'logs.follow', 'logs.workload', 'portforward.watch']);
  });
});
