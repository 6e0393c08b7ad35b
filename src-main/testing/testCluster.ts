// Test helpers for integration tests against the real test cluster (never a mock API server).
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { Core } from '../core/core';

export const ADMIN = 'wheelhouse-admin';
export const LIMITED = 'wheelhouse-limited';

export function testKubeconfig(): string {
  const k = process.env.WHEELHOUSE_TEST_KUBECONFIG;
  if (!k) throw new Error('WHEELHOUSE_TEST_KUBECONFIG is not set: run through vitest --project integration (its globalSetup brings the test cluster up)');
  return k;
}

export function tempDir(prefix = 'wh-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function newCore(files = [testKubeconfig()], opts: { lingerMs?: number } = {}): Core {
  return new Core({ dataDir: tempDir(), kubeconfigFiles: files, watchKubeconfig: false, lingerMs: opts.lingerMs ?? 50 });
}

/** Polls until `fn` returns a truthy value (or throws after the timeout with the last value seen). */
export async function eventually<T>(fn: () => T | Promise<T>, timeoutMs = 30_000, what = 'condition'): Promise<NonNullable<T>> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) { last = e; }
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function randomName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

export function readKubeconfig(file: string): any {
  return parse(readFileSync(file, 'utf8'));
}

/**
 * A core and a fresh namespace of its own for one describe block, both gone afterwards (the default
 * test cluster is shared, so tests leave it as they found it).
 */
export function useTestNamespace(prefix: string): { readonly core: Core; readonly ns: string } {
  const state = { core: undefined as unknown as Core, ns: randomName(prefix) };
  beforeAll(async () => {
    state.core = newCore();
    await state.core.connection(ADMIN).http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: state.ns } } });
  });
  afterAll(async () => {
    await state.core.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${state.ns}`).catch(() => {});
    await state.core.dispose();
  });
  return state;
}

/** A copy of kubeconfig `file` whose clusters are all reached through 127.0.0.1:<port> (e.g. a TcpProxy). */
export function kubeconfigViaPort(file: string, port: number): string {
  const kc = readKubeconfig(file);
  for (const c of kc.clusters) c.cluster.server = c.cluster.server.replace(/:\d+$/, `:${port}`);
  const out = join(tempDir(), 'kubeconfig');
  writeFileSync(out, stringify(kc));
  return out;
}
