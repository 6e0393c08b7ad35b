import { describe, expect, it } from 'vitest';
import { equalIgnoreHash, withoutPodTemplateHash } from './podTemplateHash';
import type { PodTemplate } from './workloadShapes';

const template = (image: string, hash?: string): PodTemplate => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) }, creationTimestamp: undefined },
  spec: { containers: [{ name: 'web', image }] },
});

describe('pod-template-hash', () => {
  it('removes only the hash label, without touching the input', () => {
    const t = template('nginx:1', 'abc');
    expect(withoutPodTemplateHash(t).metadata?.labels).toEqual({ app: 'web' });
    expect(t.metadata?.labels?.['pod-template-hash']).toBe('abc');
  });

  it('compares templates ignoring the hash', () => {
    expect(equalIgnoreHash(template('nginx:1', 'abc'), template('nginx:1'))).toBe(true);
    expect(equalIgnoreHash(template('nginx:1', 'abc'), template('nginx:1', 'def'))).toBe(true);
    expect(equalIgnoreHash(template('nginx:1', 'abc'), template('nginx:2'))).toBe(false);
  });

  it('treats a labels map left empty as no labels', () => {
    expect(equalIgnoreHash({ metadata: { labels: { 'pod-template-hash': 'x' } } }, {})).toBe(true);
  });
});
