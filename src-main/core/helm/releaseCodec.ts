import { gunzipSync } from 'node:zlib';
import type { HelmRelease } from '../../../shared/helm/release';

// Helm's storage encoding (pkg/storage/driver/util.go): release JSON → gzip → base64 string. The Secret
// driver puts that string in `data.release`, which the API serves base64-encoded again; the ConfigMap
// driver stores it as is. Gunzip only when the bytes start 1f 8b (very old releases were not gzipped).

/** More than this decompressed is refused (a gzip bomb, or a chart nobody should hold in memory). */
export const MAX_RELEASE_BYTES = 64 << 20;

export class ReleaseDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseDecodeError';
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function strictBase64(s: string, what: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) throw new ReleaseDecodeError(`${what} is not valid base64`);
  return Buffer.from(clean, 'base64');
}

/**
 * Decodes a stored release. `driver` says how many base64 layers: 'secret' for a Secret's `data.release`
 * as the API returns it (two), 'configmap' for a ConfigMap's `data.release` (one).
 */
export function decodeRelease(stored: unknown, driver: 'secret' | 'configmap', maxBytes = MAX_RELEASE_BYTES): HelmRelease {
  if (typeof stored !== 'string' || stored === '') throw new ReleaseDecodeError('the record has no `release` data');
  let bytes = strictBase64(stored, driver === 'secret' ? 'the Secret\'s data' : 'the ConfigMap\'s data');
  if (driver === 'secret') bytes = strictBase64(bytes.toString('latin1'), 'the release inside the Secret');
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err: any) {
      if (err?.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|maxOutputLength/i.test(String(err?.message))) {
        throw new ReleaseDecodeError(`the release decompresses to more than ${Math.round(maxBytes / (1 << 20))} MiB; not read`);
      }
      throw new ReleaseDecodeError(`the release is not valid gzip (${err?.message ?? err})`);
    }
  }
  if (bytes.length > maxBytes) throw new ReleaseDecodeError(`the release is more than ${Math.round(maxBytes / (1 << 20))} MiB; not read`);
  let json: any;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ReleaseDecodeError(`the release is not JSON (${(err as Error).message})`);
  }
  if (!json || typeof json !== 'object' || typeof json.name !== 'string' || typeof json.version !== 'number') {
    throw new ReleaseDecodeError('the release JSON has no name or version');
  }
  return json as HelmRelease;
}
