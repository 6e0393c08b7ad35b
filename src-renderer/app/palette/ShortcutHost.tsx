import { useEffect, useRef, useState } from 'react';
import { runShortcut, onShortcut } from './shortcutBus';
import { PLACE_TITLE, SHORTCUTS, placeOf, type ShortcutPlace } from './shortcuts';

/** Typing into these never triggers a single-key shortcut. */
const EDITABLE = 'input, textarea, select, [contenteditable="true"], .xterm';

/**
 * The app-wide keys: Ctrl/Cmd+K and `:` open the palette, `?` the shortcut sheet, `/` the visible
 * filter. Single keys only act outside text fields and open dialogs.
 */
export function ShortcutHost() {
  const [sheet, setSheet] = useState<ShortcutPlace>();
  useEffect(() => onShortcut('shortcuts', () => setSheet(placeOf(document.activeElement))), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        if (runShortcut('palette')) e.preventDefault();
        return;
      }
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as Element | null;
      if (el?.closest?.(EDITABLE) || document.querySelector('dialog[open]')) return;
      if (e.key === ':') { if (runShortcut('palette', ':')) e.preventDefault(); }
      else if (e.key === '?') { e.preventDefault(); runShortcut('shortcuts'); }
      else if (e.key === '/') {
        const filter = document.querySelector<HTMLInputElement>('input[aria-label="Filter rows"], [data-testid="topology-search"]');
        if (filter) { e.preventDefault(); filter.focus(); }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return sheet ? <ShortcutSheet first={sheet} onClose={() => setSheet(undefined)} /> : null;
}

function ShortcutSheet({ first, onClose }: { first: ShortcutPlace; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const back = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const was = back.current;
    return () => { if (d?.open) d.close(); if (was instanceof HTMLElement) was.focus(); };
  }, []);
  const places = [first, ...(Object.keys(SHORTCUTS) as ShortcutPlace[]).filter((p) => p !== first)];
  return (
    <dialog ref={ref} className="shortcut-sheet" aria-labelledby="shortcut-title" data-testid="shortcut-sheet"
      onCancel={(e) => { e.preventDefault(); onClose(); }} onClick={(e) => { if (e.target === ref.current) onClose(); }}>
      <header className="ss-head">
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} aria-label="Close" autoFocus>×</button>
      </header>
      <div className="ss-body">
        {places.map((p) => (
          <section key={p} className={`ss-section${p === first && p !== 'global' ? ' ss-here' : ''}`} aria-labelledby={`ss-${p}`} data-testid={`shortcuts-${p}`}>
            <h3 id={`ss-${p}`}>{PLACE_TITLE[p]}{p === first && p !== 'global' && <span className="ss-here-tag"> — where you are</span>}</h3>
            <dl>
              {SHORTCUTS[p].map((s) => (
                <div key={s.what} className="ss-row">
                  <dt>{s.keys.map((k, i) => <span key={k}>{i > 0 && <span className="muted"> / </span>}<kbd>{k}</kbd></span>)}</dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
