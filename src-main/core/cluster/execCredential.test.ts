import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecCredentialPlugin, type PluginActivity } from './execCredential';
import { CredentialError } from './apiError';
import type { ExecConfig } from '../kubeconfig/kubeconfigTypes';

const cluster = { name: 'c', server: 'https://127.0.0.1:6443', caData: 'Q0E=' };
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** A plugin script that logs each run (its env and KUBERNETES_EXEC_INFO) and prints `answer`. */
function plugin(answer: string, extra = ''): { command: string; runs: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'wh-exec-'));
  dirs.push(dir);
  const log = join(dir, 'runs.log');
  const command = join(dir, 'plugin.sh');
  writeFileSync(command, `#!/bin/sh\nprintf '%s|%s\\n' "$KUBERNETES_EXEC_INFO" "$GREETING" >> '${log}'\n${extra}\ncat <<'JSON'\n${answer}\nJSON\n`);
  chmodSync(command, 0o755);
  return { command, runs: () => { try { return readFileSync(log, 'utf8').trim().split('\n'); } catch { return []; } } };
}

const credential = (apiVersion: string, status: object) => JSON.stringify({ apiVersion, kind: 'ExecCredential', status });

describe('exec credential plugins, as kubectl runs them', () => {
  it('v1: passes env and KUBERNETES_EXEC_INFO (not interactive, cluster info when asked), returns the token', async () => {
    const p = plugin(credential('client.authentication.k8s.io/v1', { token: 'tok-1' }));
    const exec: ExecConfig = { apiVersion: 'client.authentication.k8s.io/v1', command: p.command, env: [{ name: 'GREETING', value: 'hi' }], interactiveMode: 'Never', provideClusterInfo: true };
    const s = await new ExecCredentialPlugin(exec, cluster).credential();
    expect(s.token).toBe('tok-1');
    const [info, greeting] = p.runs()[0].split('|');
    expect(greeting).toBe('hi');
    expect(JSON.parse(info)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential',
      spec: { interactive: false, cluster: { server: cluster.server, 'certificate-authority-data': 'Q0E=' } },
    });
  });

  it('v1beta1 with a client certificate; cached until expirationTimestamp, one run for concurrent callers', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const p = plugin(credential('client.authentication.k8s.io/v1beta1', { clientCertificateData: 'CERT', clientKeyData: 'KEY', expirationTimestamp: future }));
    const x = new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1beta1', command: p.command }, cluster);
    const all = await Promise.all([x.credential(), x.credential(), x.credential()]);
    expect(all.map((s) => s.clientCertificateData)).toEqual(['CERT', 'CERT', 'CERT']);
    await x.credential();
    expect(p.runs()).toHaveLength(1);
    x.invalidate();
    await x.credential();
    expect(p.runs()).toHaveLength(2);
  });

  it('an expired credential runs the plugin again', async () => {
    const p = plugin(credential('client.authentication.k8s.io/v1', { token: 't', expirationTimestamp: '2020-01-01T00:00:00Z' }));
    const x = new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: p.command }, cluster);
    await x.credential();
    await x.credential();
    expect(p.runs()).toHaveLength(2);
  });

  it('failures name the command and carry its stderr', async () => {
    const p = plugin('', 'echo "please run sso-login" >&2; exit 3');
    const err = await new ExecCredentialPlugin({ command: p.command, args: ['--profile', 'x'] }, cluster).credential().catch((e) => e);
    expect(err).toBeInstanceOf(CredentialError);
    expect(err.message).toContain(`${p.command} --profile x`);
    expect(err.stderr).toBe('please run sso-login');
  });

  it('a missing command shows the install hint', async () => {
    const err = await new ExecCredentialPlugin({ command: '/nonexistent/kubelogin', installHint: 'brew install kubelogin' }, cluster).credential().catch((e) => e);
    expect(err.message).toMatch(/ENOENT[\s\S]*brew install kubelogin/);
  });

  it('rejects interactiveMode Always (no terminal), a mismatched apiVersion and an empty credential', async () => {
    const ok = plugin(credential('client.authentication.k8s.io/v1beta1', { token: 't' }));
    const always = await new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: ok.command, interactiveMode: 'Always' }, cluster).credential().catch((e) => e);
    expect(always.message).toMatch(/interactive/);
    expect(ok.runs()).toHaveLength(0);
    const mismatch = await new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: ok.command }, cluster).credential().catch((e) => e);
    expect(mismatch.message).toMatch(/v1beta1 but is configured for client.authentication.k8s.io\/v1/);
    const empty = plugin(credential('client.authentication.k8s.io/v1', {}));
    const none = await new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: empty.command }, cluster).credential().catch((e) => e);
    expect(none.message).toMatch(/neither a token nor a client certificate/);
  });
});

/** A pid is gone (or a zombie nobody will reap: not running either way). */
function gone(pid: number): boolean {
  try { process.kill(pid, 0); } catch { return true; }
  try { return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')); } catch { return true; }
}

const until = async (f: () => boolean, ms = 5000) => { const t0 = Date.now(); while (!f()) { if (Date.now() - t0 > ms) throw new Error('timed out'); await new Promise((r) => setTimeout(r, 25)); } };

describe('exec plugins that fail or hang', () => {
  const timing = { reportAfterMs: 200, timeoutMs: 60_000, backoffMs: 400, maxBackoffMs: 1_600 };

  it('concurrent requests share one run; a failure is not re-run until the backoff has passed, which doubles; retryNow ends it', async () => {
    const p = plugin('not json', 'echo "token expired" >&2; exit 3');
    const x = new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: p.command }, cluster, timing);
    const errs = await Promise.all([x.credential(), x.credential(), x.credential()].map((q) => q.catch((e) => e)));
    expect(p.runs()).toHaveLength(1);
    expect(errs[0]).toBe(errs[1]);
    expect(errs[0].message).toMatch(/failed: token expired Next attempt in 0 s, or press Retry\./);
    expect((await x.credential().catch((e) => e)).message).toMatch(/token expired/);
    expect(p.runs()).toHaveLength(1);
    expect(x.activity).toMatchObject({ phase: 'failed', stderr: 'token expired\n' });
    await new Promise((r) => setTimeout(r, 450));
    await x.credential().catch(() => {});
    expect(p.runs()).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 450)); // second wait is 800 ms
    await x.credential().catch(() => {});
    expect(p.runs()).toHaveLength(2);
    x.retryNow();
    await x.credential().catch(() => {});
    expect(p.runs()).toHaveLength(3);
  });

  it('a hanging plugin is reported (command, stderr so far) and cancel kills its whole process group', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-exec-'));
    dirs.push(dir);
    const cmd = join(dir, 'login.sh');
    // Prints a login prompt, starts a child that would outlive it, and waits forever.
    writeFileSync(cmd, `#!/bin/sh\necho "Open https://login.example/device and enter ABCD-1234" >&2\nsleep 600 &\necho $! > '${dir}/child'\necho $$ > '${dir}/leader'\nwait\n`);
    chmodSync(cmd, 0o755);
    const x = new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: cmd, args: ['--tenant', 'x'] }, cluster, timing);
    const seen: (PluginActivity | undefined)[] = [];
    x.onActivity((a) => seen.push(a));
    const pending = x.credential().catch((e) => e);
    await until(() => seen.some((a) => a?.phase === 'running' && a.stderr.includes('ABCD-1234')));
    expect(seen.find((a) => a?.phase === 'running')).toMatchObject({ command: `${cmd} --tenant x` });
    await until(() => { try { return readFileSync(join(dir, 'child'), 'utf8').trim() !== ''; } catch { return false; } });
    const [leader, child] = ['leader', 'child'].map((f) => Number(readFileSync(join(dir, f), 'utf8')));
    expect(x.cancel()).toBe(true);
    const err = await pending;
    expect(err).toBeInstanceOf(CredentialError);
    expect(err.message).toMatch(/was cancelled \(its last output: Open https:\/\/login.example\/device and enter ABCD-1234\)\. Press Retry/);
    await until(() => gone(leader) && gone(child), 3000);
    expect(x.activity?.phase).toBe('cancelled');
    // Cancelled stays cancelled (no new browser login popping up) until the user retries.
    expect((await x.credential().catch((e) => e)).message).toMatch(/was cancelled/);
  });

  it('a plugin that never answers is stopped after the timeout, with a message that says so', async () => {
    const p = plugin('', 'sleep 600');
    const x = new ExecCredentialPlugin({ apiVersion: 'client.authentication.k8s.io/v1', command: p.command }, cluster, { ...timing, timeoutMs: 500 });
    const t0 = Date.now();
    const err = await x.credential().catch((e) => e);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(err.message).toMatch(/did not finish within 1 s and was stopped\. If it waits for a login in your browser or a prompt, complete it and press Retry\./);
  });
});
