import { ContractError } from '../../../shared/contract/contractError';
import { explainNetworkFailure } from './networkFailure';

/** The API server's answer to a failed request, with the parts the watch engine decides on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
    readonly retryAfterSeconds?: number,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get isGone(): boolean { return this.status === 410 || this.reason === 'Expired' || this.reason === 'Gone'; }
  /**
   * The server has not reached the resourceVersion asked for (504 Timeout with cause
   * ResourceVersionTooLarge; older servers only say so in the message), as client-go's
   * isTooLargeResourceVersionError reads it.
   */
  get isResourceVersionTooLarge(): boolean {
    const causes = (this.body as { details?: { causes?: { reason?: string }[] } } | undefined)?.details?.causes;
    if (Array.isArray(causes) && causes.some((c) => c?.reason === 'ResourceVersionTooLarge')) return true;
    return /too large resource version/i.test(this.message);
  }
}

/** An ordinary request got no (complete) answer within its deadline; the request was aborted. */
export class RequestTimeoutError extends Error {
  constructor(readonly server: string, readonly method: string, readonly path: string, readonly timeoutMs: number) {
    super(`The API server at ${server} did not answer ${method} ${path} within ${Math.round(timeoutMs / 1000)} s: it may be overloaded or unreachable. Check the cluster's health and this context's server address.`);
    this.name = 'RequestTimeoutError';
  }
}

/** Credentials could not be obtained (an exec plugin failed, a token file is missing). */
export class CredentialError extends Error {
  constructor(message: string, readonly command?: string, readonly stderr?: string) {
    super(message);
    this.name = 'CredentialError';
  }
}

/** The client certificate cannot be used: expired, not yet valid, or unreadable (checked before connecting). */
export class ClientCertificateError extends Error {
  constructor(message: string, readonly why: 'expired' | 'not-yet-valid' | 'unreadable', readonly detail?: string) {
    super(message);
    this.name = 'ClientCertificateError';
  }
}

const networkCodes = new Set(['UND_ERR_INFO', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN']);
const tlsCodes = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED']);

/** Walks an error's cause chain for a Node/undici error code. */
export function errorCode(err: unknown): string | undefined {
  let e: any = err;
  for (let i = 0; e && i < 6; i++, e = e.cause) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

export function isNetworkError(err: unknown): boolean {
  const code = errorCode(err);
  if (code && (networkCodes.has(code) || tlsCodes.has(code))) return true;
  return err instanceof TypeError && /fetch failed|terminated|other side closed/i.test(String((err as any).message));
}

export function isTlsError(err: unknown): boolean {
  const code = errorCode(err);
  return !!code && (tlsCodes.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'));
}

/** Maps anything thrown by the core into a readable error for the UI. */
export function toContractError(err: unknown): ContractError {
  if (err instanceof ContractError) return err;
  if (err instanceof CredentialError) return new ContractError('exec-plugin-failed', err.message, err.stderr);
  if (err instanceof RequestTimeoutError) return new ContractError('timeout', err.message);
  if (err instanceof ApiError) {
    const code = err.status === 401 ? 'unauthorized' : err.status === 403 ? 'forbidden' : err.status === 404 ? 'not-found'
      : err.status === 409 ? 'conflict' : err.status === 422 || err.status === 400 ? 'bad-request' : err.status === 504 ? 'timeout' : 'internal';
    return new ContractError(code, err.message, err.reason);
  }
  if (err instanceof ClientCertificateError) return new ContractError('unauthorized', err.message, err.detail);
  const net = explainNetworkFailure(err);
  if (net) return new ContractError(net.kind === 'rejected' ? 'unauthorized' : 'unreachable', net.message, net.detail);
  const message = deepMessage(err);
  if (/exec|credential plugin|spawn/i.test(message)) return new ContractError('exec-plugin-failed', message);
  return new ContractError('internal', message);
}

export function deepMessage(err: unknown): string {
  const parts: string[] = [];
  let e: any = err;
  for (let i = 0; e && i < 6; i++, e = e.cause) {
    const m = typeof e === 'string' ? e : e.message;
    if (m && !parts.includes(m)) parts.push(String(m));
  }
  return parts.join(': ') || String(err);
}
