import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTool, runTool, ToolMissingError } from './externalTool';

const dir = mkdtempSync(join(tmpdir(), 'wh-tool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, body: string) => {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
};

describe('findTool', () => {
  it('finds an executable on the given search path', async () => {
    const p = script('fake-helm', 'echo hi');
    writeFileSync(join(dir, 'not-exec'), 'x');
    expect((await findTool('fake-helm', { searchPath: `/nonexistent:${dir}` })).path).toBe(p);
    await expect(findTool('not-exec', { searchPath: dir })).rejects.toBeInstanceOf(ToolMissingError);
  });
  it('says which program is missing and every folder it looked in', async () => {
    const err = await findTool('helm', { searchPath: '/nowhere/a:/nowhere/b' }).catch((e) => e);
    expect(err).toBeInstanceOf(ToolMissingError);
    expect(err.message).toContain('`helm`');
    expect(err.message).toContain('/nowhere/a, /nowhere/b');
  });
});

describe('runTool', () => {
  it('passes arguments without a shell (no expansion) and returns both outputs and the code', async () => {
    const p = script('args', 'printf "%s|" "$@"; echo err >&2; exit 3');
    const r = await runTool(p, ['$HOME', 'a b', ';ls']);
    expect(r.stdout).toBe('$HOME|a b|;ls|');
    expect(r.stderr).toBe('err\n');
    expect(r.code).toBe(3);
  });
  it('caps output and stops at the timeout', async () => {
    const big = await runTool(script('big', 'head -c 100000 /dev/zero'), [], { maxOutputBytes: 1000 });
    expect(big.stdout.length).toBe(1000);
    expect(big.truncated).toBe(true);
    const slow = await runTool(script('slow', 'sleep 10'), [], { timeoutMs: 200 });
    expect(slow.timedOut).toBe(true);
    expect(slow.durationMs).toBeLessThan(5000);
  });
});
