import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRelease, ReleaseDecodeError } from './releaseCodec';

const release = { name: 'hello', namespace: 'demo', version: 2, info: { status: 'deployed' } };
const helmEncoded = (json: string) => gzipSync(Buffer.from(json)).toString('base64');
/** What the API returns in a Secret's data: base64 of helm's base64 string. */
const secretData = (s: string) => Buffer.from(s).toString('base64');

describe('decodeRelease', () => {
  it('decodes the Secret driver (base64 twice, gzip, JSON) and the ConfigMap driver (base64 once)', () => {
    expect(decodeRelease(secretData(helmEncoded(JSON.stringify(release))), 'secret')).toEqual(release);
    expect(decodeRelease(helmEncoded(JSON.stringify(release)), 'configmap')).toEqual(release);
  });
  it('reads records that were never gzipped', () => {
    expect(decodeRelease(Buffer.from(JSON.stringify(release)).toString('base64'), 'configmap')).toEqual(release);
  });
  it('names what is wrong: bad base64, bad gzip, not JSON, not a release, too big', () => {
    const fail = (stored: unknown, driver: 'secret' | 'configmap', max?: number) => {
      try { decodeRelease(stored, driver, max); } catch (err) { expect(err).toBeInstanceOf(ReleaseDecodeError); return (err as Error).message; }
      throw new Error('decoded');
    };
    expect(fail(secretData('!!not base64!!'), 'secret')).toMatch(/not valid base64/);
    expect(fail(secretData(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]).toString('base64')), 'secret')).toMatch(/not valid gzip/);
    expect(fail(secretData(helmEncoded('{nope')), 'secret')).toMatch(/not JSON/);
    expect(fail(secretData(helmEncoded('{"a":1}')), 'secret')).toMatch(/no name or version/);
    expect(fail(undefined, 'secret')).toMatch(/no `release` data/);
    const bomb = helmEncoded(JSON.stringify({ ...release, manifest: 'x'.repeat(2 << 20) }));
    expect(fail(bomb, 'configmap', 1 << 20)).toMatch(/more than 1 MiB/);
  });
});
