// The test cluster itself: nodes, seeded workloads, logs/exec/port-forward through the API server,
// RBAC of the limited user, and a second independent cluster whose API server is stopped and restarted.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ECHO_BODY, freeBasePort, startCluster, type ClusterHandle } from './cluster-lib.mjs';
import { kubectl, KubectlError, kubectlPath, spawnKubectl } from './kubectl.mjs';

const kubeconfig = inject('kubeconfig');
const admin = (args: string[], input?: string) => kubectl(args, { kubeconfig, context: 'wheelhouse-admin', input });
const limited = (args: string[]) => kubectl(args, { kubeconfig, context: 'wheelhouse-limited' });

async function json(args: string[]): Promise<any> {
  return JSON.parse(await admin([...args, '-o', 'json']));
}

async function firstPod(ns: string, selector: string): Promise<string> {
  const pods = await json(['get', 'pods', '-n', ns, '-l', selector, '--field-selector=status.phase=Running']);
  expect(pods.items.length).toBeGreaterThan(0);
  return pods.items[0].metadata.name;
}

/** Collects a child's stdout until `pattern` matches, or rejects after timeoutMs. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stdout: ${out} stderr: ${err}`)), timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('close', (code) => { clearTimeout(timer); reject(new Error(`kubectl exited (${code}) before ${pattern}; stdout: ${out} stderr: ${err}`)); });
  });
}

describe('default test cluster', () => {
  it('uses the kubectl built for the pinned version', async () => {
    expect(kubectlPath()).toContain('/.cache/wheelhouse/bin/k8s-');
    const v = JSON.parse(await admin(['version', '-o', 'json']));
    expect(v.serverVersion.gitVersion).toBe(v.clientVersion.gitVersion);
  });

  it('has three Ready KWOK nodes', async () => {
    const nodes = await json(['get', 'nodes']);
    const ready = nodes.items
      .filter((n: any) => n.status.conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'))
      .map((n: any) => n.metadata.name)
      .sort();
    expect(ready).toEqual(['kwok-node-0', 'kwok-node-1', 'kwok-node-2']);
  });

  it('runs the seeded workloads', async () => {
    const pods = (await json(['get', 'pods', '-A'])).items as any[];
    const by = (ns: string, app: string) => pods.filter((p) => p.metadata.namespace === ns && p.metadata.labels?.app === app);
    const ready = (p: any) => p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');
    for (const [ns, app, n] of [['demo', 'web', 3], ['demo', 'api', 2], ['data', 'db', 3], ['shop', 'agent', 3]] as const) {
      const running = by(ns, app).filter((p) => p.status.phase === 'Running' && ready(p) && !p.metadata.deletionTimestamp);
      expect(running.length, `${ns}/${app} running+ready pods`).toBe(n);
    }
    // stuck: running but never ready
    const stuck = by('demo', 'stuck');
    expect(stuck.length).toBe(2);
    for (const p of stuck) {
      expect(p.status.phase).toBe('Running');
      expect(ready(p)).toBe(false);
    }
    // the Job finished
    const job = await json(['get', 'job', '-n', 'shop', 'migrate']);
    expect(job.status.succeeded).toBe(1);
    expect(job.status.conditions.some((c: any) => c.type === 'Complete' && c.status === 'True')).toBe(true);
    // three revisions of web with change-causes
    const history = await admin(['rollout', 'history', '-n', 'demo', 'deployment/web']);
    expect(history).toMatch(/1\s+initial release: nginx 1\.25/);
    expect(history).toMatch(/3\s+upgrade nginx to 1\.27/);
    // the CRD's printer columns
    const widgets = await admin(['get', 'widgets', '-n', 'demo']);
    expect(widgets).toMatch(/NAME\s+SIZE\s+COLOUR\s+AGE/);
    expect(widgets).toMatch(/gamma\s+large\s+blue/);
  });

  it('serves pod logs through the API server', async () => {
    const pod = await firstPod('demo', 'app=web');
    const out = await admin(['logs', '-n', 'demo', pod, '-c', 'web']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('2026-11-23T12:00:00.000Z INFO app=web request id=1 method=GET path=/healthz status=200 duration_ms=8');
    expect(lines.length).toBe(20);
    expect(await admin(['logs', '-n', 'demo', pod, '-c', 'web', '--tail=1'])).toContain('request id=20');
    const hostile = await admin(['logs', '-n', 'demo', 'deployment/hostile-logs']);
    expect(hostile).toContain('\x1b[32mINFO\x1b[0m');
    expect(hostile).toContain('<script>alert(1)</script>');
  });

  it('follows logs (kubectl logs -f sees new lines)', async () => {
    const pod = await firstPod('demo', 'app=api');
    const child = spawnKubectl(['logs', '-f', '--tail=0', '-n', 'demo', pod], { kubeconfig, context: 'wheelhouse-admin' });
    try {
      const m = await waitForOutput(child, /heartbeat" tick=(\d+)\n[^]*heartbeat" tick=(\d+)\n/, 15_000);
      expect(Number(m[2])).toBeGreaterThan(Number(m[1]));
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('execs real commands through the API server', async () => {
    const pod = await firstPod('demo', 'app=web');
    expect(await admin(['exec', '-n', 'demo', pod, '-c', 'web', '--', 'echo', 'ok'])).toBe('ok\n');
    expect(await admin(['exec', '-i', '-n', 'demo', pod, '-c', 'web', '--', 'sh', '-c', 'read x; echo "got $x"'], 'hello\n')).toBe('got hello\n');
    // KWOK v0.7.0 does not pass the exit code through: kubectl exits 1 and names it in the error.
    await expect(admin(['exec', '-n', 'demo', pod, '-c', 'web', '--', 'sh', '-c', 'exit 3'])).rejects.toThrow(/exit status 3/);
  });

  // KWOK's exec sometimes gives the shell a non-tty stdin on the first try (seen once in ~10 full runs,
  // with the machine loaded); a retry tells that race apart from a real regression.
  it.skipIf(!existsSync('/usr/bin/script'))('execs an interactive shell with a TTY (kubectl exec -it)', { retry: 2 }, async () => {
    const pod = await firstPod('demo', 'app=web');
    const cmd = `${kubectlPath()} --kubeconfig=${kubeconfig} --context=wheelhouse-admin exec -it -n demo ${pod} -c web -- sh`;
    // `script` gives kubectl a terminal; we type into it once the remote shell shows its prompt. (`cat |`:
    // script ends the session when its stdin is the socket Node's 'pipe' stdio really is.)
    const child = spawn('sh', ['-c', 'cat | script -qec "$0" /dev/null', cmd], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    try {
      await waitForOutput(child, /\$ /);
      child.stdin.write('echo tty-$((6*7)); test -t 0 && echo is-a-tty; exit\n');
      const m = await waitForOutput(child, /tty-42\s+is-a-tty/);
      expect(m[0]).toMatch(/is-a-tty/);
    } finally {
      child.stdin.end();
      try {
        process.kill(-child.pid!, 'SIGTERM'); // sh, cat, script and kubectl: the group we started
      } catch {
        // already gone
      }
    }
  });

  it('port-forwards to the test server', async () => {
    const pod = await firstPod('demo', 'app=web');
    const child = spawnKubectl(['port-forward', '--address=127.0.0.1', '-n', 'demo', `pod/${pod}`, ':80'], { kubeconfig, context: 'wheelhouse-admin' });
    try {
      const m = await waitForOutput(child, /Forwarding from 127\.0\.0\.1:(\d+) -> 80/);
      const res = await fetch(`http://127.0.0.1:${m[1]}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(ECHO_BODY);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('limits the limited user to namespace demo', async () => {
    await expect(limited(['get', 'nodes'])).rejects.toThrow(/forbidden.*User "limited-user" cannot list resource "nodes"/);
    await expect(limited(['get', 'pods', '-n', 'shop'])).rejects.toThrow(/forbidden/);
    const pods = JSON.parse(await limited(['get', 'pods', '-n', 'demo', '-o', 'json']));
    expect(pods.items.length).toBeGreaterThan(0);
    expect((await limited(['auth', 'can-i', 'create', 'deployments', '-n', 'demo'])).trim()).toBe('yes');
    await expect(limited(['auth', 'can-i', 'delete', 'nodes'])).rejects.toBeInstanceOf(KubectlError);
  });
});

describe('a second, independent cluster', () => {
  let second: ClusterHandle;
  let basePort: number;

  beforeAll(async () => {
    basePort = await freeBasePort();
    second = await startCluster({ name: 'wheelhouse-int-second', basePort, fresh: true, log: () => {} });
  }, 180_000);

  afterAll(async () => {
    await second?.stop({ purge: true });
  });

  it('runs on its own ports with its own kubeconfig and contexts', async () => {
    expect(second.apiServerUrl).toBe(`https://127.0.0.1:${basePort + 2}`);
    expect(second.contexts).toEqual({ admin: 'wheelhouse-int-second-admin', limited: 'wheelhouse-int-second-limited' });
    const nodes = await second.kubectl(['get', 'nodes', '-o', 'name']);
    expect(nodes.trim().split('\n')).toHaveLength(3);
    // the default cluster does not see objects of the second one
    await second.kubectl(['create', 'namespace', 'only-in-second']);
    await expect(admin(['get', 'namespace', 'only-in-second'])).rejects.toThrow(/NotFound/);
  });

  it('survives its API server being stopped and started again', async () => {
    await second.stopApiServer();
    await expect(second.kubectl(['get', 'nodes'], { timeoutMs: 10_000 })).rejects.toThrow(/connection refused|was refused|Unable to connect/);
    expect((await second.status()).readyz.ok).toBe(false);
    await second.startApiServer();
    expect((await second.status()).healthy).toBe(true);
    await second.restartApiServer({ signal: 'SIGKILL' });
    expect(await second.kubectl(['get', 'namespace', 'only-in-second', '-o', 'name'])).toBe('namespace/only-in-second\n');
  });
});
