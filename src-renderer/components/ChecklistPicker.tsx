import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The top bar's label before the list ("Namespaces", "Show with"). */
  label: string;
  /** What the checked items are for, said to screen readers. */
  legend: string;
  names: readonly string[];
  initial: ReadonlySet<string>;
  /** Extra text before a name (a favourite's star). */
  prefix?(name: string): ReactNode;
  /** The apply button's text, and why it is disabled (undefined: enabled). */
  applyLabel(list: string[]): string;
  applyBlocked?(list: string[]): string | undefined;
  testIds: { form: string; check(name: string): string; apply: string };
  onApply(list: string[]): void;
  onCancel(): void;
}

/**
 * A top-bar checklist that opens in place of a picker (several namespaces, several clusters): the first
 * box focused, Space toggles, Enter applies, Esc cancels.
 */
export function ChecklistPicker({ label, legend, names, initial, prefix, applyLabel, applyBlocked, testIds, onApply, onCancel }: Props) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(initial);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  const list = names.filter((n) => checked.has(n));
  const blocked = applyBlocked?.(list);
  const apply = () => { if (!blocked) onApply(list); };
  return (
    <form className="picker ns-several" data-testid={testIds.form} aria-label={legend}
      onSubmit={(e) => { e.preventDefault(); apply(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <span>{label}</span>
      <fieldset className="ns-several-list">
        <legend className="sr-only">{legend}</legend>
        {names.map((n, i) => (
          <label key={n}><input ref={i === 0 ? first : undefined} type="checkbox" checked={checked.has(n)} data-testid={testIds.check(n)}
            onChange={(e) => setChecked((c) => { const next = new Set(c); if (e.target.checked) next.add(n); else next.delete(n); return next; })}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } }} /> {prefix?.(n)} {n}</label>
        ))}
      </fieldset>
      <button type="submit" disabled={!!blocked} title={blocked} data-testid={testIds.apply}>{applyLabel(list)}</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
