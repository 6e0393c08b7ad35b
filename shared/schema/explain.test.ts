import { describe, expect, it } from 'vitest';
import { fixtureDocument, loadOpenApiFixtures } from '../testing/openapi/openApiFixtures';
import { explainPath, explainRecursive, ExplainPathError } from './explain';
import { findKindSchema, gvkForResource, schemaClosure, typeGuess, type OpenApiDocument } from './schemaWalk';

await loadOpenApiFixtures();
const core = fixtureDocument('api/v1');
const apps = fixtureDocument('apis/apps/v1');
const crd = fixtureDocument('apis/explain-fixtures.wheelhouse.dev/v1');
const rootOf = (doc: OpenApiDocument, group: string, version: string, kind: string) => doc.components!.schemas![findKindSchema(doc, { group, version, kind })!];

describe('explain on the cluster’s recorded OpenAPI v3', () => {
  it('finds a kind by its resource and its schema by group-version-kind, as kubectl does', () => {
    expect(gvkForResource(core, '', 'v1', 'pods')).toEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect(gvkForResource(apps, 'apps', 'v1', 'deployments')).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(findKindSchema(core, { group: '', version: 'v1', kind: 'Pod' })).toBe('io.k8s.api.core.v1.Pod');
    expect(findKindSchema(core, { group: 'apps', version: 'v1', kind: 'Pod' })).toBeUndefined();
  });

  it('explains pods.spec.containers.resources: header, both descriptions, typed fields', () => {
    const e = explainPath(core, rootOf(core, '', 'v1', 'Pod'), ['spec', 'containers', 'resources']);
    expect(e.field).toEqual({ name: 'resources', type: 'ResourceRequirements' });
    expect(e.description).toMatch(/^Compute Resources required by this container\. Cannot be updated\..*\nResourceRequirements describes the compute resource requirements\.\n$/s);
    expect(e.fields.map((f) => `${f.name} <${f.type}>`)).toEqual(['claims <[]ResourceClaim>', 'limits <map[string]Quantity>', 'requests <map[string]Quantity>']);
  });

  it('gives enums on the field and marks required fields', () => {
    const e = explainPath(core, rootOf(core, '', 'v1', 'Pod'), ['spec', 'containers']);
    const pull = e.fields.find((f) => f.name === 'imagePullPolicy')!;
    expect(pull.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(e.fields.find((f) => f.name === 'name')!.required).toBe(true);
    expect(e.field?.type).toBe('[]Container');
  });

  it('prints deployments.spec.strategy --recursive as kubectl does', () => {
    const tree = explainRecursive(apps, rootOf(apps, 'apps', 'v1', 'Deployment'), ['spec', 'strategy']);
    expect(tree).toEqual([
      { name: 'rollingUpdate', type: 'RollingUpdateDeployment', required: false, children: [
        { name: 'maxSurge', type: 'IntOrString', required: false, children: [] },
        { name: 'maxUnavailable', type: 'IntOrString', required: false, children: [] },
      ] },
      { name: 'type', type: 'string', required: false, enum: ['Recreate', 'RollingUpdate'], children: [] },
    ]);
  });

  it('says which field does not exist', () => {
    expect(() => explainPath(core, rootOf(core, '', 'v1', 'Pod'), ['spec', 'nope'])).toThrow(ExplainPathError);
    expect(() => explainPath(core, rootOf(core, '', 'v1', 'Pod'), ['spec', 'nope'])).toThrow('field "nope" does not exist');
  });

  it('explains a CRD: defaults, enums, int-or-string, maps, a deep path', () => {
    const root = rootOf(crd, 'explain-fixtures.wheelhouse.dev', 'v1', 'Widget');
    const spec = explainPath(crd, root, ['spec']);
    const byName = Object.fromEntries(spec.fields.map((f) => [f.name, f]));
    expect(byName.mode).toMatchObject({ type: 'string', required: true, enum: ['Fast', 'Safe'], default: 'Safe' });
    expect(byName.replicas).toMatchObject({ type: 'integer', default: 1 });
    expect(byName.labels.type).toBe('map[string]string');
    expect(byName.ports.type).toBe('[]Object');
    expect(explainPath(crd, root, ['spec', 'nested', 'deep', 'deeper', 'leaf']).description).toBe('The leaf at the bottom.\n');
  });

  it('a root that preserves unknown fields still has the fields the server adds (apiVersion, kind, metadata)', () => {
    const root = rootOf(crd, 'explain-fixtures.wheelhouse.dev', 'v1', 'Blob');
    expect(root['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(explainPath(crd, root, []).fields.map((f) => f.name)).toEqual(['apiVersion', 'kind', 'metadata']);
  });

  it('a kind’s closure holds every schema it reaches and resolves the same', () => {
    const name = findKindSchema(core, { group: '', version: 'v1', kind: 'Pod' })!;
    const small = schemaClosure(core, name);
    expect(Object.keys(small.components!.schemas!).length).toBeLessThan(Object.keys(core.components!.schemas!).length);
    const root = small.components!.schemas![name];
    expect(explainRecursive(small, root, [])).toEqual(explainRecursive(core, core.components!.schemas![name], []));
    expect(typeGuess(root.properties.spec, small)).toBe('PodSpec');
  });
});
