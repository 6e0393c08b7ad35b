import { describe, expect, it } from 'vitest';
import { changesBetween, conflictKind, editableCopy, hasMaskedValues, identityOf, prepareEdit, toYaml } from './editableObject';

const live = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'u1', resourceVersion: '42', generation: 3, creationTimestamp: '2026-11-23T10:00:00Z', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
  status: { replicas: 2 },
};

describe('editableObject', () => {
  it('leaves status and server-owned metadata out of the text', () => {
    const e = editableCopy(live) as any;
    expect(e.status).toBeUndefined();
    expect(Object.keys(e.metadata)).toEqual(['name', 'namespace', 'labels', 'annotations']);
    expect(Object.keys(e)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(toYaml(e)).toContain('  labels:\n    app: web\n');
    expect(live.metadata.uid).toBe('u1');
  });

  it('sends the edit with the resourceVersion it started from, or without it when forced', () => {
    const text = toYaml(editableCopy(live)).replace('    app: web\n', '    app: web\n    tier: front\n');
    const r = prepareEdit(text, identityOf(live), '42', false);
    expect(r).toMatchObject({ ok: true, object: { metadata: { resourceVersion: '42', labels: { app: 'web', tier: 'front' }, namespace: 'shop' } } });
    const forced = prepareEdit(text, identityOf(live), '42', true);
    expect(forced.ok && forced.object.metadata.resourceVersion).toBeUndefined();
  });

  it('refuses another object, several documents, broken YAML and hidden Secret values', () => {
    const id = identityOf(live);
    expect(prepareEdit(toYaml({ ...editableCopy(live), metadata: { name: 'other' } }), id, '1', false)).toMatchObject({ ok: false, error: expect.stringContaining('metadata.name changed') });
    expect(prepareEdit(`${toYaml(editableCopy(live))}---\n${toYaml(editableCopy(live))}`, id, '1', false)).toMatchObject({ ok: false, error: expect.stringContaining('exactly one object') });
    expect(prepareEdit('kind: [', id, '1', false)).toMatchObject({ ok: false, error: expect.stringContaining('YAML error') });
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, data: { k: '••••••••' } };
    expect(hasMaskedValues(secret)).toBe(true);
    expect(prepareEdit(toYaml(secret), identityOf(secret), '1', false)).toMatchObject({ ok: false, error: expect.stringContaining('hidden placeholders') });
  });

  it('lists what a dry run would change, ignoring what the server owns', () => {
    const wouldBe = { ...live, metadata: { ...live.metadata, resourceVersion: '43', generation: 4, labels: { app: 'web', tier: 'front' } }, spec: { ...live.spec, replicas: 3 }, status: {} };
    expect(changesBetween(live, wouldBe)).toEqual([
      { path: 'metadata.labels.tier', after: 'front' },
      { path: 'spec.replicas', before: 2, after: 3 },
    ]);
  });

  it('tells a stale resourceVersion from a field-manager conflict', () => {
    expect(conflictKind('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again', [])).toBe('modified');
    expect(conflictKind('Apply failed with 1 conflict', [{ field: '.spec.replicas', message: 'conflict with "kubectl"' }])).toBe('managers');
  });
});
