import { runShortcut } from './shortcutBus';

/** The top bar's way to the palette and the shortcut sheet for those who do not know the keys yet. */
export function TopBarKeys() {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div className="topbar-keys">
      <button type="button" onClick={() => runShortcut('palette')} title="Command palette: find any object, run an action" data-testid="open-palette">
        Find / run <kbd>{mac ? '⌘K' : 'Ctrl+K'}</kbd>
      </button>
      <button type="button" onClick={() => runShortcut('shortcuts')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" data-testid="open-shortcuts">?</button>
    </div>
  );
}
