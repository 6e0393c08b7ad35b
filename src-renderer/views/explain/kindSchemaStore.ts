import { useEffect, useState } from 'react';
import type { ContractClient } from '../../data/contractClient';
import type { KindSchemaParams, KindSchemaResult } from '../../../shared/contract/schema';
import type { KindSchemaRef, SchemaLookup } from '../../../shared/schema/yamlLint';
import type { Schema } from '../../../shared/schema/schemaWalk';

// Kinds' schemas as the renderer holds them: one request per (context, group, version, kind or
// resource) for the page's life (the core keeps the documents by server version and hash; a CRD
// changed meanwhile is read again after a reload); failures and unavailable schemas are asked again
// after 30 s.

type Entry = { promise: Promise<KindSchemaResult>; value?: KindSchemaResult; error?: string; at: number };
/** A failure or an unavailable schema is asked again after this (the cluster may have changed). */
const RETRY_MS = 30_000;
const stores = new WeakMap<ContractClient, Map<string, Entry>>();
const listeners = new Set<() => void>();

const keyOf = (p: KindSchemaParams) => `${p.context}|${p.group}|${p.version}|${p.kind ? `k:${p.kind}` : `r:${p.resource}`}`;

export function kindSchema(client: ContractClient, p: KindSchemaParams): Entry {
  let store = stores.get(client);
  if (!store) { store = new Map(); stores.set(client, store); }
  const key = keyOf(p);
  let e = store.get(key);
  if (e && (e.error || e.value?.state === 'unavailable') && Date.now() - e.at > RETRY_MS) e = undefined;
  if (!e) {
    const entry: Entry = { promise: client.request('schema.kind', p), at: Date.now() };
    entry.promise.then((v) => { entry.value = v; }, (err) => { entry.error = err instanceof Error ? err.message : String(err); })
      .finally(() => { for (const l of listeners) l(); });
    store.set(key, entry);
    e = entry;
  }
  return e;
}

/** Told whenever a schema arrives (the editor checks the text again). */
export function onKindSchema(l: () => void): () => void {
  listeners.add(l);
  return () => { listeners.delete(l); };
}

export const rootOf = (r: KindSchemaResult & { state: 'ok' }): Schema => r.document.components.schemas[r.rootName] as Schema;

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The editor's synchronous view of the store: a schema, `pending` (its request started), or why there is none. */
export function schemaLookup(client: ContractClient, context: string): SchemaLookup {
  return (apiVersion, kind) => {
    const e = kindSchema(client, { context, ...splitApiVersion(apiVersion), kind });
    if (e.error) return { unavailable: e.error };
    if (!e.value) return 'pending';
    if (e.value.state !== 'ok') return { unavailable: e.value.message };
    return { document: e.value.document, root: rootOf(e.value) } satisfies KindSchemaRef;
  };
}

/** A kind's schema for a view. */
export function useKindSchema(client: ContractClient, p: KindSchemaParams): { result?: KindSchemaResult; error?: string } {
  const [, bump] = useState(0);
  const e = kindSchema(client, p);
  useEffect(() => onKindSchema(() => bump((n) => n + 1)), []);
  return { result: e.value, error: e.error };
}
