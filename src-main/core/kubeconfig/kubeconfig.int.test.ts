import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { stringify } from 'yaml';
import { Core } from '../core';
import { kubeconfigFiles } from './kubeconfigFiles';
import { eventually, tempDir } from '../../testing/testCluster';
import { execFileSync } from 'node:child_process';
import { kubectlPath } from '../../../test-cluster/kubectl.mjs';

/** kubectl of the test cluster's version, with KUBECONFIG listing several files (its merge is the reference). */
const runKubectl = (args: string[], env: Record<string, string>) =>
  execFileSync(kubectlPath(), args, { encoding: 'utf8', env: { ...process.env, ...env } });

const cluster = (name: string, server: string) => ({ name, cluster: { server, 'insecure-skip-tls-verify': true } });
const user = (name: string, token: string) => ({ name, user: { token } });
const context = (name: string, c: string, u: string, namespace?: string) => ({ name, context: { cluster: c, user: u, ...(namespace ? { namespace } : {}) } });
const file = (dir: string, name: string, body: object) => { const p = join(dir, name); writeFileSync(p, stringify({ apiVersion: 'v1', kind: 'Config', ...body })); return p; };

describe('kubeconfig loading like kubectl', () => {
  const cores: Core[] = [];
  afterEach(async () => { await Promise.all(cores.splice(0).map((c) => c.dispose())); });

  it('merges KUBECONFIG files exactly as `kubectl config view --merge` does (first file wins, first current-context wins)', () => {
    const dir = tempDir();
    const a = file(dir, 'a.yaml', {
      'current-context': 'alpha',
      clusters: [cluster('shared', 'https://127.0.0.1:1111'), cluster('c-alpha', 'https://127.0.0.1:2222')],
      users: [user('u-shared', 'first'), user('u-alpha', 'a')],
      contexts: [context('alpha', 'c-alpha', 'u-alpha', 'ns-a'), context('both', 'shared', 'u-shared', 'from-a')],
    });
    const b = file(dir, 'b.yaml', {
      'current-context': 'beta',
      clusters: [cluster('shared', 'https://127.0.0.1:9999'), cluster('c-beta', 'https://127.0.0.1:3333')],
      users: [user('u-shared', 'second'), user('u-beta', 'b')],
      contexts: [context('beta', 'c-beta', 'u-beta'), context('both', 'c-beta', 'u-beta', 'from-b')],
    });
    const env = { KUBECONFIG: [a, b].join(delimiter) };
    const ref = JSON.parse(runKubectl(['config', 'view', '--merge', '-o', 'json'], env));
    const core = new Core({ dataDir: tempDir(), kubeconfigFiles: kubeconfigFiles(env), watchKubeconfig: false });
    cores.push(core);
    const ours = core.kubeconfig();
    const norm = (xs: any[]) => xs.map((x) => ({ name: x.name, cluster: x.cluster ?? x.context?.cluster, user: x.user ?? x.context?.user, namespace: x.namespace ?? x.context?.namespace })).sort((p, q) => p.name.localeCompare(q.name));
    expect(norm(ours.contexts)).toEqual(norm(ref.contexts));
    expect(ours.currentContext).toBe(ref['current-context']);
    expect(ours.contexts.find((c) => c.name === 'both')!.server).toBe(ref.clusters.find((c: any) => c.name === 'shared').cluster.server);
  });

  it('a context added to a watched file appears within 2 s', async () => {
    const dir = tempDir();
    const body = { clusters: [cluster('c', 'https://127.0.0.1:1')], users: [user('u', 't')], contexts: [context('one', 'c', 'u')] };
    const f = file(dir, 'config', body);
    const core = new Core({ dataDir: tempDir(), kubeconfigFiles: [f] });
    cores.push(core);
    expect(core.kubeconfig().contexts.map((c) => c.name)).toEqual(['one']);
    let seenAt = 0;
    core.onKubeconfig((s) => { if (s.contexts.some((c) => c.name === 'two')) seenAt ||= Date.now(); });
    const t0 = Date.now();
    file(dir, 'config', { ...body, contexts: [...body.contexts, context('two', 'c', 'u')] });
    await eventually(() => seenAt, 2_000, 'new context');
    expect(seenAt - t0).toBeLessThan(2_000);
  });

  it('a malformed file is reported with its path while the other files still load', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nclusters: [ {{{ not yaml');
    const good = file(dir, 'good.yaml', { clusters: [cluster('c', 'https://127.0.0.1:1')], users: [user('u', 't')], contexts: [context('ok', 'c', 'u')] });
    const core = new Core({ dataDir: tempDir(), kubeconfigFiles: [bad, good], watchKubeconfig: false });
    cores.push(core);
    const s = core.kubeconfig();
    expect(s.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0].file).toBe(bad);
    expect(s.errors[0].message).toContain(bad);
  });
});
