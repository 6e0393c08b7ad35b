import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDocument, loadOpenApiFixtures } from '../../../shared/testing/openapi/openApiFixtures';
import { BodyTooLargeError, readCappedText } from './cappedBody';
import { forgetOpenApiDocuments, groupVersionDocument, MAX_DOCUMENT_BYTES, OpenApiUnavailable } from './openApiDocuments';
import { kindSchema } from './kindSchema';

// The size cap and the unavailable states of the one OpenAPI source, on an in-process stand-in for
// KubeHttp (unit level: no server). The 20 MB document is the recorded core/v1 document padded with
// 20 MB of extra schemas, streamed in 64 KiB chunks as the API server sends it.

const CHUNK = 64 * 1024;
function streamOf(text: string, counter: { sent: number }): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) { c.close(); return; }
      const chunk = bytes.subarray(at, at + CHUNK);
      at += chunk.length;
      counter.sent += chunk.length;
      c.enqueue(chunk);
    },
  });
}

function fakeHttp(docs: Record<string, string>) {
  const counter = { sent: 0, documentReads: 0 };
  const paths = Object.fromEntries(Object.keys(docs).map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=H${gv.length}` }]));
  return {
    counter,
    request: async (_m: string, path: string) => (path === '/openapi/v3' ? { paths } : path === '/version' ? { gitVersion: 'v1.35.4' } : undefined),
    raw: async (_m: string, path: string) => {
      counter.documentReads++;
      const gv = path.replace('/openapi/v3/', '');
      return { status: 200, statusText: 'OK', headers: new Headers(), body: streamOf(docs[gv], counter), text: async () => docs[gv] };
    },
  } as any;
}

function twentyMegabytes(): string {
  const doc = structuredClone(fixtureDocument('api/v1')) as any;
  const filler = 'x'.repeat(1000);
  for (let i = 0; doc.__size === undefined && i < 20_000; i++) doc.components.schemas[`zz.filler.F${i}`] = { type: 'object', description: filler };
  const text = JSON.stringify(doc);
  expect(text.length).toBeGreaterThan(20_000_000);
  return text;
}

beforeAll(loadOpenApiFixtures);
beforeEach(() => forgetOpenApiDocuments());

describe('the OpenAPI document source', () => {
  it('reads a 20 MB group-version document under the cap, and sends only the kind’s closure on', async () => {
    const big = twentyMegabytes();
    const http = fakeHttp({ 'api/v1': big });
    expect(big.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    const r = await kindSchema(http, { group: '', version: 'v1', kind: 'Pod' });
    expect(r.state).toBe('ok');
    if (r.state !== 'ok') return;
    expect(r.rootName).toBe('io.k8s.api.core.v1.Pod');
    expect(JSON.stringify(r.document).length).toBeLessThan(1_000_000);
    expect(Object.keys(r.document.components.schemas).some((n) => n.startsWith('zz.filler'))).toBe(false);
    // Cached by server version and hash: the second ask reads nothing.
    await kindSchema(http, { group: '', version: 'v1', kind: 'Container' });
    expect(http.counter.documentReads).toBe(1);
  });

  it('refuses a document over the cap while it arrives, with a message saying what still works', async () => {
    const big = twentyMegabytes();
    const http = fakeHttp({ 'api/v1': big });
    const limit = 16 * 1024 * 1024;
    const err = await groupVersionDocument(http, '', 'v1', { limitBytes: limit }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenApiUnavailable);
    expect(err.reason).toBe('too-large');
    expect(err.message).toMatch(/^The cluster's OpenAPI document for api\/v1 is larger than 16 MiB, the most Wheelhouse reads: .* The server still checks what you send/);
    // Stopped at the cap: of the 20 MB only the cap and the stream's one chunk of read-ahead were pulled.
    expect(http.counter.sent).toBeLessThanOrEqual(limit + 2 * CHUNK);
    const r = await kindSchema(http, { group: '', version: 'v1', kind: 'Pod' }, { limitBytes: limit });
    expect(r).toMatchObject({ state: 'unavailable', reason: 'too-large' });
  });

  it('readCappedText stops at the cap', async () => {
    const counter = { sent: 0 };
    await expect(readCappedText(streamOf('a'.repeat(10 * CHUNK), counter), 3 * CHUNK)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(counter.sent).toBeLessThanOrEqual(5 * CHUNK);
    expect(await readCappedText(streamOf('abc', { sent: 0 }), 3)).toBe('abc');
  });

  it('a group-version the server lists no OpenAPI for (an aggregated API without it) is a clear state, not an error', async () => {
    const http = fakeHttp({ 'api/v1': JSON.stringify(fixtureDocument('api/v1')) });
    const r = await kindSchema(http, { group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics' });
    expect(r).toMatchObject({ state: 'unavailable', reason: 'no-group-version' });
    expect(r.state === 'unavailable' && r.message).toMatch(/publishes no OpenAPI v3 for metrics\.k8s\.io\/v1beta1/);
  });

  it('a document that is not JSON is a clear state', async () => {
    const http = fakeHttp({ 'api/v1': '{"components": ' });
    expect(await kindSchema(http, { group: '', version: 'v1', kind: 'Pod' })).toMatchObject({ state: 'unavailable', reason: 'unreadable' });
  });
});

