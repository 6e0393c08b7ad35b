import { describe, expect, it } from 'vitest';
import { base64Error, kubeconfigProblems } from './kubeconfigValidation';
import { loadKubeconfig } from './kubeconfigLoader';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const server = 'https://127.0.0.1:6443';

describe('kubeconfig combinations kubectl refuses', () => {
  it('a CA together with insecure-skip-tls-verify, in client-go transport\'s words', () => {
    expect(kubeconfigProblems({ name: 'c', server, skipTLSVerify: true, caData: 'Q0E=' }, { name: 'u', token: 't' }))
      .toEqual(['specifying a root certificates file with the insecure flag is not allowed (cluster "c" sets insecure-skip-tls-verify and a certificate authority: remove one of them)']);
  });
  it('clientcmd validation: data and file both, a certificate without a key, two auth methods, exec without interactiveMode (v1)', () => {
    expect(kubeconfigProblems({ name: 'c', server, caData: 'Q0E=', caFile: '/ca' }, {
      name: 'u', certData: 'Q0U=', certFile: '/c', token: 't', username: 'me', password: 'pw', impersonateGroups: ['g'],
    })).toEqual([
      'certificate-authority-data and certificate-authority are both specified for c. certificate-authority-data will override.',
      'client-cert-data and client-cert are both specified for u. client-cert-data will override.',
      'client-key-data or client-key must be specified for u to use the clientCert authentication method.',
      'more than one authentication method found for u; found [token basicAuth], only one is allowed',
      'requesting uid, groups or user-extra for u without impersonating a user',
    ]);
    expect(kubeconfigProblems({ name: 'c', server }, { name: 'u', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'x' } }))
      .toEqual(['interactiveMode must be specified for u to use exec authentication plugin']);
    // v1beta1 defaults to IfAvailable, as client-go's defaulting does.
    expect(kubeconfigProblems({ name: 'c', server }, { name: 'u', exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'x' } })).toEqual([]);
  });
  it('invalid base64 names the field and its owner, with Go\'s byte offset', () => {
    expect(base64Error('QUJD\nREVG')).toBeUndefined();
    expect(base64Error('QUJD*EVG')).toBe('illegal base64 data at input byte 4');
    expect(base64Error('QUJDR')).toBe('illegal base64 data at input byte 4');
    expect(kubeconfigProblems({ name: 'prod', server, caData: 'not base64!' }, { name: 'alice', certData: 'QUJD', keyData: 'a=b=' })).toEqual([
      'certificate-authority-data of cluster "prod" is not valid base64 (illegal base64 data at input byte 3); it should hold a PEM file encoded with `base64 -w0`',
      'client-key-data of user "alice" is not valid base64 (illegal base64 data at input byte 1); it should hold a PEM file encoded with `base64 -w0`',
    ]);
  });
  it('a malformed file among several is reported with its line; the other files still load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-kc-'));
    const good = join(dir, 'good');
    const bad = join(dir, 'bad');
    writeFileSync(good, `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${server}"}}]\ncontexts: [{name: ok, context: {cluster: c}}]\n`);
    writeFileSync(bad, 'apiVersion: v1\nclusters:\n  - name: x\n    cluster: {server: [\n');
    const l = loadKubeconfig([bad, good]);
    expect(l.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(l.errors).toHaveLength(1);
    expect(l.errors[0].message).toMatch(new RegExp(`^Could not read kubeconfig ${bad} \\(line \\d+, column \\d+\\): .+\\. Its contexts are left out until it is fixed; contexts from the other files work\\.$`));
  });
});
