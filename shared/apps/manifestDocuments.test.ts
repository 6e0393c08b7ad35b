import { describe, expect, it } from 'vitest';
import { parseManifestText } from './manifestDocuments';

describe('parseManifestText', () => {
  it('reads multi-document YAML with the line each object starts on', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# comment\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n';
    const r = parseManifestText('x.yaml', text);
    expect(r.problems).toEqual([]);
    expect(r.objects.map((o) => [o.object.kind, o.line])).toEqual([['ConfigMap', 1], ['Service', 7]]);
  });
  it('expands List kinds into their items with their own lines', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n';
    const r = parseManifestText('l.yaml', text);
    expect(r.objects.map((o) => [o.object.metadata.name, o.line])).toEqual([['a', 4], ['b', 7]]);
  });
  it('reads JSON', () => {
    const r = parseManifestText('x.json', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' } }));
    expect(r.objects[0].object.metadata.name).toBe('j');
  });
  it('reports a bad document with file and line and keeps the good ones', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkind: [unclosed\n---\nkind: ConfigMap\nmetadata:\n  name: nov\n';
    const r = parseManifestText('bad.yaml', text);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['ok']);
    expect(r.problems).toHaveLength(2);
    // The parser notices the unclosed flow sequence where the next document starts.
    expect(r.problems[0]).toMatchObject({ file: 'bad.yaml', line: 7 });
    expect(r.problems[0].message).toMatch(/invalid YAML/);
    expect(r.problems[1]).toMatchObject({ file: 'bad.yaml', line: 8, object: 'ConfigMap nov', message: 'has no apiVersion' });
  });
  it('names a document without a name', () => {
    const r = parseManifestText('n.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
    expect(r.problems[0].message).toMatch(/metadata.name/);
  });
  it('skips empty documents and rejects scalars', () => {
    const r = parseManifestText('s.yaml', '---\n---\nhello\n');
    expect(r.objects).toEqual([]);
    expect(r.problems[0].message).toMatch(/not an object/);
  });
});
