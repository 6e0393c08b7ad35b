// A release's values as `helm get values [--all]` computes them, and masking of secret-looking ones.

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function cleanNils(t: Table): void {
  for (const [k, v] of Object.entries(t)) {
    if (v === null) delete t[k];
    else if (isTable(v)) cleanNils(v);
  }
}

/** helm's coalesceTablesFullKey (merge=false): dst (user) wins; a user null removes a chart default. */
function coalesceTables(dst: Table, src: Table): Table {
  const srcNonNil = new Set(Object.keys(src).filter((k) => src[k] !== null));
  for (const [k, v] of Object.entries(dst)) if (v === null) src[k] = null;
  for (const [k, val] of Object.entries(src)) {
    const has = Object.prototype.hasOwnProperty.call(dst, k);
    const dv = dst[k];
    if (has && dv === null && srcNonNil.has(k)) delete dst[k];
    else if (!has) dst[k] = val;
    else if (isTable(val) && isTable(dv)) coalesceTables(dv, val);
  }
  return dst;
}

/**
 * `helm get values --all`: CoalesceValues(chart, config) (pkg/chart/common/util/coalesce.go): user
 * values win, tables merge, lists are replaced whole, a user null deletes the chart's key. Subcharts'
 * own values and globals are not merged here (a chart with dependencies shows its top level only).
 */
export function coalesceValues(chartValues: Table | null | undefined, config: Table | null | undefined): Table {
  const v: Table = clone(config ?? {}) ?? {};
  const vc: Table = clone(chartValues ?? {}) ?? {};
  for (const [key, val] of Object.entries(vc)) {
    if (Object.prototype.hasOwnProperty.call(v, key)) {
      const value = v[key];
      if (value === null) delete v[key];
      else if (isTable(value) && isTable(val)) { cleanNils(val); coalesceTables(value, val); }
    } else {
      if (val === null) continue;
      if (isTable(val)) cleanNils(val);
      v[key] = val;
    }
  }
  return v;
}

/** Keys whose values are usually secrets: passwords, tokens, keys, credentials, certificates. */
const SECRET_KEY = /(pass(word|wd|phrase)?|secret|token|api[-_]?key|private[-_]?key|credential|auth[-_]?key|client[-_]?key|\bkey$|cert(ificate)?$|\.pem$|dsn|connection[-_]?string)/i;

export const MASK = '••••••••';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A copy with every scalar under a secret-looking key replaced by MASK; `paths` lists what was masked. */
export function maskSecretValues(values: unknown): { values: unknown; paths: string[] } {
  const paths: string[] = [];
  const walk = (v: unknown, path: string, secret: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`, secret));
    if (isTable(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k, secret || isSecretKey(k))]));
    if (secret && v !== null && v !== undefined && v !== '') { paths.push(path); return MASK; }
    return v;
  };
  return { values: walk(values, '', false), paths };
}
