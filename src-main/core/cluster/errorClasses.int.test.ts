import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { Core } from '../core';
import { applyManifest } from '../actions/apply';
import { ADMIN, readKubeconfig, tempDir, testKubeconfig } from '../../testing/testCluster';
import { clientCertificate, selfSignedCa } from '../../testing/certificates';
import { TcpProxy } from '../../testing/tcpProxy';
import { ContractError } from '../../../shared/contract/contractError';
import { kubectl, type KubectlError } from '../../../test-cluster/kubectl.mjs';

/**
 * Each class of broken kubeconfig or bad input from issue #15 against the real test cluster, with
 * certificates made here (signed by the cluster's CA where the server must get that far): the exact
 * message class, and how long it took to say it (≤ 5 s). kubectl is the oracle for what it refuses.
 */
const DAY = 86_400_000;
const within = async <T>(ms: number, f: () => Promise<T>): Promise<T> => {
  const t0 = Date.now();
  const v = await f();
  expect(Date.now() - t0, 'time to the message').toBeLessThanOrEqual(ms);
  return v;
};
const kubectlError = async (args: string[], kubeconfig: string): Promise<string> => {
  try { await kubectl(args, { kubeconfig, timeoutMs: 20_000 }); } catch (e) { return (e as KubectlError).stderr; }
  throw new Error(`kubectl ${args.join(' ')} succeeded`);
};

describe('errors that name their cause', () => {
  const dir = tempDir('wh-errors-');
  const kc = readKubeconfig(testKubeconfig());
  const cluster = kc.clusters[0];
  const adminUser = kc.users.find((u: any) => u.name === kc.contexts.find((c: any) => c.name === ADMIN).context.user);
  const pki = join(dirname(testKubeconfig()), 'pki');
  const clusterCa = { crt: join(pki, 'ca.crt'), key: join(pki, 'ca.key') };
  const expiredNotAfter = new Date(Date.now() - 2 * DAY);
  let file: string;
  let b64File: string;
  let core: Core;
  let proxy: TcpProxy | undefined;

  beforeAll(async () => {
    const expired = clientCertificate(dir, clusterCa, { stem: 'expired', subject: '/O=system:masters/CN=expired-admin', notBefore: new Date(Date.now() - 10 * DAY), notAfter: expiredNotAfter });
    const early = clientCertificate(dir, clusterCa, { stem: 'early', subject: '/O=system:masters/CN=early-admin', notBefore: new Date(Date.now() + DAY), notAfter: new Date(Date.now() + 10 * DAY) });
    const foreignCa = selfSignedCa(dir, 'foreign-ca', '/CN=foreign-ca');
    const foreign = clientCertificate(dir, { crt: foreignCa.cert, key: foreignCa.key }, { stem: 'foreign', subject: '/O=system:masters/CN=foreign', notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + DAY) });
    const otherCa = selfSignedCa(dir);
    const b64 = (pem: string) => Buffer.from(pem).toString('base64');
    const user = (name: string, pair: { certPem: string; keyPem: string }) => ({ name, user: { 'client-certificate-data': b64(pair.certPem), 'client-key-data': b64(pair.keyPem) } });
    const ctx = (name: string, c: string, u: string) => ({ name, context: { cluster: c, user: u } });
    // A port the WHATWG fetch standard bars ("bad ports"), in front of the API server: 6666 when free.
    const [host, port] = new URL(cluster.cluster.server).host.split(':');
    for (const p of [6666, 6665, 6667, 6668, 6669, 6000, 10080]) {
      const t = new TcpProxy(host, Number(port));
      try { await t.start(p); proxy = t; break; } catch { /* taken */ }
    }
    const clusters = [
      cluster,
      { name: 'insecure-and-ca', cluster: { ...cluster.cluster, 'insecure-skip-tls-verify': true } },
      { name: 'other-ca', cluster: { ...cluster.cluster, 'certificate-authority-data': b64(otherCa.certPem) } },
      { name: 'nothing-there', cluster: { server: 'https://127.0.0.1:1' } },
      { name: 'bad-port', cluster: { ...cluster.cluster, server: `https://127.0.0.1:${proxy?.port ?? 1}` } },
    ];
    const users = [
      adminUser, user('expired', expired), user('early', early), user('foreign', foreign),
    ];
    const contexts = [
      kc.contexts.find((c: any) => c.name === ADMIN),
      ctx('expired-cert', cluster.name, 'expired'), ctx('early-cert', cluster.name, 'early'), ctx('foreign-cert', cluster.name, 'foreign'),
      ctx('insecure-and-ca', 'insecure-and-ca', adminUser.name), ctx('other-ca', 'other-ca', adminUser.name),
      ctx('refused', 'nothing-there', adminUser.name), ctx('bad-port', 'bad-port', adminUser.name),
    ];
    file = join(dir, 'kubeconfig');
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Config', clusters, users, contexts, 'current-context': ADMIN }));
    // kubectl refuses a whole file for one bad base64 field: those entries get a file of their own.
    b64File = join(dir, 'kubeconfig-base64');
    writeFileSync(b64File, stringify({
      apiVersion: 'v1', kind: 'Config',
      clusters: [{ name: 'bad-ca-base64', cluster: { ...cluster.cluster, 'certificate-authority-data': 'LS0tLS1CRUdJTi*BDRVJU' } }],
      users: [adminUser, { name: 'bad-key-base64', user: { 'client-certificate-data': adminUser.user['client-certificate-data'], 'client-key-data': 'not base64!' } }],
      contexts: [ctx('bad-ca-base64', 'bad-ca-base64', adminUser.name), ctx('bad-key-base64', cluster.name, 'bad-key-base64')],
    }));
    core = new Core({ dataDir: tempDir(), kubeconfigFiles: [file, b64File], watchKubeconfig: false });
  });
  afterAll(async () => { await core?.dispose(); await proxy?.stop(); });

  it('an expired client certificate: "the client certificate for user X expired on DATE", before connecting', async () => {
    const s = await within(5_000, () => core.connection('expired-cert').probe());
    expect(s.state).toBe('unauthorized');
    const notAfter = new Date(new X509Certificate(Buffer.from(readKubeconfig(file).users[1].user['client-certificate-data'], 'base64')).validTo).toISOString();
    expect(Math.abs(Date.parse(notAfter) - expiredNotAfter.getTime())).toBeLessThan(2_000);
    expect(s.reason).toBe(`The client certificate for user "expired" expired on ${notAfter} (from the kubeconfig). Get a new certificate for this user (or refresh the kubeconfig from your cluster provider).`);
  });

  it('a client certificate not yet valid says from when', async () => {
    const s = await within(5_000, () => core.connection('early-cert').probe());
    expect(s.state).toBe('unauthorized');
    expect(s.reason).toMatch(/^The client certificate for user "early" is not valid until \d{4}-\d\d-\d\dT.*Check this computer's clock/);
  });

  it('a certificate the server does not accept (401, then it closes the connection): one state, credentials rejected, never "unreachable"', async () => {
    const conn = core.connection('foreign-cert');
    const states = new Set<string>();
    conn.onStatus((s) => states.add(s.state));
    for (let i = 0; i < 4; i++) {
      const s = await within(5_000, () => conn.probe());
      expect(s.state).toBe('unauthorized');
      expect(s.reason).toMatch(/rejected the credentials \(401\)/);
    }
    expect([...states].filter((x) => x !== 'connecting')).toEqual(['unauthorized']);
  });

  it('insecure-skip-tls-verify with a CA is refused with kubectl\'s reason, not tried', async () => {
    const err = await within(5_000, async () => { try { core.connection('insecure-and-ca'); } catch (e) { return e as ContractError; } throw new Error('accepted'); });
    expect(err.code).toBe('invalid-kubeconfig');
    expect(err.message).toContain('specifying a root certificates file with the insecure flag is not allowed');
    expect(await kubectlError(['--context', 'insecure-and-ca', 'get', 'ns'], file)).toContain('specifying a root certificates file with the insecure flag is not allowed');
  });

  it('invalid base64 names the field and the context (kubectl: the same byte offset, for the whole file)', async () => {
    const ca = (() => { try { core.connection('bad-ca-base64'); } catch (e) { return e as ContractError; } throw new Error('accepted'); })();
    expect(ca.code).toBe('invalid-kubeconfig');
    expect(ca.message).toMatch(/^Context "bad-ca-base64" is not usable .*certificate-authority-data of cluster "bad-ca-base64" is not valid base64 \(illegal base64 data at input byte 14\)/);
    const key = (() => { try { core.connection('bad-key-base64'); } catch (e) { return e as ContractError; } throw new Error('accepted'); })();
    expect(key.message).toMatch(/client-key-data of user "bad-key-base64" is not valid base64 \(illegal base64 data at input byte 3\)/);
    const oracle = await kubectlError(['--context', 'bad-ca-base64', 'get', 'ns'], b64File);
    expect(oracle).toContain("illegal base64 data at input byte 14");
  });

  it('a server certificate the kubeconfig\'s CA did not sign: a sentence, the code under detail', async () => {
    const s = await within(5_000, () => core.connection('other-ca').probe());
    expect(s.state).toBe('unreachable');
    expect(s.reason).toMatch(/^The API server's certificate (is not signed by|is signed by a certificate authority).* Check certificate-authority\(-data\)/);
    expect(s.reason).not.toMatch(/UND_ERR|UNABLE_TO|SELF_SIGNED/);
    expect(s.detail).toMatch(/^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/);
  });

  it('connection refused: what it means and what to do; ECONNREFUSED only in the detail', async () => {
    const s = await within(5_000, () => core.connection('refused').probe());
    expect(s.state).toBe('unreachable');
    expect(s.reason).toMatch(/^Nothing accepts connections at the API server's address \(connection refused\)/);
    expect(s.detail).toMatch(/^ECONNREFUSED/);
  });

  it('an API server behind a WHATWG "bad port" (6666 when free) is reachable, and lists what kubectl lists', async () => {
    expect(proxy, 'a free bad port for the proxy').toBeTruthy();
    const s = await within(5_000, () => core.connection('bad-port').probe());
    expect(s.state).toBe('ready');
    const ours = await core.connection('bad-port').http.request('GET', '/api/v1/namespaces');
    const theirs = JSON.parse(await kubectl(['--context', 'bad-port', 'get', 'namespaces', '-o', 'json'], { kubeconfig: file }));
    expect(ours.items.map((n: any) => n.metadata.name).sort()).toEqual(theirs.items.map((n: any) => n.metadata.name).sort());
  });

  it('Apply with an invalid object name says which rule, in the API server\'s words (kubectl\'s server dry run as the oracle)', async () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n  namespace: default\ndata: {a: b}\n';
    // One bad document is its own result (the others would still apply), never sent to the server.
    const res = await within(5_000, () => applyManifest(core.connection(ADMIN).http, { yaml, dryRun: true }));
    expect(res.ok).toBe(false);
    expect(res.results[0].outcome).toBe('error');
    const rule = /metadata\.name: Invalid value: "My_Config": a lowercase RFC 1123 subdomain must consist of[^.]*/.exec(res.results[0].message)?.[0];
    expect(rule).toBeTruthy();
    const oracle = await (async () => { try { await kubectl(['apply', '--dry-run=server', '-f', '-'], { kubeconfig: testKubeconfig(), context: ADMIN, input: yaml }); } catch (e) { return (e as KubectlError).stderr; } return ''; })();
    expect(oracle).toContain(rule!);
  });

  it('a malformed file among several is reported (file, line) while the other files\' contexts work', async () => {
    const bad = join(dir, 'broken-kubeconfig');
    writeFileSync(bad, 'apiVersion: v1\nkind: Config\nclusters:\n  - name: x\n    cluster: {server: [unclosed\n');
    const both = new Core({ dataDir: tempDir(), kubeconfigFiles: [bad, testKubeconfig()], watchKubeconfig: false });
    try {
      const state = both.kubeconfig();
      expect(state.contexts.map((c) => c.name)).toContain(ADMIN);
      expect(state.errors).toHaveLength(1);
      expect(state.errors[0].message).toMatch(new RegExp(`^Could not read kubeconfig ${bad} \\(line \\d+, column \\d+\\): `));
      expect((await within(5_000, () => both.connection(ADMIN).probe())).state).toBe('ready');
    } finally { await both.dispose(); }
  });
});
