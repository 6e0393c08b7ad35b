import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAVOURITES_MAX, PrefsStore, TYPED_MAX, rememberTyped, toggleFavourite } from './prefsStore';

describe('typed namespaces in prefs', () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
  const file = () => { const d = mkdtempSync(join(tmpdir(), 'wh-prefs-')); dirs.push(d); return join(d, 'prefs.json'); };

  it('newest first, no duplicates, at most TYPED_MAX', () => {
    expect(rememberTyped(['a', 'b'], 'b')).toEqual(['b', 'a']);
    expect(rememberTyped(undefined, 'x')).toEqual(['x']);
    expect(rememberTyped(Array.from({ length: TYPED_MAX }, (_, i) => `n${i}`), 'new')).toHaveLength(TYPED_MAX);
  });
  it('survive a restart, per context; an older prefs file without them still loads', () => {
    const f = file();
    writeFileSync(f, JSON.stringify({ lastContext: 'c', namespaces: { c: 'demo' } }));
    const p = new PrefsStore(f);
    expect(p.get().typedNamespaces).toEqual({});
    p.update((x) => { x.typedNamespaces.c = rememberTyped(x.typedNamespaces.c, 'team-a'); });
    expect(JSON.parse(readFileSync(f, 'utf8')).typedNamespaces).toEqual({ c: ['team-a'] });
    expect(new PrefsStore(f).get()).toMatchObject({ namespaces: { c: 'demo' }, typedNamespaces: { c: ['team-a'] } });
  });
});

describe('favourite namespaces in prefs', () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
  const file = () => { const d = mkdtempSync(join(tmpdir(), 'wh-prefs-')); dirs.push(d); return join(d, 'prefs.json'); };

  it('star appends once, un-star removes, a full list refuses with the reason', () => {
    expect(toggleFavourite(undefined, 'a', true)).toEqual(['a']);
    expect(toggleFavourite(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
    expect(toggleFavourite(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleFavourite(['a'], 'zz', false)).toEqual(['a']);
    const full = Array.from({ length: FAVOURITES_MAX }, (_, i) => `n${i}`);
    expect(() => toggleFavourite(full, 'new', true)).toThrow(/At most 50 favourite namespaces/);
    expect(toggleFavourite(full, 'n3', true)).toEqual(full);
  });
  it('survive a restart, per context, beside the other prefs', () => {
    const f = file();
    const p = new PrefsStore(f);
    p.update((x) => { x.namespaces.c = 'demo'; x.favouriteNamespaces.c = toggleFavourite(x.favouriteNamespaces.c, 'shop', true); });
    expect(new PrefsStore(f).get()).toMatchObject({ namespaces: { c: 'demo' }, favouriteNamespaces: { c: ['shop'] } });
  });
  it('a damaged field is dropped alone; the other prefs load', () => {
    const f = file();
    writeFileSync(f, JSON.stringify({
      lastContext: 'c', namespaces: { c: 'demo', d: 7 }, typedNamespaces: { c: ['t1', 3, 't1'] },
      favouriteNamespaces: { c: 'not-a-list', d: ['ok', null, ''] },
    }));
    expect(new PrefsStore(f).get()).toEqual({
      lastContext: 'c', namespaces: { c: 'demo' }, typedNamespaces: { c: ['t1'] }, favouriteNamespaces: { d: ['ok'] },
    });
    writeFileSync(f, JSON.stringify({ lastContext: 'c', favouriteNamespaces: [1, 2] }));
    expect(new PrefsStore(f).get()).toMatchObject({ lastContext: 'c', favouriteNamespaces: {} });
  });
  it('a file that is not JSON is kept aside as prefs.json.corrupt, not overwritten by the next save', () => {
    const f = file();
    writeFileSync(f, '{"lastContext": "c", "favouriteNa');
    const p = new PrefsStore(f);
    expect(p.get()).toEqual({ namespaces: {}, typedNamespaces: {}, favouriteNamespaces: {} });
    p.update((x) => { x.lastContext = 'd'; });
    expect(readFileSync(`${f}.corrupt`, 'utf8')).toBe('{"lastContext": "c", "favouriteNa');
    expect(JSON.parse(readFileSync(f, 'utf8')).lastContext).toBe('d');
  });
});
