import { describe, expect, it } from 'vitest';
import { coalesceValues, MASK, maskSecretValues } from './values';

describe('coalesceValues (helm get values --all)', () => {
  it('lets user values win, merges tables, replaces lists, and a user null deletes the chart key', () => {
    const chart = { replicaCount: 1, image: { repository: 'nginx', tag: '1.25' }, list: [1, 2], gone: 'x', nested: { keep: 1, drop: 2 } };
    const user = { replicaCount: 3, image: { tag: '1.26' }, list: [9], gone: null, nested: { drop: null }, extra: true };
    expect(coalesceValues(chart, user)).toEqual({
      replicaCount: 3, image: { repository: 'nginx', tag: '1.26' }, list: [9], nested: { keep: 1 }, extra: true,
    });
  });
  it('does not change its inputs and leaves out chart nulls', () => {
    const chart = { a: { b: 1 }, n: null };
    const user = { a: { c: 2 } };
    coalesceValues(chart, user);
    expect(chart).toEqual({ a: { b: 1 }, n: null });
    expect(user).toEqual({ a: { c: 2 } });
    expect(coalesceValues(chart, null)).toEqual({ a: { b: 1 } });
  });
});

describe('maskSecretValues', () => {
  it('masks scalars under secret-looking keys, at any depth, and lists the paths', () => {
    const { values, paths } = maskSecretValues({ auth: { password: 'p', user: 'u' }, apiToken: 't', greeting: 'hi', tls: { key: 'k' }, secret: { a: 1, b: '' } });
    expect(values).toEqual({ auth: { password: MASK, user: 'u' }, apiToken: MASK, greeting: 'hi', tls: { key: MASK }, secret: { a: MASK, b: '' } });
    expect(paths.sort()).toEqual(['apiToken', 'auth.password', 'secret.a', 'tls.key']);
  });
});
