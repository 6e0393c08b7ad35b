// Certificates and keys for one test cluster, made once per state dir with the openssl CLI.
// Everything is EC P-256 except the service-account signing key (RSA 2048, the most widely supported).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const DAYS = '3650';

/** Client identities: file stem → subject. O=system:masters is the cluster-admin group. */
export const CLIENTS = {
  admin: '/O=system:masters/CN=wheelhouse-admin',
  limited: '/CN=limited-user',
  'controller-manager': '/CN=system:kube-controller-manager',
  scheduler: '/CN=system:kube-scheduler',
  kwok: '/O=system:masters/CN=kwok-controller',
  'apiserver-kubelet-client': '/O=system:masters/CN=kube-apiserver-kubelet-client',
};

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function leaf(dir, stem, subject, ext) {
  const extFile = path.join(dir, `${stem}.ext`);
  writeFileSync(extFile, ext);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${stem}.key`, '-out', `${stem}.csr`, '-subj', subject], dir);
  openssl(['x509', '-req', '-in', `${stem}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key',
    '-set_serial', `0x${randomBytes(16).toString('hex')}`, '-days', DAYS, '-sha256',
    '-extfile', extFile, '-out', `${stem}.crt`], dir);
  rmSync(path.join(dir, `${stem}.csr`));
  rmSync(extFile);
}

/**
 * Creates <stateDir>/pki unless it is already complete. Returns the pki dir.
 * @param {string} stateDir
 * @param {{ clusterName: string, kubeletNames: string[] }} opts
 */
export function ensurePki(stateDir, { clusterName, kubeletNames }) {
  const dir = path.join(stateDir, 'pki');
  if (existsSync(path.join(dir, '.complete'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true, mode: 0o700 });

  openssl(['req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', 'ca.key', '-out', 'ca.crt', '-days', DAYS, '-sha256', '-subj', `/CN=${clusterName}-test-ca`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature'], tmp);

  const serverExt = (sans) => [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    `subjectAltName=${sans.join(',')}`,
    '',
  ].join('\n');
  const clientExt = [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=clientAuth',
    '',
  ].join('\n');

  leaf(tmp, 'apiserver', '/CN=kube-apiserver', serverExt([
    'IP:127.0.0.1', 'IP:10.96.0.1', 'DNS:localhost', 'DNS:kubernetes', 'DNS:kubernetes.default',
    'DNS:kubernetes.default.svc', 'DNS:kubernetes.default.svc.cluster.local',
  ]));
  // KWOK's kubelet server (logs/exec/port-forward) presents this one.
  leaf(tmp, 'kubelet', '/CN=kwok-kubelet', serverExt(['IP:127.0.0.1', 'DNS:localhost', ...kubeletNames.map((n) => `DNS:${n}`)]));
  for (const [stem, subject] of Object.entries(CLIENTS)) leaf(tmp, stem, subject, clientExt);

  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'sa.key'], tmp);
  openssl(['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], tmp);
  rmSync(path.join(tmp, 'ca.srl'), { force: true });
  writeFileSync(path.join(tmp, '.complete'), new Date().toISOString() + '\n');

  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

/** @param {string} pkiDir @param {string} stem */
export function readPem(pkiDir, stem) {
  return readFileSync(path.join(pkiDir, stem));
}
