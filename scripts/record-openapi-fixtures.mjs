// Records the test cluster's real OpenAPI v3 documents as unit-test fixtures (shared/testing/openapi/):
// core v1, apps/v1, and a group served by two CRDs of shared/testing/openapi/fixtureCrds.json (one
// structural, one whose root preserves unknown fields), installed for the recording and removed after.
// Run against the default test cluster: node scripts/record-openapi-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { defaultStateDir } from '../test-cluster/paths.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'shared/testing/openapi');
const kubeconfig = path.join(defaultStateDir(), 'kubeconfig');
const crds = readFileSync(path.join(out, 'fixtureCrds.json'), 'utf8');
const CRD_GV = 'apis/explain-fixtures.wheelhouse.dev/v1';
const opts = { kubeconfig, context: 'wheelhouse-admin', timeoutMs: 120_000 };

await kubectl(['apply', '-f', '-'], { ...opts, input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: JSON.parse(crds) }) });
try {
  await kubectl(['wait', '--for=condition=Established', '--timeout=60s', 'crd/widgets.explain-fixtures.wheelhouse.dev', 'crd/blobs.explain-fixtures.wheelhouse.dev'], opts);
  let index;
  // The aggregated OpenAPI lists a new CRD's group-version a moment after it is Established.
  for (let i = 0; i < 60; i++) {
    index = JSON.parse(await kubectl(['get', '--raw', '/openapi/v3'], opts));
    if (index.paths[CRD_GV]) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const version = JSON.parse(await kubectl(['get', '--raw', '/version'], opts)).gitVersion;
  const recorded = {};
  for (const gv of ['api/v1', 'apis/apps/v1', CRD_GV]) {
    const url = index.paths[gv]?.serverRelativeURL;
    if (!url) throw new Error(`the cluster lists no OpenAPI v3 for ${gv}`);
    const text = await kubectl(['get', '--raw', url], opts);
    // gzip, then base64: shared/ tests read it through Vite's ?raw (text) without Node's fs.
    const file = `${gv.replace(/\//g, '_')}.json.gz.b64`;
    writeFileSync(path.join(out, file), `${gzipSync(JSON.stringify(JSON.parse(text)), { level: 9 }).toString('base64')}\n`);
    recorded[gv] = file;
  }
  writeFileSync(path.join(out, 'recorded.json'), `${JSON.stringify({ serverVersion: version, recordedAt: new Date().toISOString(), files: recorded }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(recorded).join(', ')} from ${version}`);
} finally {
  await kubectl(['delete', '--ignore-not-found', 'crd/widgets.explain-fixtures.wheelhouse.dev', 'crd/blobs.explain-fixtures.wheelhouse.dev'], opts);
}
