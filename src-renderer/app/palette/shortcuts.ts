// Every keyboard shortcut of the app, by where it works: the one list the `?` sheet shows and the
// handlers follow. Pure.
export type ShortcutPlace = 'global' | 'table' | 'palette' | 'details' | 'dialog';

export interface Shortcut { keys: string[]; what: string }

export const PLACE_TITLE: Record<ShortcutPlace, string> = {
  global: 'Anywhere', table: 'Tables', palette: 'Command palette', details: 'Details panel', dialog: 'Dialogs and menus',
};

export const SHORTCUTS: Record<ShortcutPlace, Shortcut[]> = {
  global: [
    { keys: ['Ctrl+K', '⌘K'], what: 'Command palette: find any object, run an action' },
    { keys: [':'], what: 'Command palette in command mode (:ns NAME, :ctx NAME, :pods, :deploy -n NS, :top)' },
    { keys: ['?'], what: 'This list of shortcuts' },
    { keys: ['/'], what: 'Filter the table (or search the topology)' },
    { keys: ['Tab', 'Shift+Tab'], what: 'Move between controls (the focused one is outlined)' },
  ],
  table: [
    { keys: ['j', '↓'], what: 'Next row' },
    { keys: ['k', '↑'], what: 'Previous row' },
    { keys: ['PgDn', 'PgUp', 'Home', 'End'], what: 'Page down / up, first / last row' },
    { keys: ['Enter'], what: 'Open the row’s details' },
    { keys: ['l'], what: 'Logs of the row' },
    { keys: ['s'], what: 'Shell into the row (pods)' },
    { keys: ['e'], what: 'Edit the row’s YAML' },
    { keys: ['/'], what: 'Filter rows; ↓ back to the rows, Esc clears' },
  ],
  palette: [
    { keys: ['↑', '↓'], what: 'Move' },
    { keys: ['Enter'], what: 'Choose the object, then the action' },
    { keys: ['scale 4'], what: 'Type after choosing a workload: scale to 4 (confirmed in the dialog)' },
    { keys: ['Backspace'], what: 'Back from the actions to the results' },
    { keys: ['Esc'], what: 'Back, or close' },
  ],
  details: [
    { keys: ['Esc'], what: 'Close the details panel' },
  ],
  dialog: [
    { keys: ['Enter'], what: 'Confirm (in the scale field) or press the focused button' },
    { keys: ['Esc'], what: 'Cancel / close the menu' },
  ],
};

/** Where a shortcut list should start, from the element that has focus. */
export function placeOf(el: Element | null): ShortcutPlace {
  if (!el) return 'global';
  if (el.closest('[data-testid="resource-table"], .table-view')) return 'table';
  if (el.closest('[data-testid="details"]')) return 'details';
  if (el.closest('[role="dialog"], dialog, [role="menu"]')) return 'dialog';
  return 'global';
}
