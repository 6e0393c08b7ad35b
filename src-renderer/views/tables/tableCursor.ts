// Where a table's keyboard cursor stands. On its own row while that row is listed; when the row goes
// (a terminating pod deleted, a filter typed) the cursor stays at the same position, on the row that
// took its place (clamped to the last row), as k9s does, so Enter or `l` never lands on nothing.

/** The cursor's row index in `rowUids`, or -1 when there is no cursor (or no rows). */
export function cursorPosition(rowUids: readonly string[], cursorUid: string | undefined, lastIndex: number): number {
  if (!cursorUid || rowUids.length === 0) return -1;
  const at = rowUids.indexOf(cursorUid);
  if (at >= 0) return at;
  return lastIndex < 0 ? -1 : Math.min(lastIndex, rowUids.length - 1);
}
