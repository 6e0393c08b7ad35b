import { describe, expect, it } from 'vitest';
import { fixtureDocument, FIXTURE_CRD_GROUP, loadOpenApiFixtures } from '../testing/openapi/openApiFixtures';
import { completeAt } from './completion';
import { lintYaml, type SchemaLookup } from './yamlLint';
import { cursorContext, explainKeysAt } from './yamlCursor';
import { findKindSchema } from './schemaWalk';
import { schemaAtKeys } from './fieldView';

// Completion, checks and cursor paths on the cluster's recorded OpenAPI v3 (see openApiFixtures).

await loadOpenApiFixtures();
const docs = { v1: fixtureDocument('api/v1'), 'apps/v1': fixtureDocument('apis/apps/v1'), [`${FIXTURE_CRD_GROUP}/v1`]: fixtureDocument(`apis/${FIXTURE_CRD_GROUP}/v1`) } as Record<string, ReturnType<typeof fixtureDocument>>;
const lookup: SchemaLookup = (apiVersion, kind) => {
  const doc = docs[apiVersion];
  if (!doc) return { unavailable: `no OpenAPI for ${apiVersion}` };
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const name = findKindSchema(doc, { group, version, kind });
  return name ? { document: doc, root: doc.components!.schemas![name] } : { unavailable: `no kind ${kind}` };
};
// ¦ marks the cursor.
const cursor = (text: string) => ({ text: text.replace('¦', ''), pos: text.indexOf('¦') });

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources:
          limits:
            cpu: 500m
            memory: 1Gi
          requests:
            cpu: 1
`;

describe('cursor paths from indentation', () => {
  it('reads the keys above a half-typed key, through list items', () => {
    const { text, pos } = cursor(`${DEPLOYMENT.split('        ports:')[0]}        imag¦`);
    expect(cursorContext(text, pos)).toMatchObject({ position: 'key', parent: ['spec', 'template', 'spec', 'containers'], prefix: 'imag' });
  });
  it('reads a value position', () => {
    const { text, pos } = cursor(`${DEPLOYMENT.split('        ports:')[0]}        imagePullPolicy: If¦`);
    expect(cursorContext(text, pos)).toMatchObject({ position: 'value', parent: ['spec', 'template', 'spec', 'containers'], key: 'imagePullPolicy', prefix: 'If' });
  });
  it('gives the explain keys of the key on the cursor’s line', () => {
    const at = DEPLOYMENT.indexOf('containerPort');
    expect(explainKeysAt(DEPLOYMENT, at + 3)).toEqual(['spec', 'template', 'spec', 'containers', 'ports', 'containerPort']);
    const m = schemaAtKeys(docs['apps/v1'], lookupRoot('apps/v1', 'Deployment'), ['spec', 'template', 'metadata', 'labels', 'app']);
    expect(m?.explainPath).toEqual(['spec', 'template', 'metadata', 'labels']);
  });
  it('skips block scalars and finds the document after ---', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    spec: not a key\n    x: y\n---\napiVersion: v1\nkind: Pod\nspec:\n  ¦`;
    const { text: t, pos } = cursor(text);
    expect(cursorContext(t, pos)).toMatchObject({ position: 'key', parent: ['spec'] });
    const inBlock = cursor('apiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    spec:\n      nested: x\n  ¦');
    expect(cursorContext(inBlock.text, inBlock.pos)).toMatchObject({ position: 'key', parent: ['data'], present: ['script'] });
  });
});

function lookupRoot(apiVersion: string, kind: string) {
  const s = lookup(apiVersion, kind);
  if (s === 'pending' || 'unavailable' in s) throw new Error('no schema');
  return s.root;
}

describe('completion', () => {
  it('offers a container’s fields, required first, without those already written', () => {
    const { text, pos } = cursor(`${DEPLOYMENT.split('        ports:')[0]}        ¦`);
    const r = completeAt(text, pos, lookup)!;
    const labels = r.items.map((i) => i.label);
    expect(labels).toContain('imagePullPolicy');
    expect(labels).not.toContain('image');
    expect(labels).not.toContain('name');
    expect(r.items.find((i) => i.label === 'imagePullPolicy')).toMatchObject({ detail: 'string', apply: 'imagePullPolicy: ' });
    expect(r.items.find((i) => i.label === 'resources')?.info).toMatch(/^Compute Resources required by this container/);
  });
  it('leaves out keys written below the cursor too, but not those of another list item', () => {
    const text = `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    \n    imagePullPolicy: Always\n  - name: b\n    image: x\n`;
    const pos = text.indexOf('    \n') + 4;
    const labels = completeAt(text, pos, lookup)!.items.map((i) => i.label);
    expect(labels).not.toContain('imagePullPolicy');
    expect(labels).not.toContain('name');
    expect(labels).toContain('image');
  });
  it('completes imagePullPolicy to its enum values', () => {
    const { text, pos } = cursor(`${DEPLOYMENT.split('        ports:')[0]}        imagePullPolicy: ¦`);
    expect(completeAt(text, pos, lookup)!.items.map((i) => i.label)).toEqual(['Always', 'IfNotPresent', 'Never']);
    const typed = cursor(`${DEPLOYMENT.split('        ports:')[0]}        imagePullPolicy: Ne¦`);
    expect(completeAt(typed.text, typed.pos, lookup)).toMatchObject({ from: typed.pos - 2, items: [{ label: 'Never' }] });
  });
  it('completes a CRD’s fields and its enum; booleans get true/false', () => {
    const base = `apiVersion: ${FIXTURE_CRD_GROUP}/v1\nkind: Widget\nspec:\n  `;
    const keys = completeAt(`${base}`, base.length, lookup)!.items.map((i) => i.label);
    expect(keys[0]).toBe('mode');
    expect(keys).toEqual(expect.arrayContaining(['replicas', 'size', 'labels', 'template', 'extra', 'ports', 'nested', 'enabled']));
    expect(completeAt(`${base}mode: `, base.length + 6, lookup)!.items.map((i) => i.label)).toEqual(['Fast', 'Safe']);
    expect(completeAt(`${base}enabled: `, base.length + 9, lookup)!.items.map((i) => i.label)).toEqual(['true', 'false']);
  });
});

describe('checks before sending', () => {
  const messages = (text: string) => lintYaml(text, lookup).map((d) => `${d.severity}: ${d.message} @${text.slice(d.from, d.to)}`);

  it('a valid Deployment has none (quantities as strings and numbers, int-or-string, map keys)', () => {
    expect(messages(DEPLOYMENT)).toEqual([]);
  });
  it('an unknown field, a wrong type and a missing required field, each at its place', () => {
    const bad = DEPLOYMENT.replace('        image: nginx\n', '        image: nginx\n        imagePullPolice: Always\n')
      .replace('          protocol: TCP\n', '          protocol: TCP\n        - protocol: UDP\n')
      .replace('spec:\n  selector', 'spec:\n  replicas: three\n  selector');
    expect(messages(bad)).toEqual([
      'error: spec.replicas: expected integer, got string "three" @three',
      'error: unknown field "spec.template.spec.containers[0].imagePullPolice" @imagePullPolice',
      'error: missing required field "containerPort" in spec.template.spec.containers[0].ports[1] @protocol',
    ]);
  });
  it('an enum value outside the list is a warning; a list where a map belongs is an error', () => {
    const bad = DEPLOYMENT.replace('image: nginx', 'image: nginx\n        imagePullPolicy: Sometimes').replace('  selector:\n    matchLabels:\n      app: web\n', '  selector:\n  - app\n');
    const m = messages(bad);
    expect(m).toContain('warning: spec.template.spec.containers[0].imagePullPolicy: unsupported value "Sometimes"; one of "Always", "IfNotPresent", "Never" @Sometimes');
    expect(m.some((x) => x.startsWith('error: spec.selector: expected LabelSelector, got a list'))).toBe(true);
  });
  it('a CRD: preserve-unknown-fields, embedded resources, int-or-string and maps stay open; the rest is checked', () => {
    const w = `apiVersion: ${FIXTURE_CRD_GROUP}/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  mode: Fast\n  size: 3\n  labels:\n    any: thing\n  extra:\n    whatever: [1, 2]\n  template:\n    apiVersion: v1\n    kind: Pod\n    metadata: {name: x}\n    spec: {}\n  nested:\n    deep:\n      deeper:\n        leaf: x\n        leap: y\n`;
    expect(messages(w)).toEqual(['error: unknown field "spec.nested.deep.deeper.leap" @leap']);
    expect(messages(w.replace('  size: 3\n', '  size: 10Gi\n').replace('        leap: y\n', ''))).toEqual([]);
    expect(messages(w.replace('  mode: Fast\n', '').replace('        leap: y\n', ''))).toEqual(['error: missing required field "mode" in spec @spec']);
  });
  it('a kind whose root keeps unknown fields: anything goes except wrong metadata', () => {
    const b = `apiVersion: ${FIXTURE_CRD_GROUP}/v1\nkind: Blob\nmetadata:\n  name: b\n  labelz: {}\nanything: [1]\nspec: {a: b}\n`;
    expect(messages(b)).toEqual(['error: unknown field "metadata.labelz" @labelz']);
  });
  it('a kind without a schema says so once, on its kind; YAML syntax errors are shown', () => {
    expect(messages('apiVersion: metrics.k8s.io/v1beta1\nkind: PodMetrics\nfoo: 1\n')).toEqual(['info: Fields not checked: no OpenAPI for metrics.k8s.io/v1beta1 @PodMetrics']);
    expect(messages('apiVersion: v1\nkind: Pod\nspec:\n  a: 1\n  a: 2\n')[0]).toMatch(/^error: Map keys must be unique/);
  });
});
