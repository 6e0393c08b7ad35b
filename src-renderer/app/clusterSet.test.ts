import { describe, expect, it } from 'vitest';
import { formatClusterSet, keepClusterSet, parseClusterSet } from './clusterSet';
import { parseRoute } from './route';

describe('clusterSet', () => {
  it('round-trips names with commas and percent signs, dropping duplicates and the route context', () => {
    const names = ['b', 'odd,name', '100%', 'b'];
    const value = formatClusterSet(names)!;
    expect(parseClusterSet(value, 'a')).toEqual(['b', 'odd,name', '100%']);
    expect(parseClusterSet('a,b', 'a')).toEqual(['b']);
    expect(parseClusterSet(null)).toEqual([]);
    expect(formatClusterSet([])).toBeUndefined();
    // Through the URL as the app writes it.
    const hash = keepClusterSet('#/c/a/r/_/v1/pods?ns=demo', 'a', value);
    expect(parseClusterSet(parseRoute(hash).params.get('with'), 'a')).toEqual(['b', 'odd,name', '100%']);
  });
  it('keeps the set on the same context only, and never overrides a hash that says its own', () => {
    expect(keepClusterSet('#/c/a/overview?ns=x', 'a', 'b')).toBe('#/c/a/overview?ns=x&with=b');
    expect(keepClusterSet('#/c/a/overview', 'a', 'b')).toBe('#/c/a/overview?with=b');
    expect(keepClusterSet('#/c/other/overview', 'a', 'b')).toBe('#/c/other/overview');
    expect(keepClusterSet('#/c/a/overview?with=c', 'a', 'b')).toBe('#/c/a/overview?with=c');
    expect(keepClusterSet('#/c/a/overview', 'a', undefined)).toBe('#/c/a/overview');
  });
});
