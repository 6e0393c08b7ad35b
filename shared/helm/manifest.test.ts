import { describe, expect, it } from 'vitest';
import { diffManifests, maskManifestSecrets, maskSecretDocument, splitManifest } from './manifest';

const m = (greeting: string, replicas = 1) => `---
# Source: hello/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: r-hello
data:
  GREETING: "${greeting}"
---
# Source: hello/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: r-hello
  namespace: other
spec:
  replicas: ${replicas}
`;

describe('splitManifest', () => {
  it('splits at helm separators, keys objects by apiVersion, kind, namespace and name, keeps the source', () => {
    const objs = splitManifest(m('hello'), 'demo');
    expect(objs.map((o) => o.key)).toEqual(['v1 ConfigMap demo/r-hello', 'apps/v1 Deployment other/r-hello']);
    expect(objs[0].source).toBe('hello/templates/configmap.yaml');
    expect(objs[1].object?.spec).toEqual({ replicas: 1 });
  });
  it('drops empty documents and reports one that does not parse without losing the rest', () => {
    const objs = splitManifest('---\n# Source: x/empty.yaml\n---\n# Source: x/bad.yaml\na: [\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', 'demo');
    expect(objs).toHaveLength(2);
    expect(objs[0].parseError).toBeTruthy();
    expect(objs[1].key).toBe('v1 Service demo/s');
  });
});

describe('diffManifests', () => {
  it('marks each object changed, unchanged, added or removed', () => {
    const a = splitManifest(m('hello'), 'demo');
    const b = splitManifest(m('bonjour') + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: new\n', 'demo');
    const d = diffManifests(a, b);
    expect(d.map((x) => [x.key, x.change])).toEqual([
      ['v1 ConfigMap demo/r-hello', 'changed'], ['apps/v1 Deployment other/r-hello', 'unchanged'], ['v1 Service demo/new', 'added'],
    ]);
    expect(d[0].from).toContain('GREETING: "hello"');
    expect(d[0].to).toContain('GREETING: "bonjour"');
    expect(diffManifests(b, a).find((x) => x.key === 'v1 Service demo/new')?.change).toBe('removed');
  });
});

describe('maskSecretDocument / maskManifestSecrets', () => {
  it('masks Secret values, keeps their keys and the other documents as they are', () => {
    const m = '---\n# Source: x/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: c2VjcmV0\nstringData:\n  token: abc\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n';
    const masked = maskManifestSecrets(m, 'demo');
    expect(masked).not.toContain('c2VjcmV0');
    expect(masked).not.toContain('abc');
    expect(masked).toContain('password: ••••••••');
    expect(masked).toContain('# Source: x/secret.yaml');
    expect(masked).toContain('a: "1"');
    const [secret] = splitManifest(m, 'demo');
    expect(maskSecretDocument(secret).object?.stringData).toEqual({ token: '••••••••' });
    expect(maskManifestSecrets('---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', 'demo')).toBe('---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n');
  });
});
