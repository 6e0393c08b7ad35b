// Favourite namespaces through the contract a renderer speaks: starred per context, kept across a
// restart of the core (a new Core on the same data folder), bad names refused with the API server's
// words, and a damaged favourites entry in the prefs file losing nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from './core';
import { coreHandlers } from './service';
import { ContractSession } from '../transport/contractSession';
import { ADMIN, LIMITED, tempDir, testKubeconfig } from '../testing/testCluster';
import type { ServerFrame } from '../../shared/contract';

type Res = Extract<ServerFrame, { t: 'res' }>;

describe('favourite namespaces over the contract', () => {
  const open: Array<{ core: Core; session: ContractSession }> = [];
  afterEach(async () => { for (const o of open.splice(0)) { o.session.close(); await o.core.dispose(); } });

  /** A core on `dataDir` and a function that sends one request and answers its response frame. */
  const start = (dataDir: string) => {
    const core = new Core({ dataDir, kubeconfigFiles: [testKubeconfig()], watchKubeconfig: false, lingerMs: 50 });
    const waiting = new Map<number, (f: Res) => void>();
    const session = new ContractSession(coreHandlers(core), (f: ServerFrame) => { if (f.t === 'res') waiting.get(f.id)?.(f); });
    open.push({ core, session });
    let id = 0;
    return (method: string, params: unknown) => new Promise<Res>((resolve) => {
      waiting.set(++id, resolve);
      session.receive({ t: 'req', id, method, params });
    });
  };

  it('stars per context, answers them in prefs.get after a restart, and un-stars', async () => {
    const dir = tempDir('wh-favs-');
    const req = start(dir);
    expect(await req('prefs.set', { context: ADMIN, namespace: 'demo' })).toMatchObject({ ok: true });
    expect(await req('prefs.favourite', { context: ADMIN, namespace: 'kube-system', favourite: true })).toMatchObject({ ok: true, result: { favouriteNamespaces: ['kube-system'] } });
    expect(await req('prefs.favourite', { context: ADMIN, namespace: 'demo', favourite: true })).toMatchObject({ result: { favouriteNamespaces: ['kube-system', 'demo'] } });
    expect(await req('prefs.favourite', { context: LIMITED, namespace: 'team-a', favourite: true })).toMatchObject({ result: { favouriteNamespaces: ['team-a'] } });

    const again = start(dir);
    expect(await again('prefs.get', { context: ADMIN })).toMatchObject({ ok: true, result: { namespace: 'demo', favouriteNamespaces: ['kube-system', 'demo'] } });
    expect(await again('prefs.get', { context: LIMITED })).toMatchObject({ result: { favouriteNamespaces: ['team-a'] } });
    // Choosing a namespace afterwards leaves the stars alone.
    await again('prefs.set', { context: ADMIN, namespace: '*' });
    expect(await again('prefs.favourite', { context: ADMIN, namespace: 'kube-system', favourite: false })).toMatchObject({ result: { favouriteNamespaces: ['demo'] } });
    await again('prefs.favourite', { context: ADMIN, namespace: 'demo', favourite: false });
    const got = await again('prefs.get', { context: ADMIN });
    expect(got).toMatchObject({ ok: true, result: { namespace: '*' } });
    expect(got.ok && (got.result as { favouriteNamespaces?: string[] }).favouriteNamespaces).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, 'prefs.json'), 'utf8')).favouriteNamespaces).toEqual({ [LIMITED]: ['team-a'] });
  });

  it('refuses a name the API server would refuse, saying why, and stores nothing', async () => {
    const dir = tempDir('wh-favs-');
    const req = start(dir);
    const res = await req('prefs.favourite', { context: ADMIN, namespace: 'Bad_Name', favourite: true });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toMatch(/RFC 1123 label/);
    expect(await req('prefs.get', { context: ADMIN })).toMatchObject({ ok: true, result: {} });
    expect((await req('prefs.get', { context: ADMIN }))).not.toHaveProperty('result.favouriteNamespaces');
  });

  it('a damaged favourites entry in the prefs file is dropped alone: the namespace and typed names stay', async () => {
    const dir = tempDir('wh-favs-');
    writeFileSync(join(dir, 'prefs.json'), JSON.stringify({
      lastContext: ADMIN, namespaces: { [ADMIN]: 'demo' }, typedNamespaces: { [LIMITED]: ['team-a'] }, favouriteNamespaces: { [ADMIN]: { oops: true } },
    }));
    const req = start(dir);
    expect(await req('prefs.get', { context: ADMIN })).toEqual({ t: 'res', id: 1, ok: true, result: { namespace: 'demo' } });
    expect(await req('prefs.get', { context: LIMITED })).toMatchObject({ result: { typedNamespaces: ['team-a'] } });
    expect(await req('prefs.favourite', { context: ADMIN, namespace: 'demo', favourite: true })).toMatchObject({ result: { favouriteNamespaces: ['demo'] } });
  });
});
