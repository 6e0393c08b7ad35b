import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { ADMIN, newCore, testKubeconfig } from '../../testing/testCluster';
import type { Core } from '../core';
import { kindSchema } from './kindSchema';
import { editableCopy } from '../../../shared/edit/editableCopy';
import { lintYaml, type KindSchemaRef } from '../../../shared/schema/yamlLint';

// The editor's checks raise nothing on what the API server itself stores: every object of the seeded
// demo namespace (built-in kinds and a CRD's) and cluster-scoped kinds (CRDs' recursive schemas
// included), as Edit YAML loads it and as kubectl prints it whole.

const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, timeoutMs: 120_000 });
const CLUSTER_KINDS = 'nodes,namespaces,clusterroles,customresourcedefinitions,storageclasses,priorityclasses,apiservices';
const KINDS = 'deployments,replicasets,pods,services,configmaps,secrets,ingresses,persistentvolumeclaims,serviceaccounts,rolebindings,horizontalpodautoscalers,widgets.demo.wheelhouse.dev';

let core: Core;
const schemas = new Map<string, KindSchemaRef | { unavailable: string }>();

async function load(apiVersion: string, kind: string) {
  const key = `${apiVersion}|${kind}`;
  if (schemas.has(key)) return;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const r = await kindSchema(core.connection(ADMIN).http, { group, version, kind });
  schemas.set(key, r.state === 'ok' ? { document: r.document, root: r.document.components.schemas[r.rootName] } : { unavailable: r.message });
}

describe('the editor’s checks against objects the server stored', () => {
  beforeAll(() => { core = newCore(); });
  afterAll(async () => { await core?.dispose(); });

  it('no check fires on any stored object, whole or as Edit YAML shows it', async () => {
    const items: any[] = [
      ...JSON.parse(await k(['get', KINDS, '-n', 'demo', '-o', 'json'])).items,
      ...JSON.parse(await k(['get', CLUSTER_KINDS, '-o', 'json'])).items,
    ];
    expect(items.length).toBeGreaterThan(30);
    expect(new Set(items.map((o) => o.kind)).size).toBeGreaterThanOrEqual(10);
    for (const o of items) await load(o.apiVersion, o.kind);
    const lookup = (apiVersion: string, kind: string) => schemas.get(`${apiVersion}|${kind}`) ?? 'pending' as const;
    for (const o of items) {
      for (const text of [stringify(o), stringify(editableCopy(o))]) {
        const found = lintYaml(text, lookup);
        expect({ object: `${o.kind}/${o.metadata.name}`, found }).toEqual({ object: `${o.kind}/${o.metadata.name}`, found: [] });
      }
    }
    // The checks did look: the same objects with one unknown field each are all caught.
    for (const o of items) {
      const found = lintYaml(stringify({ ...o, spex: 1 }), lookup);
      expect(found.map((d) => d.message)).toEqual(['unknown field "spex"']);
    }
  }, 180_000);
});
