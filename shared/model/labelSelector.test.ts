import { describe, expect, it } from 'vitest';
import { labelSelectorString, matchesLabelSelector, matchesSelector, parseLabelSelector, readLabelSelector, selectorRequirements } from './labelSelector';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', 'app.kubernetes.io/name': 'shop' };
  it.each([
    ['app=web', true], ['app==web', true], ['app!=web', false], ['app=api', false],
    ['tier in (front,back)', true], ['tier notin (front)', false], ['tier', true], ['!tier', false],
    ['missing', false], ['!missing', true], ['missing!=x', true], ['app=web,tier in (front)', true],
    ['app.kubernetes.io/name=shop', true], ['', true],
  ])('%s → %s', (sel, expected) => expect(matchesSelector(labels, parseLabelSelector(sel))).toBe(expected));
  it('rejects nonsense with a readable message', () => {
    expect(() => parseLabelSelector('a=b=c')).toThrow(/Cannot parse label selector/);
  });
});

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', tier: 'front', track: 'stable' };
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'canary', operator: 'NotIn', values: ['true'] }] }, true],
    [{ matchExpressions: [{ key: 'track', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'track', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, false],
    [{}, true],
  ])('%j → %s', (sel, expected) => expect(matchesLabelSelector(sel, labels)).toBe(expected));

  it('never matches a selector the API server would reject', () => {
    expect(selectorRequirements({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toBeNull();
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, labels)).toBe(false);
  });
});

describe('labelSelectorString', () => {
  it('renders matchLabels and expressions sorted by key', () => {
    expect(labelSelectorString({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(labelSelectorString({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front', 'back'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
      ],
    })).toBe('app=web,!canary,env notin (dev),tier in (back,front),zone');
  });

  it('is empty for an empty selector and rejects unknown operators', () => {
    expect(labelSelectorString({})).toBe('');
    expect(() => labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'Gt' }] })).toThrow(/not a valid/);
  });
});

describe('readLabelSelector', () => {
  it('reads a ReplicationController’s plain-map selector as matchLabels, so it matches only its pods', () => {
    const sel = readLabelSelector({ app: 'legacy', tier: 'back' })!;
    expect(sel).toEqual({ matchLabels: { app: 'legacy', tier: 'back' } });
    expect(matchesLabelSelector(sel, { app: 'legacy', tier: 'back', extra: 'x' })).toBe(true);
    expect(matchesLabelSelector(sel, { app: 'web' })).toBe(false);
    expect(labelSelectorString(sel)).toBe('app=legacy,tier=back');
  });
  it('reads a metav1.LabelSelector as it is, and nothing from a non-object', () => {
    const structured = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }, { nokey: 1 }] };
    expect(readLabelSelector(structured)).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] });
    expect(readLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }] })).toEqual({ matchExpressions: [{ key: 'a', operator: 'Exists' }] });
    expect(readLabelSelector({})).toEqual({});
    for (const bad of [undefined, null, 'app=web', ['app']]) expect(readLabelSelector(bad)).toBeUndefined();
  });
});
