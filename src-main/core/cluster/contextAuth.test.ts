import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContextAuth } from './contextAuth';
import { ConnectionPool } from './connectionPool';
import { ClientCertificateError, CredentialError } from './apiError';
import { clientCertificate, selfSignedCa } from '../../testing/certificates';

const dir = mkdtempSync(join(tmpdir(), 'wh-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ca = selfSignedCa(dir);
const day = 86_400_000;
const cert = (stem: string, from: number, to: number) => clientCertificate(dir, { crt: ca.cert, key: ca.key }, { stem, subject: `/CN=${stem}`, notBefore: new Date(Date.now() + from), notAfter: new Date(Date.now() + to) });
const [cert1, cert2] = [cert('c1', -day, day), cert('c2', -day, day)];
const cluster = { name: 'c', server: 'https://127.0.0.1:6443', caData: Buffer.from('CA').toString('base64'), tlsServerName: 'api' };

describe('ContextAuth', () => {
  it('impersonation (repeated groups), basic auth, and an inline token over basic', async () => {
    const basic = await new ContextAuth(cluster, { name: 'u', username: 'me', password: 'pw', impersonateUser: 'bob', impersonateGroups: ['a', 'b'] }).resolve();
    expect(basic.headers).toEqual([
      ['Impersonate-User', 'bob'], ['Impersonate-Group', 'a'], ['Impersonate-Group', 'b'], ['Authorization', `Basic ${Buffer.from('me:pw').toString('base64')}`],
    ]);
    const token = await new ContextAuth(cluster, { name: 'u', username: 'me', password: 'pw', token: 'T' }).resolve();
    expect(token.headers).toEqual([['Authorization', 'Bearer T']]);
  });

  it('TLS material from the kubeconfig is one object for every request (so one connection pool)', async () => {
    const a = new ContextAuth(cluster, { name: 'u', certData: Buffer.from(cert1.certPem).toString('base64'), keyData: Buffer.from('KEY').toString('base64') });
    const [r1, r2] = [await a.resolve(), await a.resolve()];
    expect(r1.tls).toBe(r2.tls);
    expect(r1.tls.ca?.toString()).toBe('CA');
    expect(r1.tls.cert?.toString()).toBe(cert1.certPem);
    expect(r1.tls.servername).toBe('api');
  });

  it('a token file is read (and trimmed); a missing one is a credential error naming it', async () => {
    const f = join(dir, 'token');
    writeFileSync(f, 'file-token\n');
    expect((await new ContextAuth(cluster, { name: 'u', tokenFile: f }).resolve()).headers).toEqual([['Authorization', 'Bearer file-token']]);
    const err = await new ContextAuth(cluster, { name: 'u', tokenFile: join(dir, 'nope') }).resolve().catch((e) => e);
    expect(err).toBeInstanceOf(CredentialError);
    expect(err.message).toContain(join(dir, 'nope'));
  });

  it('exec client certificates: same pair, same TLS object; a rotated pair, a new one (hence new connections)', async () => {
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    const script = join(dir, 'cert-plugin.sh');
    // Prints the same certificate twice, then a new one (the counter file tracks runs).
    const json = (pem: string) => JSON.stringify(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { clientCertificateData: pem, clientKeyData: 'KEY' } }));
    writeFileSync(join(dir, 'c1.json'), JSON.parse(json(cert1.certPem)));
    writeFileSync(join(dir, 'c2.json'), JSON.parse(json(cert2.certPem)));
    writeFileSync(script, `#!/bin/sh\nn=$(cat '${counter}'); echo $((n+1)) > '${counter}'\nif [ "$n" -lt 2 ]; then cat '${dir}/c1.json'; else cat '${dir}/c2.json'; fi\n`);
    chmodSync(script, 0o755);
    const auth = new ContextAuth(cluster, { name: 'u', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: script } });
    const pool = new ConnectionPool(cluster);
    const first = await auth.resolve();
    auth.invalidate();
    const same = await auth.resolve();
    expect(same.tls).toBe(first.tls);
    auth.invalidate();
    const rotated = await auth.resolve();
    expect(rotated.tls).not.toBe(first.tls);
    expect(rotated.tls.cert?.toString()).toBe(cert2.certPem);
    const d1 = pool.dispatcher(first.tls, false);
    expect(pool.dispatcher(same.tls, false)).toBe(d1);
    expect(pool.dispatcher(first.tls, true)).not.toBe(d1);
    expect(pool.dispatcher(rotated.tls, false)).not.toBe(d1);
    pool.destroy();
    expect(() => pool.dispatcher(rotated.tls, false)).toThrow(/closed/);
  });

  it('a client certificate outside its validity window is refused before connecting, naming the user and the date', async () => {
    const expired = cert('expired', -3 * day, -day);
    const err = await new ContextAuth(cluster, { name: 'alice', certFile: expired.cert, keyFile: expired.key }).resolve().catch((e) => e);
    expect(err).toBeInstanceOf(ClientCertificateError);
    expect(err.why).toBe('expired');
    const notAfter = new Date(new (await import('node:crypto')).X509Certificate(expired.certPem).validTo).toISOString();
    expect(err.message).toBe(`The client certificate for user "alice" expired on ${notAfter} (from the kubeconfig). Get a new certificate for this user (or refresh the kubeconfig from your cluster provider).`);
    const future = cert('future', day, 2 * day);
    const early = await new ContextAuth(cluster, { name: 'bob', certFile: future.cert, keyFile: future.key }).resolve().catch((e) => e);
    expect(early.why).toBe('not-yet-valid');
    expect(early.message).toMatch(/^The client certificate for user "bob" is not valid until \d{4}-\d\d-\d\dT/);
    const garbage = await new ContextAuth(cluster, { name: 'eve', certData: Buffer.from('CERT').toString('base64'), keyData: 'S0VZ' }).resolve().catch((e) => e);
    expect(garbage.why).toBe('unreadable');
  });
});
