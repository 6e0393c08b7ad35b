// Certificates for tests, made with the openssl CLI: a throwaway CA, and client certificates with a
// chosen validity window signed by any CA (the test cluster's, to reach the real API server).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** openssl's ASN.1 time (YYYYMMDDHHMMSSZ). */
const asn1 = (d: Date) => d.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');

export interface PemPair { cert: string; key: string; certPem: string; keyPem: string }

/** A self-signed CA in `dir` (files `<stem>.crt`, `<stem>.key`). */
export function selfSignedCa(dir: string, stem = 'other-ca', subject = '/CN=not-your-ca'): PemPair {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${stem}.key`, '-out', `${stem}.crt`, '-days', '1', '-subj', subject], dir);
  return read(dir, stem);
}

/**
 * A client certificate valid from `notBefore` to `notAfter`, signed by `ca` (paths to its .crt and
 * .key). `openssl ca` is the one subcommand of OpenSSL 3.0 that takes explicit start and end dates.
 */
export function clientCertificate(dir: string, ca: { crt: string; key: string }, o: { stem: string; subject: string; notBefore: Date; notAfter: Date }): PemPair {
  const cnf = join(dir, `${o.stem}.cnf`);
  writeFileSync(cnf, [
    '[ ca ]', 'default_ca = test', '[ test ]', `dir = ${dir}`, `database = $dir/${o.stem}.index`, 'new_certs_dir = $dir',
    `serial = $dir/${o.stem}.serial`, 'default_md = sha256', 'policy = any', 'copy_extensions = none', 'unique_subject = no',
    '[ any ]', 'commonName = supplied', 'organizationName = optional',
  ].join('\n'));
  writeFileSync(join(dir, `${o.stem}.index`), '');
  writeFileSync(join(dir, `${o.stem}.serial`), `${(1000 + Math.floor(Math.random() * 1e6)).toString(16).padStart(6, '0')}\n`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${o.stem}.key`, '-subj', o.subject, '-out', `${o.stem}.csr`], dir);
  openssl(['ca', '-batch', '-config', cnf, '-cert', ca.crt, '-keyfile', ca.key, '-in', `${o.stem}.csr`, '-out', `${o.stem}.crt`,
    '-startdate', asn1(o.notBefore), '-enddate', asn1(o.notAfter), '-notext'], dir);
  return read(dir, o.stem);
}

function read(dir: string, stem: string): PemPair {
  const cert = join(dir, `${stem}.crt`);
  const key = join(dir, `${stem}.key`);
  return { cert, key, certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
}
