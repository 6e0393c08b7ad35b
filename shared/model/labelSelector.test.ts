import { describe, expect, it } from 'vitest';
import { matchesSelector, parseLabelSelector } from './labelSelector';

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
