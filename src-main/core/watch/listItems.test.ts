import { describe, expect, it } from 'vitest';
import { splitList } from './listItems';

const both = (text: string, field = 'items') => {
  const s = splitList(text, field);
  return { header: s.header, items: [...s.items] };
};

/** What JSON.parse says: the document with the array emptied, and the array. */
const reference = (text: string, field = 'items') => {
  const whole = JSON.parse(text);
  const items = Array.isArray(whole?.[field]) ? whole[field] : [];
  if (Array.isArray(whole?.[field])) whole[field] = [];
  return { header: whole, items };
};

const pod = (i: number) => ({
  metadata: { name: `p-${i}`, namespace: 'ns', uid: `u-${i}`, labels: { app: 'a{b}', 'x/y': '[z]' }, annotations: { note: 'say "hi" \\ {not a brace} ]' } },
  spec: { containers: [{ name: 'c', image: 'i:1', args: ['{', '}', '[', ']', '"', '\\', ''] }], nodeName: null },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], count: -1.5e3, ok: true, none: null },
});

describe('splitList', () => {
  it('parses a LIST like JSON.parse, items one by one', () => {
    const list = { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '42', continue: 'abc' }, items: [pod(1), pod(2), pod(3)] };
    const text = JSON.stringify(list);
    expect(both(text)).toEqual(reference(text));
    expect(both(text).header.metadata.continue).toBe('abc');
  });

  it('keeps keys that come after the array, and pretty-printed text', () => {
    const text = JSON.stringify({ kind: 'PodList', items: [pod(1), pod(2)], metadata: { resourceVersion: '7' }, tail: [1, 'x', { a: [] }] }, null, 2);
    expect(both(text)).toEqual(reference(text));
    expect(both(text).header.metadata.resourceVersion).toBe('7');
  });

  it('splits a Table at rows, with columnDefinitions in the header', () => {
    const table = {
      kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '9' },
      columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', priority: 0 }],
      rows: [{ cells: ['p-1', '1/1', 'Running', 0, '5m'], object: { metadata: { name: 'p-1', uid: 'u-1' } } }],
    };
    const text = JSON.stringify(table);
    expect(both(text, 'rows')).toEqual(reference(text, 'rows'));
  });

  it('handles escapes: quotes after backslashes, unicode, slashes', () => {
    const tricky = { metadata: { name: 'a\\', note: '\\"{', more: 'x\\\\"]', u: 'żółć 日本 🚀 \u0000 \u2028', s: '/</script>' } };
    const text = JSON.stringify({ items: [tricky, tricky], metadata: {} });
    expect(both(text)).toEqual(reference(text));
  });

  it('an empty list, no items field, items not an array, a non-object element', () => {
    for (const doc of [
      { kind: 'PodList', metadata: {}, items: [] },
      { kind: 'PodList', metadata: {} },
      { kind: 'PodList', items: null },
      { kind: 'X', items: [1, 2, 'three'] },
      { kind: 'X', items: [{ a: 1 }, 2] },
      {},
    ]) {
      const text = JSON.stringify(doc);
      expect(both(text)).toEqual(reference(text));
    }
  });

  it('a body that is not an object', () => {
    expect(both('[1,2]')).toEqual({ header: [1, 2], items: [] });
    expect(both('"x"')).toEqual({ header: 'x', items: [] });
    expect(both('')).toEqual({ header: undefined, items: [] });
  });

  it('fails on malformed JSON as JSON.parse does', () => {
    for (const bad of ['{"items":[{"a":1}', '{"items":[{"a":1},]}', '{"items":[{"a":"x}]}', '{"a":1,}', '{items:[]}', '{"items":[{"a":1}] "x":1}']) {
      expect(() => both(bad), bad).toThrow(SyntaxError);
    }
  });

  it('items can be iterated again and each element is a fresh object', () => {
    const s = splitList(JSON.stringify({ items: [pod(1)] }), 'items');
    const [a] = [...s.items];
    const [b] = [...s.items];
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('agrees with JSON.parse on a large generated list', () => {
    const items = Array.from({ length: 500 }, (_, i) => pod(i));
    const text = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1', continue: 'c', remainingItemCount: 9500 }, items });
    expect(both(text)).toEqual(reference(text));
  });
});
