import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { Core } from '../core';
import { subscribeResources } from '../watch/resourceSubscription';
import { ADMIN, LIMITED, eventually, readKubeconfig, tempDir, testKubeconfig } from '../../testing/testCluster';
import { ContractError } from '../../../shared/contract/contractError';
import type { WatchEvent } from '../../../shared/contract/resources';

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** Finds the test cluster's CA (to sign a client certificate that has already expired). */
function clusterCa(): { crt: string; key: string } | undefined {
  const base = dirname(testKubeconfig());
  for (const dir of [base, join(base, 'pki'), join(base, 'certs')]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir);
    const crt = files.find((f) => /^ca\.(crt|pem)$/.test(f));
    const key = files.find((f) => /^ca(-key)?\.(key|pem)$/.test(f) && f !== crt);
    if (crt && key) return { crt: join(dir, crt), key: join(dir, key) };
  }
  return undefined;
}

function expiredClientCert(dir: string, ca: { crt: string; key: string }): { cert: string; key: string } {
  writeFileSync(join(dir, 'ca.cnf'), [
    '[ ca ]', 'default_ca = test', '[ test ]', `dir = ${dir}`, 'database = $dir/index.txt', 'new_certs_dir = $dir',
    'serial = $dir/serial', 'default_md = sha256', 'policy = any', 'copy_extensions = none', '[ any ]', 'commonName = supplied', 'organizationName = optional',
  ].join('\n'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'expired.key', '-subj', '/O=system:masters/CN=expired-admin', '-out', 'expired.csr'], dir);
  openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', ca.crt, '-keyfile', ca.key, '-in', 'expired.csr', '-out', 'expired.crt',
    '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-notext'], dir);
  return { cert: join(dir, 'expired.crt'), key: join(dir, 'expired.key') };
}

describe('each broken context gets its own readable state; the others keep working', () => {
  let core: Core;
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const kc = readKubeconfig(testKubeconfig());
    const good = kc.clusters[0];
    const admin = kc.users.find((u: any) => kc.contexts.find((c: any) => c.name === ADMIN).context.user === u.name);
    const failing = join(dir, 'failing-plugin.sh');
    writeFileSync(failing, '#!/bin/sh\necho "boom: your SSO session expired, run sso-login" >&2\nexit 1\n');
    chmodSync(failing, 0o755);
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-days', '1', '-subj', '/CN=not-your-ca'], dir);
    const clusters = [
      good,
      { name: 'wrong-ca', cluster: { ...good.cluster, 'certificate-authority-data': Buffer.from(readFileSync(join(dir, 'other-ca.crt'))).toString('base64') } },
      { name: 'nowhere', cluster: { server: 'https://127.0.0.1:1' } },
    ];
    const users = [
      admin,
      { name: 'exec-fails', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: failing, interactiveMode: 'Never' } } },
    ];
    const contexts = [
      kc.contexts.find((c: any) => c.name === ADMIN),
      { name: 'exec-plugin-fails', context: { cluster: good.name, user: 'exec-fails' } },
      { name: 'wrong-ca', context: { cluster: 'wrong-ca', user: admin.name } },
      { name: 'unreachable', context: { cluster: 'nowhere', user: admin.name } },
    ];
    const ca = clusterCa();
    if (ca) {
      const exp = expiredClientCert(dir, ca);
      users.push({ name: 'expired', user: { 'client-certificate': exp.cert, 'client-key': exp.key } } as any);
      contexts.push({ name: 'expired-cert', context: { cluster: good.name, user: 'expired' } });
    }
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Config', clusters, users, contexts, 'current-context': ADMIN }));
    core = new Core({ dataDir: tempDir(), kubeconfigFiles: [file], watchKubeconfig: false });
  });
  afterAll(async () => { await core.dispose(); });

  it('exec plugin that fails → error state naming the plugin\'s stderr', async () => {
    const s = await core.connection('exec-plugin-fails').probe();
    expect(s.state).toBe('error');
    expect(s.reason).toMatch(/credential plugin|exec/i);
    expect(`${s.reason} ${s.detail ?? ''}`).toMatch(/sso-login|boom|exit/i);
  });

  it('wrong CA → unreachable with a TLS explanation', async () => {
    const s = await core.connection('wrong-ca').probe();
    expect(s.state).toBe('unreachable');
    expect(s.reason).toMatch(/TLS|certificate/i);
  });

  it('unreachable server → unreachable', async () => {
    const s = await core.connection('unreachable').probe();
    expect(s.state).toBe('unreachable');
    expect(s.reason).toMatch(/connection refused/i);
    expect(s.detail).toMatch(/^ECONNREFUSED/);
  });

  it('expired client certificate → unauthorized', async () => {
    expect(clusterCa(), 'the test cluster keeps its CA beside the kubeconfig').toBeTruthy();
    const s = await core.connection('expired-cert').probe();
    expect(s.state).toBe('unauthorized');
    expect(s.reason).toMatch(/expired|invalid|401/i);
  });

  it('unknown context → a specific error', () => {
    expect(() => core.connection('no-such-context')).toThrow(ContractError);
    try { core.connection('no-such-context'); } catch (e) { expect((e as ContractError).code).toBe('unknown-context'); }
  });

  it('the healthy context keeps working beside the broken ones', async () => {
    const s = await core.connection(ADMIN).probe();
    expect(s.state).toBe('ready');
    expect(s.version).toMatch(/^v1\.\d+/);
  });
});

describe('RBAC: a user bound to one namespace', () => {
  let core: Core;
  beforeAll(() => { core = new Core({ dataDir: tempDir(), kubeconfigFiles: [testKubeconfig()], watchKubeconfig: false, lingerMs: 50 }); });
  afterAll(async () => { await core.dispose(); });

  const watch = (resource: string, namespace?: string) => {
    const events: WatchEvent[] = [];
    const off = subscribeResources(core.hub, { context: LIMITED, group: '', version: 'v1', resource, namespace, projection: 'meta' }, (e) => events.push(e));
    return { events, off };
  };

  it('can use its namespace, and sees cluster-scoped resources as forbidden instead of an error', async () => {
    const pods = watch('pods', 'demo');
    const nodes = watch('nodes');
    await eventually(() => pods.events.some((e) => e.type === 'snapshot'), 20_000, 'pods snapshot');
    const snap = pods.events.find((e) => e.type === 'snapshot')!;
    expect(snap.type === 'snapshot' && snap.items.length).toBeGreaterThan(0);
    await eventually(() => nodes.events.some((e) => e.type === 'freshness' && e.freshness.state === 'forbidden'), 20_000, 'nodes forbidden');
    const access = await Promise.all([
      core.connection(LIMITED).http.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { body: { spec: { resourceAttributes: { verb: 'list', resource: 'nodes' } } } }),
      core.connection(LIMITED).http.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { body: { spec: { resourceAttributes: { verb: 'list', resource: 'pods', namespace: 'demo' } } } }),
    ]);
    expect(access.map((a) => a.status.allowed)).toEqual([false, true]);
    pods.off(); nodes.off();
  });
});
