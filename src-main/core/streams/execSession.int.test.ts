import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, eventually, newCore } from '../../testing/testCluster';
import type { Core } from '../core';
import type { ExecEvent } from '../../../shared/contract/streams';
import { ExecSession, execOnce } from './execSession';
import { contractSession, recordingSink, runningPods } from '../../testing/streamTesting';

const text = (events: ExecEvent[], stream: 'stdout' | 'stderr' = 'stdout') =>
  events.filter((e) => e.type === stream).map((e) => (e as { data: string }).data).join('');
const exitOf = (events: ExecEvent[]) => events.find((e) => e.type === 'exit') as Extract<ExecEvent, { type: 'exit' }> | undefined;

describe('exec sessions', () => {
  let core: Core;
  let pod: string;

  beforeAll(async () => {
    core = newCore();
    [pod] = await runningPods(core, ADMIN, 'demo', 'app=api');
    expect(pod).toBeTruthy();
  });
  afterAll(async () => { await core.dispose(); });

  function open(opts: { command?: string[]; tty?: boolean; cols?: number; rows?: number } = {}) {
    const conn = core.connection(ADMIN);
    const sink = recordingSink<ExecEvent>();
    const s = new ExecSession(conn.http, {
      context: ADMIN, namespace: 'demo', pod, container: 'api', tty: opts.tty ?? true, cols: opts.cols ?? 80, rows: opts.rows ?? 24,
      ...(opts.command ? { command: opts.command } : {}),
    }, sink);
    return { s, sink };
  }

  /** Whether a process whose command line contains `marker` runs where the container's commands run. */
  async function running(marker: string): Promise<boolean> {
    const conn = core.connection(ADMIN);
    const r = await execOnce(conn.http, 'demo', pod, 'api', ['sh', '-c', `for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline 2>/dev/null; echo; done | grep -c -- '^${marker} $' || true`]);
    // Whole command lines only: this script, grep and (on KWOK, where everything is one host) kubectl carry the marker too.
    return Number(r.stdout.trim()) > 0;
  }

  it('a tty shell answers echo $((6*7)) with 42, over v5.channel.k8s.io', async () => {
    const { s, sink } = open();
    await s.start();
    expect(s.protocol).toBe('v5.channel.k8s.io');
    s.input({ type: 'stdin', data: 'echo $((6*7))\r' });
    await eventually(() => /^42\r?$/m.test(text(sink.events)), 20_000, '42 on its own line');
    await s.close();
    expect(exitOf(sink.events)).toBeDefined();
    expect(sink.ended).toBeDefined();
  });

  it('a resize reaches the remote terminal: stty size reports it', async () => {
    const { s, sink } = open({ cols: 80, rows: 24 });
    await s.start();
    // The initial size travels on the resize channel beside stdin; a command typed in the session's
    // first milliseconds can run before it lands (so it is with kubectl too). Wait for the prompt.
    await eventually(() => text(sink.events).length > 0, 20_000, 'the prompt');
    await new Promise((r) => setTimeout(r, 200));
    s.input({ type: 'stdin', data: 'stty size\r' });
    await eventually(() => /^24 80\r?$/m.test(text(sink.events)), 20_000, 'the initial size');
    s.input({ type: 'resize', cols: 132, rows: 43 });
    s.input({ type: 'stdin', data: 'stty size\r' });
    await eventually(() => /^43 132\r?$/m.test(text(sink.events)), 20_000, 'the new size');
    await s.close();
  });

  it('exit 3 reports code 3 from the status channel', async () => {
    const { s, sink } = open();
    await s.start();
    s.input({ type: 'stdin', data: 'exit 3\r' });
    await eventually(() => exitOf(sink.events), 20_000, 'the exit event');
    expect(exitOf(sink.events)).toMatchObject({ type: 'exit', code: 3, reason: 'exited' });
    expect(sink.ended).toEqual({});
  });

  it('without a tty: stdout and stderr apart, exit status, stdin closed properly', async () => {
    const { s, sink } = open({ tty: false, command: ['sh', '-c', 'read line; echo "got $line"; echo oops >&2; exit 2'] });
    await s.start();
    s.input({ type: 'stdin', data: 'hello\n' });
    await eventually(() => exitOf(sink.events), 20_000, 'the exit event');
    expect(text(sink.events)).toBe('got hello\n');
    expect(text(sink.events, 'stderr')).toBe('oops\n');
    expect(exitOf(sink.events)?.code).toBe(2);
  });

  it('closing a session ends the remote shell and what it runs (not just the connection), and nothing else', async () => {
    const marker = `sleep 4${Math.floor(Math.random() * 1e5)}`;
    const { s, sink } = open();
    await s.start();
    // A nested interactive shell running a command: the worst case for hanging up (see killTreeScript).
    s.input({ type: 'stdin', data: `bash -i\r` });
    s.input({ type: 'stdin', data: `${marker}\r` });
    await eventually(() => running(marker), 20_000, 'the command to run');
    const pid = s.remotePid;
    expect(pid).toBeGreaterThan(0);
    await s.close();
    expect(exitOf(sink.events)).toBeDefined();
    await eventually(async () => !(await running(marker)), 20_000, 'the command to be gone');
    const conn = core.connection(ADMIN);
    const alive = await execOnce(conn.http, 'demo', pod, 'api', ['sh', '-c', `kill -0 ${pid} 2>/dev/null && echo alive || echo gone`]);
    // This exec is answered, so the runtime that ran the shell (KWOK here) is still there.
    expect(alive, JSON.stringify(alive)).toMatchObject({ stdout: 'gone\n' });
  });

  it('through the contract: input frames drive the shell and unsubscribing hangs it up', async () => {
    const c = contractSession(core);
    const marker = `sleep 5${Math.floor(Math.random() * 1e5)}`;
    const sub = c.subscribe('exec.session', { context: ADMIN, namespace: 'demo', pod, container: 'api', cols: 100, rows: 30 });
    await eventually(() => c.events(sub).some((e) => e.type === 'stdout'), 20_000, 'the prompt');
    await new Promise((r) => setTimeout(r, 200));
    c.input(sub, { type: 'stdin', data: 'echo $((6*7)); stty size\r' });
    const out = () => c.events(sub).filter((e) => e.type === 'stdout').map((e) => e.data).join('');
    await eventually(() => /^42\r?\n30 100\r?$/m.test(out()), 20_000, '42 and the size').catch((err) => { throw new Error(`${err.message}: ${JSON.stringify(out())}`); });
    c.input(sub, { type: 'bogus' });
    c.input(sub, { type: 'stdin', data: `${marker}\r` });
    await eventually(() => running(marker), 20_000, 'the command to run');
    c.unsubscribe(sub);
    await eventually(async () => !(await running(marker)), 20_000, 'the command to be gone');
    c.session.close();
  });

  it('falls back to v4.channel.k8s.io where v5 is not spoken: same answers, exit code, and close', async () => {
    const conn = core.connection(ADMIN);
    const sink = recordingSink<ExecEvent>();
    const s = new ExecSession(conn.http, { context: ADMIN, namespace: 'demo', pod, container: 'api', tty: true, cols: 90, rows: 20 }, sink, () => {}, ['v4.channel.k8s.io']);
    await s.start();
    expect(s.protocol).toBe('v4.channel.k8s.io');
    await eventually(() => text(sink.events).length > 0, 20_000, 'the prompt');
    await new Promise((r) => setTimeout(r, 200));
    s.input({ type: 'stdin', data: 'echo $((6*7)); stty size\r' });
    await eventually(() => /^42\r?\n20 90\r?$/m.test(text(sink.events)), 20_000, '42 and the size');
    s.input({ type: 'stdin', data: 'exit 3\r' });
    await eventually(() => exitOf(sink.events), 20_000, 'the exit event');
    expect(exitOf(sink.events)).toMatchObject({ code: 3, reason: 'exited' });

    const marker = `sleep 6${Math.floor(Math.random() * 1e5)}`;
    const sink2 = recordingSink<ExecEvent>();
    const s2 = new ExecSession(conn.http, { context: ADMIN, namespace: 'demo', pod, container: 'api', tty: true, cols: 80, rows: 24 }, sink2, () => {}, ['v4.channel.k8s.io']);
    await s2.start();
    s2.input({ type: 'stdin', data: `${marker}\r` });
    await eventually(() => running(marker), 20_000, 'the command to run');
    await s2.close();
    await eventually(async () => !(await running(marker)), 20_000, 'the command to be gone');
  });

  it('a command in a missing container fails readably', async () => {
    const { s } = open();
    const conn = core.connection(ADMIN);
    const bad = new ExecSession(conn.http, { context: ADMIN, namespace: 'demo', pod, container: 'nope', tty: true, cols: 80, rows: 24 }, recordingSink<ExecEvent>());
    await expect(bad.start()).rejects.toThrow(/no container nope/);
    void s;
  });
});
