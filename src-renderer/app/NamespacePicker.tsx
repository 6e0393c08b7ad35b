import { useEffect, useRef, useState } from 'react';
import { ChecklistPicker } from '../components/ChecklistPicker';
import { useClient, useContractQuery } from '../data/clientContext';
import { useToasts } from '../components/Toasts';
import { ALL, droppedChoice, namespaceChoices, namespaceNameError, type NamespaceAccess } from './namespaceChoices';
import { useFavouriteNamespaces } from './favouriteNamespaces';
import { NamespaceStar } from './NamespaceStar';

const OTHER = '\u0000other';
const SEVERAL = '\u0000several';

/**
 * May this user list namespaces, and list pods in all namespaces (what "All namespaces" needs)?
 * Asked once per context (SelfSubjectAccessReview through cluster.access, as the action buttons ask).
 */
export function useNamespaceAccess(context: string, chosen?: string): NamespaceAccess {
  const q = useContractQuery('cluster.access', { context, checks: [
    { verb: 'list', group: '', resource: 'namespaces' },
    { verb: 'list', group: '', resource: 'pods' },
    ...(chosen && chosen !== ALL && !chosen.includes(',') ? [{ verb: 'list', group: '', resource: 'pods', namespace: chosen }] : []),
  ] }, { staleTime: 60_000, retry: false });
  // An access review that fails to answer must not hide namespaces: count it as allowed (the tables say what is forbidden).
  if (q.error) return { listNamespaces: true, listAllNamespaces: true, listChosen: true };
  return q.data ? { listNamespaces: q.data[0]?.allowed, listAllNamespaces: q.data[1]?.allowed, ...(q.data[2] ? { listChosen: q.data[2].allowed } : {}) } : {};
}

interface Props {
  context: string;
  /** What the URL or the prefs chose ('*' = all), before RBAC had its say. */
  chosen?: string;
  contextNamespace?: string;
  typed: readonly string[];
  listed: readonly string[];
  /** `typed`: the name came from the free-text field (remember it for this context). */
  onChange(namespace: string, opts?: { typed?: boolean }): void;
}

/**
 * The top bar's namespace picker. Where namespaces cannot be listed it offers the context's own,
 * those typed before and "Other namespace…" (a text field); "All namespaces" only where the user may
 * list pods cluster-wide. A remembered "All namespaces" that is forbidden is replaced, with a message.
 */
export function NamespacePicker({ context, chosen, contextNamespace, typed, listed, onChange }: Props) {
  const access = useNamespaceAccess(context, chosen);
  const client = useClient();
  const toasts = useToasts();
  const current = chosen === ALL ? undefined : chosen;
  const { favourites } = useFavouriteNamespaces(context);
  const choices = namespaceChoices({ access, contextNamespace, typed, listed, current, favourites });
  const [typing, setTyping] = useState(false);
  const [picking, setPicking] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);

  const drop = droppedChoice(chosen, access, contextNamespace, typed);
  // Once per forbidden choice: after the drop `chosen` is the new namespace, so coming back to a forbidden one drops it again.
  const dropKey = drop ? `${context}\u0000${chosen ?? ''}\u0000${drop.namespace}` : undefined;
  useEffect(() => {
    if (!drop) return;
    toasts.push({ tone: 'warn', title: 'Namespace changed', text: drop.message });
    onChange(drop.namespace);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropKey]);

  useEffect(() => { if (typing) inputRef.current?.focus(); }, [typing]);

  const submit = async () => {
    const name = text.trim();
    const bad = namespaceNameError(name);
    if (bad) { setError(bad); return; }
    // Checked before switching, so a typo or a forbidden namespace says so here instead of as a blank table.
    try {
      const [answer] = await client.request('cluster.access', { context, checks: [{ verb: 'list', group: '', resource: 'pods', namespace: name }] });
      if (!answer?.allowed) { setError(`You may not list pods in namespace ${name}.`); return; }
    } catch (err) {
      setError(`Could not check namespace ${name}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    setTyping(false); setText(''); setError(undefined);
    onChange(name, { typed: true });
  };

  if (typing) {
    return (
      <form className="picker ns-typed" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label htmlFor="ns-free-text">Namespace</label>
        <input id="ns-free-text" ref={inputRef} value={text} placeholder="namespace name" spellCheck={false} autoComplete="off"
          aria-invalid={!!error} aria-describedby={error ? 'ns-free-text-error' : undefined} data-testid="namespace-input"
          onChange={(e) => { setText(e.target.value); setError(undefined); }}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); setTyping(false); setError(undefined); } }} />
        <button type="submit" data-testid="namespace-input-go">Go</button>
        <button type="button" onClick={() => { setTyping(false); setError(undefined); }}>Cancel</button>
        {error && <span id="ns-free-text-error" className="ns-typed-error" role="alert" data-testid="namespace-input-error">{error}</span>}
      </form>
    );
  }

  if (picking) {
    const members = new Set(current?.split(',') ?? []);
    const starred = new Set(choices.favourites);
    // Starred first, as in the picker.
    const names = [...new Set(choices.names.flatMap((n) => n.split(',')))].sort((a, b) => Number(starred.has(b)) - Number(starred.has(a)) || a.localeCompare(b));
    return <ChecklistPicker label="Namespaces" legend="Namespaces to show together" names={names} initial={members} onCancel={() => setPicking(false)}
      prefix={(n) => starred.has(n) && <><span aria-hidden="true">★</span><span className="sr-only">favourite</span></>}
      applyLabel={(list) => `Show ${list.length}`} applyBlocked={(list) => (list.length ? undefined : 'Check at least one namespace.')}
      testIds={{ form: 'namespace-several', check: (n) => `ns-check-${n}`, apply: 'namespace-several-apply' }}
      onApply={(list) => { setPicking(false); onChange(list.join(',')); }} />;
  }

  const starred = new Set(choices.favourites);
  const option = (n: string) => <option key={n} value={n}>{n.includes(',') ? n.split(',').join(' + ') : n}</option>;
  return (
    <div className="picker ns-picker">
    <label className="picker">Namespace
      <select value={current ?? (choices.all ? '' : contextNamespace ?? '')} data-testid="namespace-picker"
        title={current?.includes(',') ? `Shown together: ${current.split(',').join(', ')}` : choices.all ? current : '“All namespaces” needs permission to list pods in all namespaces.'}
        onChange={(e) => {
          if (e.target.value === OTHER) setTyping(true);
          else if (e.target.value === SEVERAL) setPicking(true);
          else onChange(e.target.value || ALL);
        }}>
        {choices.all && <option value="">All namespaces</option>}
        {/* Starred first (the star button beside the picker adds one); the rest in a group of their own. */}
        {starred.size > 0 && <optgroup label="★ Favourites" data-testid="namespace-favourites">{choices.favourites.map((n) => <option key={n} value={n}>★ {n}</option>)}</optgroup>}
        {starred.size > 0
          ? <optgroup label="Namespaces">{choices.names.filter((n) => !starred.has(n)).map(option)}</optgroup>
          : choices.names.map(option)}
        {choices.freeText && <option value={OTHER}>Other namespace…</option>}
        {choices.names.length > 1 && <option value={SEVERAL}>Several namespaces…</option>}
      </select>
    </label>
    <NamespaceStar context={context} namespace={current} />
    </div>
  );
}

