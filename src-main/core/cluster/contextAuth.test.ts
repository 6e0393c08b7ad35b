import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContextAuth } from './contextAuth';
import { ConnectionPool } from './connectionPool';
import { CredentialError } from './apiError';

const dir = mkdtempSync(join(tmpdir(), 'wh-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
    const a = new ContextAuth(cluster, { name: 'u', certData: Buffer.from('CERT').toString('base64'), keyData: Buffer.from('KEY').toString('base64') });
    const [r1, r2] = [await a.resolve(), await a.resolve()];
    expect(r1.tls).toBe(r2.tls);
    expect(r1.tls.ca?.toString()).toBe('CA');
    expect(r1.tls.cert?.toString()).toBe('CERT');
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
    writeFileSync(script, `#!/bin/sh\nn=$(cat '${counter}'); echo $((n+1)) > '${counter}'\nif [ "$n" -lt 2 ]; then c=CERT1; else c=CERT2; fi\nprintf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"KEY"}}' "$c"\n`);
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
    expect(rotated.tls.cert?.toString()).toBe('CERT2');
    const d1 = pool.dispatcher(first.tls, false);
    expect(pool.dispatcher(same.tls, false)).toBe(d1);
    expect(pool.dispatcher(first.tls, true)).not.toBe(d1);
    expect(pool.dispatcher(rotated.tls, false)).not.toBe(d1);
    pool.destroy();
    expect(() => pool.dispatcher(rotated.tls, false)).toThrow(/closed/);
  });
});
