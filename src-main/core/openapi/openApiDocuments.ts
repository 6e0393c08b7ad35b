import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { ContractError } from '../../../shared/contract/contractError';
import type { OpenApiDocument } from '../../../shared/schema/schemaWalk';
import { BodyTooLargeError, formatMiB, readCappedText } from './cappedBody';

// The one source of the cluster's OpenAPI v3 documents (edit's merge keys, explain, the editor's
// completion and checks), read as kubectl reads them: `GET /openapi/v3` lists one serverRelativeURL
// per group-version, whose `hash` changes with the content; the document is fetched by that URL.
// Documents are cached by the server's gitVersion and that URL (so a changed CRD, which changes the
// hash, is fetched again, and an unchanged one never is); the small index is asked again after 30 s.

type Http = Pick<KubeHttp, 'request' | 'raw'>;

/** Above this a group-version document is refused while it arrives (it is parsed whole in main). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
const INDEX_TTL_MS = 30_000;
/** Parsed documents kept across contexts, by their size as sent (the parsed form is a few times more). */
const CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

export type UnavailableReason = 'no-openapi-v3' | 'no-group-version' | 'too-large' | 'unreadable';

/** Why a document cannot be had; the message says what still works. */
export class OpenApiUnavailable extends ContractError {
  constructor(readonly reason: UnavailableReason, message: string, detail?: string) {
    super(reason === 'too-large' || reason === 'unreadable' ? 'refused' : 'not-found', message, detail);
    this.name = 'OpenApiUnavailable';
  }
}

export interface GroupVersionDocument {
  doc: OpenApiDocument;
  /** `api/v1`, `apis/apps/v1`. */
  gvPath: string;
  /** The server's gitVersion when it was read. */
  serverVersion: string;
  bytes: number;
}

interface Index { paths: Record<string, { serverRelativeURL?: string }>; serverVersion: string; at: number }
const indexes = new WeakMap<object, Promise<Index>>();
const documents = new Map<string, { value: Promise<GroupVersionDocument>; bytes: number }>();

export const groupVersionPath = (group: string, version: string) => (group === '' ? `api/${version}` : `apis/${group}/${version}`);

async function readIndex(http: Http): Promise<Index> {
  let raw: any;
  try {
    raw = await http.request('GET', '/openapi/v3', { timeoutMs: 30_000 });
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 406)) {
      throw new OpenApiUnavailable('no-openapi-v3', 'This API server does not serve OpenAPI v3 (/openapi/v3; Kubernetes 1.27 and later do): field documentation, completion and checks are off. The server still checks what you send.');
    }
    throw err;
  }
  const version = await http.request('GET', '/version', { timeoutMs: 10_000 }).catch(() => undefined);
  return { paths: raw?.paths ?? {}, serverVersion: String(version?.gitVersion ?? 'unknown'), at: Date.now() };
}

async function index(http: Http, fresh = false): Promise<Index> {
  const hit = indexes.get(http);
  if (hit && !fresh) {
    const i = await hit.catch(() => undefined);
    if (i && Date.now() - i.at < INDEX_TTL_MS) return i;
  }
  const p = readIndex(http);
  indexes.set(http, p);
  p.catch(() => { if (indexes.get(http) === p) indexes.delete(http); });
  return p;
}

/** The group-versions the server publishes OpenAPI v3 for (`api/v1`, `apis/apps/v1`, …). */
export async function publishedGroupVersions(http: Http): Promise<string[]> {
  return Object.keys((await index(http)).paths).filter((p) => /^apis?\//.test(p));
}

async function download(http: Http, url: string, gvPath: string, serverVersion: string, limitBytes: number): Promise<GroupVersionDocument> {
  const [path, query = ''] = url.split('?');
  const res = await http.raw('GET', path, { query: Object.fromEntries(new URLSearchParams(query)), timeoutMs: 120_000 });
  let text: string;
  try {
    text = await readCappedText(res.body, limitBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      throw new OpenApiUnavailable('too-large', `The cluster's OpenAPI document for ${gvPath} is larger than ${formatMiB(limitBytes)}, the most Wheelhouse reads: field documentation, completion and checks are off for its kinds. The server still checks what you send (dry run).`,
        `stopped after ${err.readBytes} bytes of ${url}`);
    }
    throw err;
  }
  let doc: OpenApiDocument;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new OpenApiUnavailable('unreadable', `The cluster's OpenAPI document for ${gvPath} is not valid JSON: field documentation, completion and checks are off for its kinds.`, String(err));
  }
  return { doc, gvPath, serverVersion, bytes: text.length };
}

function remember(key: string, value: Promise<GroupVersionDocument>): void {
  documents.set(key, { value, bytes: 0 });
  value.then((d) => {
    const entry = documents.get(key);
    if (entry?.value === value) entry.bytes = d.bytes;
    let total = 0;
    for (const e of documents.values()) total += e.bytes;
    // Oldest first (a Map keeps insertion order; a hit re-inserts below).
    for (const [k, e] of documents) {
      if (total <= CACHE_BUDGET_BYTES || k === key) break;
      total -= e.bytes;
      documents.delete(k);
    }
  }, () => { if (documents.get(key)?.value === value) documents.delete(key); });
}

/**
 * The OpenAPI v3 document of one group-version, as the server publishes it. OpenApiUnavailable says
 * why there is none: no /openapi/v3, a group-version it does not list (an aggregated API that serves
 * no OpenAPI), a document over `limitBytes`, or one that is not JSON.
 */
export async function groupVersionDocument(http: Http, group: string, version: string, opts: { limitBytes?: number } = {}): Promise<GroupVersionDocument> {
  const gvPath = groupVersionPath(group, version);
  const limitBytes = opts.limitBytes ?? MAX_DOCUMENT_BYTES;
  for (let attempt = 0; ; attempt++) {
    const idx = await index(http, attempt > 0);
    const url = idx.paths[gvPath]?.serverRelativeURL;
    if (!url) {
      throw new OpenApiUnavailable('no-group-version', `The API server publishes no OpenAPI v3 for ${group || 'core'}/${version} (an aggregated API may serve none): field documentation, completion and checks are off for its kinds. The server still checks what you send.`);
    }
    const key = `${idx.serverVersion}|${limitBytes}|${url}`;
    const hit = documents.get(key);
    if (hit) {
      documents.delete(key);
      documents.set(key, hit);
      return hit.value;
    }
    const value = download(http, url, gvPath, idx.serverVersion, limitBytes);
    remember(key, value);
    try {
      return await value;
    } catch (err) {
      // A hash the server no longer has answers 301 (kube-openapi's handler3): read the index again once.
      if (attempt === 0 && err instanceof ApiError && err.status >= 300 && err.status < 400) continue;
      throw err;
    }
  }
}

/** For tests: forget every cached index and document. */
export function forgetOpenApiDocuments(): void {
  documents.clear();
}
