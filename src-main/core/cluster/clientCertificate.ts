import { X509Certificate } from 'node:crypto';
import { ClientCertificateError } from './apiError';

/** The validity window of the first certificate in a PEM bundle; undefined when it does not parse. */
export interface CertificateWindow { notBefore: Date; notAfter: Date; subject: string }

const windows = new WeakMap<Buffer, CertificateWindow | null>();

function windowOf(pem: Buffer): CertificateWindow | undefined {
  let w = windows.get(pem);
  if (w === undefined) {
    try {
      const x = new X509Certificate(pem);
      w = { notBefore: new Date(x.validFrom), notAfter: new Date(x.validTo), subject: x.subject.replace(/\n/g, ', ') };
    } catch {
      w = null;
    }
    windows.set(pem, w);
  }
  return w ?? undefined;
}

/**
 * Refuses, before any connection, a client certificate outside its validity window: the API server
 * would only answer 401 (and close the connection), which says nothing about why. `source` names
 * where the certificate came from (the kubeconfig user, or the exec plugin).
 */
export function checkClientCertificate(pem: Buffer | undefined, user: string, source: string, now = new Date()): void {
  if (!pem) return;
  const w = windowOf(pem);
  if (!w) {
    throw new ClientCertificateError(`The client certificate for user "${user}" (${source}) is not a PEM certificate that can be read. Check that it holds a "-----BEGIN CERTIFICATE-----" block.`, 'unreadable');
  }
  if (w.notAfter.getTime() <= now.getTime()) {
    throw new ClientCertificateError(
      `The client certificate for user "${user}" expired on ${w.notAfter.toISOString()} (${source}). Get a new certificate for this user (or refresh the kubeconfig from your cluster provider).`,
      'expired', `subject ${w.subject}; valid from ${w.notBefore.toISOString()} to ${w.notAfter.toISOString()}`,
    );
  }
  if (w.notBefore.getTime() > now.getTime()) {
    throw new ClientCertificateError(
      `The client certificate for user "${user}" is not valid until ${w.notBefore.toISOString()} (${source}). Check this computer's clock, or wait until then.`,
      'not-yet-valid', `subject ${w.subject}; valid from ${w.notBefore.toISOString()} to ${w.notAfter.toISOString()}`,
    );
  }
}
