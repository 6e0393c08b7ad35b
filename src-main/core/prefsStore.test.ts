import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrefsStore, TYPED_MAX, rememberTyped } from './prefsStore';

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
