import type { OpenApiDocument } from '../../schema/schemaWalk';
import coreV1 from './api_v1.json.gz.b64?raw';
import appsV1 from './apis_apps_v1.json.gz.b64?raw';
import crdV1 from './apis_explain-fixtures.wheelhouse.dev_v1.json.gz.b64?raw';

// The test cluster's real OpenAPI v3 documents, recorded by scripts/record-openapi-fixtures.mjs and
// kept gzipped in base64. shared/ touches no Node built-ins, tests included: the files arrive as text
// (Vite's ?raw) and are unpacked with the web's atob and DecompressionStream. Call loadOpenApiFixtures()
// once (in beforeAll) before fixtureDocument().

export type FixtureGroupVersion = 'api/v1' | 'apis/apps/v1' | 'apis/explain-fixtures.wheelhouse.dev/v1';
const sources: Record<FixtureGroupVersion, string> = { 'api/v1': coreV1, 'apis/apps/v1': appsV1, 'apis/explain-fixtures.wheelhouse.dev/v1': crdV1 };
const loaded = new Map<FixtureGroupVersion, OpenApiDocument>();

async function unpack(base64: string): Promise<OpenApiDocument> {
  const bytes = Uint8Array.from(atob(base64.trim()), (c) => c.charCodeAt(0));
  const body = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(body).text()) as OpenApiDocument;
}

export async function loadOpenApiFixtures(): Promise<void> {
  await Promise.all((Object.keys(sources) as FixtureGroupVersion[]).map(async (gv) => { if (!loaded.has(gv)) loaded.set(gv, await unpack(sources[gv])); }));
}

export function fixtureDocument(gv: FixtureGroupVersion): OpenApiDocument {
  const doc = loaded.get(gv);
  if (!doc) throw new Error('call loadOpenApiFixtures() first (in beforeAll)');
  return doc;
}

export const FIXTURE_CRD_GROUP = 'explain-fixtures.wheelhouse.dev';
