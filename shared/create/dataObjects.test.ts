import { describe, expect, it } from 'vitest';
import { buildConfigMap, buildSecret, parseLiteral } from './dataObjects';
import { base64FromBytes } from './base64';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('kubectl create configmap / secret generic', () => {
  it('base64 matches the standard encoding', () => {
    const known: [string, string][] = [['', ''], ['a', 'YQ=='], ['ab', 'YWI='], ['abc', 'YWJj'], ['abcd', 'YWJjZA=='], ['héllo', 'aMOpbGxv']];
    for (const [s, b64] of known) expect(base64FromBytes(bytes(s))).toBe(b64);
    expect(base64FromBytes(new Uint8Array([0x61, 0, 0xff]))).toBe('YQD/');
  });

  it('literals split at the first =', () => {
    expect(parseLiteral('a=b=c')).toEqual(['a', 'b=c']);
    expect(() => parseLiteral('=x')).toThrow(/expected key=value/);
    expect(() => parseLiteral('novalue')).toThrow(/expected key=value/);
  });

  it('configmap: text files in data, other bytes base64 in binaryData, duplicate keys refused', () => {
    const cm = buildConfigMap({ name: 'c', namespace: 'q', literals: ['a=b'], files: [{ fileName: 'bin.dat', bytes: new Uint8Array([0x61, 0, 0xff]) }, { fileName: 'app.conf', bytes: bytes('x=1\n') }] });
    expect(cm).toEqual({ apiVersion: 'v1', binaryData: { 'bin.dat': 'YQD/' }, data: { 'app.conf': 'x=1\n', a: 'b' }, kind: 'ConfigMap', metadata: { name: 'c', namespace: 'q' } });
    expect(() => buildConfigMap({ name: 'c', namespace: 'q', literals: ['a=1', 'a=2'], files: [] })).toThrow(/already exists in Data/);
    expect(() => buildConfigMap({ name: 'c', namespace: 'q', literals: ['b a=1'], files: [] })).toThrow(/valid key name/);
  });

  it('secret: every value base64, a file under its own key or the one given, type only when given', () => {
    const s = buildSecret({ name: 's', namespace: 'q', literals: ['user=admin'], files: [{ key: 'tls.key', fileName: 'k.pem', bytes: new Uint8Array([1, 2, 3]) }] });
    expect(s).toEqual({ apiVersion: 'v1', data: { user: 'YWRtaW4=', 'tls.key': 'AQID' }, kind: 'Secret', metadata: { name: 's', namespace: 'q' } });
    expect(buildSecret({ name: 's', namespace: 'q', literals: [], files: [], type: 'example.com/x' }).type).toBe('example.com/x');
  });
});
