import { describe, expect, it } from 'vitest';
import { LabelIndex } from './selectorIndex';

const pod = (name: string, namespace: string, labels: Record<string, string>) => ({ name, namespace, labels });

describe('LabelIndex', () => {
  const items = [
    pod('web-1', 'shop', { app: 'web', tier: 'front' }),
    pod('web-2', 'shop', { app: 'web', tier: 'front', canary: 'true' }),
    pod('api-1', 'shop', { app: 'api', tier: 'back' }),
    pod('web-other', 'other', { app: 'web', tier: 'front' }),
    pod('bare', 'shop', {}),
  ];
  const index = new LabelIndex(items);
  const names = (list: { name: string }[]) => list.map((p) => p.name).sort();

  it('selects within one namespace only', () => {
    expect(names(index.select('shop', { matchLabels: { app: 'web' } }))).toEqual(['web-1', 'web-2']);
    expect(names(index.select('other', { matchLabels: { app: 'web' } }))).toEqual(['web-other']);
    expect(index.select('nowhere', { matchLabels: { app: 'web' } })).toEqual([]);
  });
  it('applies matchExpressions, including ones that cannot narrow the candidates', () => {
    expect(names(index.select('shop', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }, { key: 'canary', operator: 'DoesNotExist' }] }))).toEqual(['api-1', 'web-1']);
    expect(names(index.select('shop', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }))).toEqual(['api-1', 'bare']);
    expect(names(index.select('shop', { matchExpressions: [{ key: 'canary', operator: 'Exists' }] }))).toEqual(['web-2']);
  });
  it('treats an empty selector as everything in the namespace and a duplicated value once', () => {
    expect(index.select('shop', {})).toHaveLength(4);
    expect(names(index.select('shop', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'api'] }] }))).toEqual(['api-1']);
  });
});
