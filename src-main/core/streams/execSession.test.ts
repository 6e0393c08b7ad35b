import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { exitCodeOf, killTreeScript } from './execSession';

describe('exitCodeOf', () => {
  it('reads the status channel like kubectl', () => {
    expect(exitCodeOf({ status: 'Success' })).toEqual({ code: 0 });
    expect(exitCodeOf({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } })).toEqual({ code: 3 });
    // Runtimes (KWOK among them) that report the exit as an internal error still name the status.
    expect(exitCodeOf({ status: 'Failure', reason: 'InternalError', message: 'error executing command in container: cmd wait: sh -c exit 3: exit status 3' })).toEqual({ code: 3 });
    expect(exitCodeOf({ status: 'Failure', reason: 'InternalError', message: 'dial tcp: connection refused' })).toEqual({ code: null, message: 'dial tcp: connection refused' });
    expect(exitCodeOf(undefined)).toEqual({ code: null });
  });
});

describe('killTreeScript', () => {
  it('never hangs up (SIGHUP) and refuses pids that are not a process', () => {
    expect(killTreeScript(1234)).not.toMatch(/HUP/);
    expect(() => killTreeScript(1)).toThrow();
    expect(() => killTreeScript(0)).toThrow();
    expect(() => killTreeScript(Number.NaN)).toThrow();
  });

  it('is valid POSIX sh that ends a process and its children, and nothing else', () => {
    const run = (root: string) => execFileSync('sh', ['-c', `
      sh -c 'sleep 61 & wait' >/dev/null 2>&1 &
      parent=$!
      sleep 63 >/dev/null 2>&1 &
      decoy=$!
      sleep 0.3
      script=$(printf '%s' "$1" | sed "s/^root=999999/root=${root}/")
      sh -c "$script" >/dev/null 2>&1
      sleep 0.2
      kill -0 $parent 2>/dev/null && echo parent-alive || echo parent-gone
      n=$(ps -eo ppid,args | grep -c "^ *$parent sleep 61$" || true)
      echo "children $n"
      kill -0 $decoy 2>/dev/null && echo decoy-alive || echo decoy-gone
      kill -KILL $decoy 2>/dev/null; pkill -KILL -P $parent 2>/dev/null; kill -KILL $parent 2>/dev/null; true
    `, 'sh', killTreeScript(999999)], { encoding: 'utf8', timeout: 20_000 }).trim().split('\n');
    // Another process (a decoy of our own): it goes, the parent and its child are untouched.
    expect(run('$decoy')).toEqual(['parent-alive', 'children 1', 'decoy-gone']);
    // The parent: it and its child go, the decoy stays.
    expect(run('$parent')).toEqual(['parent-gone', 'children 0', 'decoy-alive']);
  }, 30_000);
});
