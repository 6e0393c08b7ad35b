import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { ADMIN, eventually, newCore, randomName, testKubeconfig } from '../../testing/testCluster';
import { normalizeText, parseKubectlExplain, parseKubectlExplainRecursive, shortEnum, type KubectlTreeNode } from '../../testing/kubectlExplain';
import type { Core } from '../core';
import { kindSchema } from './kindSchema';
import { explainPath, explainRecursive, type RecursiveNode } from '../../../shared/schema/explain';
import type { KindSchemaResult } from '../../../shared/contract/schema';

// The app's explain (the core's one OpenAPI source → schema.kind's closure → shared/schema) against
// `kubectl explain` on the same cluster, field by field: types, required, enums and descriptions
// (whitespace aside: kubectl wraps at 76 columns).

const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, timeoutMs: 120_000, ...(input ? { input } : {}) });
const here = path.dirname(fileURLToPath(import.meta.url));
const group = `${randomName('explain')}.wheelhouse.dev`;
const crds = JSON.parse(readFileSync(path.join(here, '../../../shared/testing/openapi/fixtureCrds.json'), 'utf8').replaceAll('explain-fixtures.wheelhouse.dev', group));

let core: Core;
const schemaOf = async (g: string, version: string, resource: string) => {
  const r = await kindSchema(core.connection(ADMIN).http, { group: g, version, resource });
  if (r.state !== 'ok') throw new Error(r.message);
  return r as KindSchemaResult & { state: 'ok' };
};

const asKubectlTree = (nodes: RecursiveNode[]): KubectlTreeNode[] => nodes.map((n) => ({
  name: n.name, type: n.type, required: n.required, ...(n.enum ? { enum: shortEnum(n.enum) } : {}), children: asKubectlTree(n.children),
}));

async function sameAsKubectl(g: string, version: string, resource: string, fieldPath: string[], kubectlArgs: string[]) {
  const s = await schemaOf(g, version, resource);
  const root = s.document.components.schemas[s.rootName];
  const ours = explainPath(s.document, root, fieldPath);
  const theirs = parseKubectlExplain(await k(['explain', ...kubectlArgs]));
  expect(theirs.kind).toBe(s.gvk.kind);
  if (theirs.field) expect({ name: ours.field?.name, type: ours.field?.type, enum: ours.field?.enum?.map(String) }).toEqual({ ...theirs.field, enum: theirs.field.enum });
  expect(normalizeText(ours.description) || '<empty>').toBe(theirs.description);
  expect(ours.fields.map((f) => ({ name: f.name, type: f.type, required: f.required, ...(f.enum ? { enum: shortEnum(f.enum) } : {}), description: normalizeText(f.description) || '<no description>' })))
    .toEqual(theirs.fields);
  expect(theirs.fields.length + (theirs.field ? 1 : 0)).toBeGreaterThan(0);

  const tree = explainRecursive(s.document, root, fieldPath);
  const theirTree = parseKubectlExplainRecursive(await k(['explain', ...kubectlArgs, '--recursive'])).tree;
  expect(asKubectlTree(tree)).toEqual(theirTree);
  return { ours, tree };
}

const count = (nodes: RecursiveNode[]): number => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
const depth = (nodes: RecursiveNode[]): number => nodes.reduce((d, x) => Math.max(d, 1 + depth(x.children)), 0);

describe('explain equals kubectl explain on the real cluster', () => {
  beforeAll(async () => {
    core = newCore();
    await k(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: crds }));
    await k(['wait', '--for=condition=Established', '--timeout=60s', `crd/widgets.${group}`, `crd/blobs.${group}`]);
    // The aggregated OpenAPI lists a new CRD's group-version a moment after it is Established.
    await eventually(async () => JSON.parse(await k(['get', '--raw', '/openapi/v3'])).paths[`apis/${group}/v1`], 60_000, 'the CRD in /openapi/v3');
  }, 180_000);
  afterAll(async () => {
    await k(['delete', '--ignore-not-found', `crd/widgets.${group}`, `crd/blobs.${group}`]).catch(() => {});
    await core?.dispose();
  });

  it('pods.spec.containers.resources', async () => {
    const { ours } = await sameAsKubectl('', 'v1', 'pods', ['spec', 'containers', 'resources'], ['pods.spec.containers.resources']);
    expect(ours.fields.map((f) => f.name)).toEqual(['claims', 'limits', 'requests']);
  }, 120_000);

  it('pods.spec.containers (enum values, required fields)', async () => {
    const { ours } = await sameAsKubectl('', 'v1', 'pods', ['spec', 'containers'], ['pods.spec.containers']);
    expect(ours.fields.find((f) => f.name === 'imagePullPolicy')?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
  }, 120_000);

  it('pods.spec.containers.imagePullPolicy (a leaf with its enum in the header)', async () => {
    const { ours } = await sameAsKubectl('', 'v1', 'pods', ['spec', 'containers', 'imagePullPolicy'], ['pods.spec.containers.imagePullPolicy']);
    expect(ours.field?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
  }, 120_000);

  it('deployments.spec.strategy', async () => {
    const { tree } = await sameAsKubectl('apps', 'v1', 'deployments', ['spec', 'strategy'], ['deployments.spec.strategy']);
    expect(tree.map((n) => n.name)).toEqual(['rollingUpdate', 'type']);
  }, 120_000);

  it('a deep recursive path: the whole Pod, and a CRD’s openAPIV3Schema (a recursive type, cut at its cycles as kubectl cuts it)', async () => {
    const { tree } = await sameAsKubectl('', 'v1', 'pods', [], ['pods']);
    expect(count(tree)).toBeGreaterThan(1000);
    expect(depth(tree)).toBeGreaterThanOrEqual(8);
    const crd = await sameAsKubectl('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', ['spec', 'versions', 'schema', 'openAPIV3Schema'],
      ['customresourcedefinitions.spec.versions.schema.openAPIV3Schema']);
    expect(crd.tree.find((n) => n.name === 'properties')?.type).toBe('map[string]JSONSchemaProps');
  }, 240_000);

  it('a CRD’s fields: the kind, spec, a deep path, and its defaults and enums', async () => {
    await sameAsKubectl(group, 'v1', 'widgets', [], ['widgets', `--api-version=${group}/v1`]);
    const { ours } = await sameAsKubectl(group, 'v1', 'widgets', ['spec'], ['widgets.spec', `--api-version=${group}/v1`]);
    expect(ours.fields.find((f) => f.name === 'mode')).toMatchObject({ required: true, enum: ['Fast', 'Safe'], default: 'Safe' });
    const leaf = await sameAsKubectl(group, 'v1', 'widgets', ['spec', 'nested', 'deep', 'deeper', 'leaf'], ['widgets.spec.nested.deep.deeper.leaf', `--api-version=${group}/v1`]);
    expect(leaf.ours.description).toBe('The leaf at the bottom.\n');
  }, 120_000);

  it('a CRD without a structural root (x-kubernetes-preserve-unknown-fields): what the server adds, and the flag for the editor', async () => {
    const s = await schemaOf(group, 'v1', 'blobs');
    expect(s.preservesUnknownFields).toBe(true);
    await sameAsKubectl(group, 'v1', 'blobs', [], ['blobs', `--api-version=${group}/v1`]);
  }, 120_000);
});
