// App-wide commands that a key press (or a button) asks for and one component answers: open the
// palette, show the shortcut sheet. Keeps the global key handler apart from the views it opens.
export type ShortcutCommand = 'palette' | 'shortcuts';

const handlers = new Map<ShortcutCommand, Set<(arg?: string) => void>>();

export function onShortcut(cmd: ShortcutCommand, fn: (arg?: string) => void): () => void {
  const set = handlers.get(cmd) ?? new Set();
  set.add(fn);
  handlers.set(cmd, set);
  return () => { set.delete(fn); };
}

/** True if something answered. */
export function runShortcut(cmd: ShortcutCommand, arg?: string): boolean {
  const set = handlers.get(cmd);
  if (!set?.size) return false;
  for (const fn of set) fn(arg);
  return true;
}
