import { deepMessage, errorCode } from './apiError';
import { StreamConnectionDeadError } from './streamLiveness';

/** A transport failure in a person's words: what happened and what to do; the raw code stays in `detail`. */
export interface NetworkFailure {
  /** 'rejected': the server refused this client's certificate or connection; 'unreachable': no usable connection. */
  kind: 'rejected' | 'untrusted' | 'unreachable';
  message: string;
  detail: string;
}

const words: Record<string, string> = {
  ECONNREFUSED: 'Nothing accepts connections at the API server\'s address (connection refused): the API server is down, or the server address or port in the kubeconfig is wrong.',
  ENOTFOUND: 'The API server\'s host name could not be resolved: check the server address in the kubeconfig, your DNS, or your VPN.',
  EAI_AGAIN: 'The API server\'s host name could not be resolved right now (DNS did not answer): check your network or VPN.',
  EHOSTUNREACH: 'There is no route to the API server\'s host: check your network or VPN.',
  ENETUNREACH: 'The API server\'s network cannot be reached: check your network or VPN.',
  ETIMEDOUT: 'Connecting to the API server timed out: it may be behind a firewall or VPN that is not connected.',
  UND_ERR_CONNECT_TIMEOUT: 'Connecting to the API server timed out: it may be behind a firewall or VPN that is not connected.',
  ECONNRESET: 'The connection to the API server was reset before it answered: a proxy or load balancer in between may have dropped it. Retrying.',
  EPIPE: 'The connection to the API server broke while sending: a proxy or load balancer in between may have dropped it. Retrying.',
  UND_ERR_SOCKET: 'The API server closed the connection before answering: it may have refused this context\'s client certificate, or a proxy or load balancer in between dropped the connection. Retrying.',
  UND_ERR_CLOSED: 'The connection to the API server was closed before the request was sent. Retrying.',
  UND_ERR_HEADERS_TIMEOUT: 'The API server accepted the connection but sent no answer in time: it may be overloaded.',
  UND_ERR_BODY_TIMEOUT: 'The API server stopped sending in the middle of an answer: it may be overloaded, or the connection was dropped.',
};

const untrusted: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'is not signed by the certificate authority this kubeconfig trusts',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'is not signed by the certificate authority this kubeconfig trusts',
  UNABLE_TO_GET_ISSUER_CERT: 'is not signed by the certificate authority this kubeconfig trusts',
  SELF_SIGNED_CERT_IN_CHAIN: 'is signed by a certificate authority this kubeconfig does not trust',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed and not the one this kubeconfig trusts',
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet (check this computer\'s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'does not name the host in the server address (set tls-server-name to a name the certificate lists, or use that name in the server address)',
};

/**
 * Explains a failure below HTTP (TCP, TLS, HTTP/2), or undefined when `err` is not one. TLS alerts
 * sent by the server mean it refused this client (most often its certificate); a certificate the
 * client could not verify means the kubeconfig's CA does not match; an HTTP/2 GOAWAY before any
 * answer means the server closed the connection on purpose (kube-apiserver does so to clients it did
 * not authenticate).
 */
export function explainNetworkFailure(err: unknown): NetworkFailure | undefined {
  const code = errorCode(err);
  const raw = deepMessage(err);
  const detail = code ? `${code}: ${raw}` : raw;
  // Our own verdict already says what happened (and carries ETIMEDOUT only for the retry logic).
  if (err instanceof StreamConnectionDeadError) return { kind: 'unreachable', message: err.message, detail };
  if (code && /^ERR_SSL_.*ALERT_/.test(code)) {
    const alert = code.replace(/^ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_/, '').toLowerCase().replace(/_/g, ' ');
    return {
      kind: 'rejected', detail,
      message: `The API server rejected the connection during the TLS handshake (alert: ${alert}): it did not accept this context's client certificate. Check that the certificate belongs to this cluster and has not been revoked.`,
    };
  }
  if (code && untrusted[code]) {
    return { kind: 'untrusted', detail, message: `The API server's certificate ${untrusted[code]}, so the connection was not trusted. Check certificate-authority(-data) and the server address of this cluster in the kubeconfig.` };
  }
  if (code && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code.startsWith('ERR_OSSL'))) {
    return { kind: 'untrusted', detail, message: 'The TLS connection to the API server could not be set up: check the certificate authority, client certificate and key of this context.' };
  }
  if (isGoaway(err)) {
    return { kind: 'rejected', detail, message: 'The API server closed the connection before answering (HTTP/2 GOAWAY): it refused this client, usually because its credentials or client certificate were not accepted.' };
  }
  if (code && words[code]) return { kind: 'unreachable', detail, message: words[code] };
  if (err instanceof TypeError && /fetch failed|terminated|other side closed/i.test(raw)) {
    return { kind: 'unreachable', detail, message: 'The connection to the API server failed before it answered. Retrying.' };
  }
  return undefined;
}

/** undici's HTTP/2 session got GOAWAY while this request was on it (UND_ERR_INFO "GOAWAY frame received"). */
export function isGoaway(err: unknown): boolean {
  return /GOAWAY/i.test(deepMessage(err)) && (errorCode(err) === 'UND_ERR_INFO' || errorCode(err) === 'UND_ERR_SOCKET' || errorCode(err) === undefined);
}
