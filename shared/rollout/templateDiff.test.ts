import { describe, expect, it } from 'vitest';
import { diffPodTemplates, imageChanges, summarizeTemplateChange } from './templateDiff';
import type { PodTemplate } from './workloadShapes';

const t = (image: string, extra: Partial<Record<string, unknown>> = {}, hash?: string): PodTemplate => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'web', image, ...extra }, { name: 'side', image: 'busybox' }] },
});

describe('diffPodTemplates', () => {
  it('is empty for templates equal but for the hash label', () => {
    expect(diffPodTemplates(t('nginx:1', {}, 'aaa'), t('nginx:1'))).toEqual([]);
  });

  it('keys containers by name and names the changed path', () => {
    expect(diffPodTemplates(t('nginx:1'), t('nginx:2'))).toEqual([
      { path: 'spec.containers[web].image', before: 'nginx:1', after: 'nginx:2' },
    ]);
  });

  it('reports added and removed fields with one side absent', () => {
    const changes = diffPodTemplates(t('nginx:1'), t('nginx:1', { args: ['-v'] }));
    expect(changes).toEqual([{ path: 'spec.containers[web].args', after: ['-v'] }]);
    const removed = diffPodTemplates({ metadata: { annotations: { a: '1' } } }, {});
    expect(removed).toEqual([{ path: 'metadata.annotations.a', before: '1' }]);
  });

  it('reports an added container whole', () => {
    const a: PodTemplate = { spec: { containers: [{ name: 'web', image: 'x' }] } };
    const b: PodTemplate = { spec: { containers: [{ name: 'web', image: 'x' }, { name: 'new', image: 'y' }] } };
    expect(diffPodTemplates(a, b)).toEqual([{ path: 'spec.containers[new]', after: { name: 'new', image: 'y' } }]);
  });

  it('uses indexes for lists without names, whole lists when lengths differ', () => {
    const a: PodTemplate = { spec: { containers: [], tolerations: [{ key: 'a' }, { key: 'b' }] } };
    const b: PodTemplate = { spec: { containers: [], tolerations: [{ key: 'a' }, { key: 'c' }] } };
    expect(diffPodTemplates(a, b)).toEqual([{ path: 'spec.tolerations[1].key', before: 'b', after: 'c' }]);
    const c: PodTemplate = { spec: { tolerations: [{ key: 'a' }] } };
    expect(diffPodTemplates(a, c)).toEqual([{ path: 'spec.tolerations', before: [{ key: 'a' }, { key: 'b' }], after: [{ key: 'a' }] }]);
  });
});

describe('imageChanges and the summary', () => {
  it('names the image change', () => {
    expect(imageChanges(t('nginx:1'), t('nginx:2'))).toEqual([{ container: 'web', before: 'nginx:1', after: 'nginx:2' }]);
    expect(summarizeTemplateChange(t('nginx:1'), t('nginx:2'))).toBe('container web: image nginx:1 → nginx:2');
  });

  it('counts other fields', () => {
    expect(summarizeTemplateChange(t('nginx:1'), t('nginx:2', { args: ['x'] }))).toBe(
      'container web: image nginx:1 → nginx:2; 1 other field (spec.containers[web].args)');
    expect(summarizeTemplateChange(t('a'), t('a'))).toBe('no change to the pod template');
  });
});
