import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeHttp } from './kubeHttp';
import { explainNetworkFailure } from './networkFailure';
import { toContractError } from './apiError';
import { clientCertificate, selfSignedCa } from '../../testing/certificates';

/**
 * What a server's TLS alert becomes: a real TLS endpoint (Node's, demanding a client certificate from
 * its own CA) refuses the handshake; the client must read that as "the server rejected this client's
 * certificate", never as "unreachable". (kube-apiserver itself only requests certificates and answers
 * 401, which the integration tests cover.)
 */
describe('TLS alerts from the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-tls-'));
  let server: Server;
  let port = 0;
  const serverCa = selfSignedCa(dir, 'server-ca', '/CN=server-ca');
  const clientCa = selfSignedCa(dir, 'client-ca', '/CN=client-ca');
  const strangerCa = selfSignedCa(dir, 'stranger-ca', '/CN=stranger-ca');
  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'srv.key', '-out', 'srv.crt', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-CA', serverCa.cert, '-CAkey', serverCa.key], { cwd: dir, stdio: 'ignore' });
    server = createServer({ cert: readFileSync(join(dir, 'srv.crt')), key: readFileSync(join(dir, 'srv.key')), ca: readFileSync(clientCa.cert), requestCert: true, rejectUnauthorized: true }, (s) => s.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}'));
    server.on('tlsClientError', () => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const http = (user: object) => new KubeHttp({
    context: { name: 'x', cluster: 'c', user: 'u' },
    cluster: { name: 'c', server: `https://127.0.0.1:${port}`, caData: Buffer.from(serverCa.certPem).toString('base64') },
    user: { name: 'u', ...user },
  });

  it('no client certificate where the server demands one: "rejected", with the alert named (not "unreachable")', async () => {
    const h = http({ token: 'not-a-certificate' });
    const err = await h.request('GET', '/version').then(() => undefined, (e) => e);
    h.close();
    const f = explainNetworkFailure(err);
    expect(f?.kind).toBe('rejected');
    expect(f!.message).toBe("The API server rejected the connection during the TLS handshake (alert: certificate required): it did not accept this context's client certificate. Check that the certificate belongs to this cluster and has not been revoked.");
    expect(f!.detail).toMatch(/^ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: /);
    expect(toContractError(err).code).toBe('unauthorized');
  });

  it('a certificate from a CA the server does not trust ends the connection before any answer: said so, certificate named as a likely cause', async () => {
    const stranger = clientCertificate(dir, { crt: strangerCa.cert, key: strangerCa.key }, { stem: 'stranger', subject: '/CN=stranger', notBefore: new Date(Date.now() - 3600_000), notAfter: new Date(Date.now() + 3600_000) });
    const h = http({ certFile: stranger.cert, keyFile: stranger.key });
    const err = await h.request('GET', '/version').then(() => undefined, (e) => e);
    h.close();
    const f = explainNetworkFailure(err);
    expect(f?.message).toMatch(/closed the connection before answering.*client certificate/);
    expect(f?.message).not.toMatch(/UND_ERR/);
  });
});
