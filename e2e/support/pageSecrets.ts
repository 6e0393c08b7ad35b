// What must never reach the renderer, and a search of everything a page script can reach for it.
// Used by e2e/no-secrets-in-page.spec.ts (Chromium, serve mode) and e2e/electron.spec.ts.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';

export interface Secret { label: string; value: string }

/**
 * The credentials in a kubeconfig: each user's client-key-data (base64 as written, the decoded PEM,
 * its body on one line, and each long body line on its own, in case a view wrapped or sliced it),
 * tokens, passwords and auth-provider secrets.
 */
export function kubeconfigSecrets(file: string): Secret[] {
  const doc = parse(readFileSync(file, 'utf8')) as { users?: { name: string; user?: Record<string, any> }[] };
  const out: Secret[] = [];
  const add = (label: string, value: unknown) => {
    if (typeof value === 'string' && value.length >= 16) out.push({ label, value });
  };
  for (const { name, user = {} } of doc.users ?? []) {
    if (user['client-key-data']) {
      add(`${name} client-key-data`, user['client-key-data']);
      const pem = Buffer.from(user['client-key-data'], 'base64').toString('utf8');
      add(`${name} client key (PEM)`, pem.trim());
      const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
      add(`${name} client key (PEM body)`, body.join(''));
      body.filter((l) => l.length >= 40).forEach((l, i) => add(`${name} client key (PEM line ${i + 1})`, l));
    }
    add(`${name} token`, user.token);
    add(`${name} password`, user.password);
    for (const [k, v] of Object.entries(user['auth-provider']?.config ?? {})) {
      if (/secret|token/i.test(k)) add(`${name} auth-provider ${k}`, v);
    }
  }
  return out;
}

export interface PageScan {
  typeofRequire: string;
  typeofProcess: string;
  typeofModule: string;
  typeofBuffer: string;
  /** Which secrets were found where (empty is the only good answer). */
  hits: { label: string; where: string }[];
  /** How many strings the object walk looked at: proof the walk reached the app's state. */
  stringsWalked: number;
  objectsWalked: number;
}

/**
 * Looks for the secrets in everything a script in the page can read: the DOM (outerHTML), every
 * localStorage/sessionStorage key and value, document.cookie, the URL, the referrer, performance
 * entry names, and a walk of the objects reachable from the app's own window globals and from the
 * DOM elements' expando properties (React's fibers and props, hence the query cache and component
 * state). Secrets are matched inside the page; only the labels of hits come back.
 */
export async function scanPage(page: Page, secrets: Secret[]): Promise<PageScan> {
  return page.evaluate((secrets) => {
    const hits: { label: string; where: string }[] = [];
    const check = (text: string, where: string) => {
      for (const s of secrets) if (text.includes(s.value)) hits.push({ label: s.label, where });
    };
    check(document.documentElement.outerHTML, 'document.documentElement.outerHTML');
    for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i) ?? '';
        check(k, `${name} key`);
        check(storage.getItem(k) ?? '', `${name}[${JSON.stringify(k)}]`);
      }
    }
    check(document.cookie, 'document.cookie');
    check(location.href, 'location.href');
    check(document.referrer, 'document.referrer');
    for (const e of performance.getEntries()) check(e.name, `performance entry ${e.entryType}`);

    // Globals the app added: what this window has that a pristine one does not.
    const frame = document.createElement('iframe');
    frame.style.display = 'none';
    document.body.appendChild(frame);
    const pristine = new Set(Object.getOwnPropertyNames(frame.contentWindow!));
    frame.remove();
    const roots: [string, unknown][] = [];
    for (const k of Object.getOwnPropertyNames(window)) {
      if (pristine.has(k)) continue;
      try { roots.push([`window.${k}`, (window as any)[k]]); } catch { /* throwing getter */ }
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const k of Object.keys(el)) roots.push([`<${el.tagName.toLowerCase()}>.${k}`, (el as any)[k]]);
    }

    const seen = new WeakSet<object>();
    let strings = 0;
    let objects = 0;
    const budget = 3_000_000;
    const stack: [unknown, string, number][] = roots.map(([where, v]) => [v, where, 0]);
    while (stack.length && objects + strings < budget) {
      const [v, where, depth] = stack.pop()!;
      if (typeof v === 'string') { strings++; check(v, where); continue; }
      if ((typeof v !== 'object' && typeof v !== 'function') || v === null) continue;
      if (seen.has(v as object)) continue;
      seen.add(v as object);
      if (v instanceof Node && depth > 0) continue; // the DOM is covered by outerHTML
      if (v === window || depth > 40) continue;
      objects++;
      let keys: (string | symbol)[];
      try { keys = Reflect.ownKeys(v as object); } catch { continue; }
      for (const k of keys) {
        if (typeof k === 'string') { strings++; check(k, `${where} (a key)`); }
        let child: unknown;
        try { child = (v as any)[k]; } catch { continue; }
        stack.push([child, where, depth + 1]);
      }
      if (v instanceof Map) for (const [mk, mv] of v) { stack.push([mk, where, depth + 1]); stack.push([mv, where, depth + 1]); }
      if (v instanceof Set) for (const sv of v) stack.push([sv, where, depth + 1]);
    }

    return {
      typeofRequire: typeof (globalThis as any).require,
      typeofProcess: typeof (globalThis as any).process,
      typeofModule: typeof (globalThis as any).module,
      typeofBuffer: typeof (globalThis as any).Buffer,
      hits: hits.filter((h, i) => hits.findIndex((x) => x.label === h.label && x.where === h.where) === i),
      stringsWalked: strings,
      objectsWalked: objects,
    };
  }, secrets);
}
