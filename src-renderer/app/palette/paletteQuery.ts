// What the palette's text means, k9s style: `:ctx NAME`, `:ns NAME`, `:top`, `:<kind alias> [-n ns]`
// are commands; anything else is a search: an optional kind alias first (`deploy web`), `ns/name`,
// `-n ns`, label requirements (`app=web`, `tier!=db`, `!canary`), and a name fragment. Pure.
import { parseLabelSelector, type Requirement } from '../../../shared/model/labelSelector';
import type { AliasMap, KindRef } from './kindAliases';

export type PaletteQuery =
  | { mode: 'command'; command: string; arg: string; namespace?: string; kinds?: readonly KindRef[] }
  | { mode: 'search'; kinds?: readonly KindRef[]; namespace?: string; fragment: string; selector?: Requirement[]; selectorText?: string; selectorError?: string };

const SELECTOR_TOKEN = /^!?[\w./-]+(==|=|!=)?[\w.-]*$/;
const isSelectorToken = (t: string) => (t.includes('=') || t.startsWith('!')) && SELECTOR_TOKEN.test(t);

/** `-n x` / `--namespace x` / `-n=x` taken out of the tokens. */
function takeNamespace(tokens: string[]): string | undefined {
  let ns: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const eq = /^(?:-n|--namespace)=(.+)$/.exec(t);
    if (eq) { ns = eq[1]; tokens.splice(i--, 1); continue; }
    if ((t === '-n' || t === '--namespace') && tokens[i + 1]) { ns = tokens[i + 1]; tokens.splice(i--, 2); }
  }
  return ns;
}

export function parsePaletteQuery(text: string, aliases: AliasMap): PaletteQuery {
  const trimmed = text.trim();
  if (trimmed.startsWith(':')) {
    const tokens = trimmed.slice(1).trim().split(/\s+/).filter(Boolean);
    const namespace = takeNamespace(tokens);
    const command = (tokens.shift() ?? '').toLowerCase();
    const kinds = aliases.get(command);
    return { mode: 'command', command, arg: tokens.join(' '), ...(namespace ? { namespace } : {}), ...(kinds ? { kinds } : {}) };
  }
  const tokens = trimmed.split(/\s+/).filter(Boolean);
  let namespace = takeNamespace(tokens);
  let kinds: readonly KindRef[] | undefined;
  if (tokens.length && aliases.has(tokens[0].toLowerCase())) kinds = aliases.get(tokens.shift()!.toLowerCase());
  const selectorParts = tokens.filter(isSelectorToken);
  const rest = tokens.filter((t) => !isSelectorToken(t));
  let fragment = rest.join(' ').toLowerCase();
  const slash = fragment.indexOf('/');
  if (slash > 0) { namespace = fragment.slice(0, slash); fragment = fragment.slice(slash + 1); }
  const q: PaletteQuery = { mode: 'search', fragment, ...(kinds ? { kinds } : {}), ...(namespace ? { namespace } : {}) };
  if (selectorParts.length) {
    q.selectorText = selectorParts.join(',');
    try { q.selector = parseLabelSelector(q.selectorText); } catch (err) { q.selectorError = (err as Error).message; }
  }
  return q;
}
