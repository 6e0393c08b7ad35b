import type { TimelineEntry, TimelineEntryKind } from '../../../shared/contract/timeline';

// Text for the change timeline, pure so it can be tested.

export const KIND_LABEL: Record<TimelineEntryKind, string> = {
  created: 'created', deleted: 'deleted', image: 'image', scale: 'scale', restart: 'restart', revision: 'revision',
  paused: 'paused', resumed: 'resumed', template: 'template', degraded: 'failing', recovered: 'recovered', synced: 'synced',
};

export const KIND_TONE: Record<TimelineEntryKind, 'accent' | 'ok' | 'warn' | 'bad' | 'muted'> = {
  created: 'muted', deleted: 'bad', image: 'accent', scale: 'accent', restart: 'warn', revision: 'muted',
  paused: 'warn', resumed: 'ok', template: 'accent', degraded: 'bad', recovered: 'ok', synced: 'accent',
};

/** `by kubectl-set`, `by wheelhouse (scale)`, `probably by helm` (no one owns a removed field). */
export function managerText(e: TimelineEntry): string | undefined {
  if (!e.manager) return undefined;
  const how = e.subresource ? ` (${e.subresource})` : e.operation === 'Apply' ? ' (apply)' : '';
  return `${e.managerInferred ? 'probably by' : 'by'} ${e.manager}${how}`;
}

/** Newest first; entries reconstructed from history after those seen live at the same moment. */
export function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
}

export type TimelineFilter = 'all' | 'changes' | 'failures';
export function passes(e: TimelineEntry, f: TimelineFilter): boolean {
  if (f === 'failures') return e.kind === 'degraded' || e.kind === 'recovered';
  if (f === 'changes') return e.kind !== 'degraded' && e.kind !== 'recovered';
  return true;
}
