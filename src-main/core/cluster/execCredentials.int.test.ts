import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Core } from '../core';
import { ADMIN, readKubeconfig, tempDir, testKubeconfig } from '../../testing/testCluster';

/**
 * An exec plugin whose first answer is a token the API server rejects and whose later answers are the
 * admin's client certificate: the 401 must run the plugin again and retry once, and the certificate
 * must reach the TLS connection (a new connection pool for the new TLS material).
 */
describe('exec plugin credentials against the test cluster', () => {
  const dir = tempDir();
  const kc = readKubeconfig(testKubeconfig());
  const admin = kc.users.find((u: any) => u.name === kc.contexts.find((c: any) => c.name === ADMIN).context.user).user;
  const pem = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
  const credential = (status: object) => JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status });
  writeFileSync(join(dir, 'first.json'), credential({ token: 'revoked-token', expirationTimestamp: new Date(Date.now() + 3600_000).toISOString() }));
  writeFileSync(join(dir, 'later.json'), credential({ clientCertificateData: pem(admin['client-certificate-data']), clientKeyData: pem(admin['client-key-data']) }));
  const runs = join(dir, 'runs');
  writeFileSync(runs, '');
  const plugin = join(dir, 'plugin.sh');
  writeFileSync(plugin, `#!/bin/sh\necho run >> '${runs}'\nif [ "$(wc -l < '${runs}')" -le 1 ]; then cat '${join(dir, 'first.json')}'; else cat '${join(dir, 'later.json')}'; fi\n`);
  chmodSync(plugin, 0o755);
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, stringify({
    apiVersion: 'v1', kind: 'Config', clusters: kc.clusters,
    users: [{ name: 'sso', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } } }],
    contexts: [{ name: 'sso', context: { cluster: kc.clusters[0].name, user: 'sso' } }],
  }));
  const core = new Core({ dataDir: tempDir(), kubeconfigFiles: [file], watchKubeconfig: false });
  afterAll(() => core.dispose());

  it('a 401 runs the plugin again and retries once; its client certificate is used for TLS', async () => {
    const ns = await core.connection('sso').http.request('GET', '/api/v1/namespaces/default');
    expect(ns.metadata.name).toBe('default');
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(2);
    const status = await core.connection('sso').probe();
    expect(status.state).toBe('ready');
  });
});
