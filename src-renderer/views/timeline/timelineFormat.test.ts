import { describe, expect, it } from 'vitest';
import { managerText, newestFirst, passes } from './timelineFormat';
import type { TimelineEntry } from '../../../shared/contract/timeline';

const e = (over: Partial<TimelineEntry>): TimelineEntry => ({ id: 1, at: '2026-11-23T10:00:00Z', kind: 'scale', summary: 's', observed: true, ...over });

describe('timelineFormat', () => {
  it('names the manager, its subresource, and says when it is only inferred', () => {
    expect(managerText(e({ manager: 'wheelhouse', operation: 'Update', subresource: 'scale' }))).toBe('by wheelhouse (scale)');
    expect(managerText(e({ manager: 'argocd', operation: 'Apply' }))).toBe('by argocd (apply)');
    expect(managerText(e({ manager: 'helm', managerInferred: true, operation: 'Update' }))).toBe('probably by helm');
    expect(managerText(e({}))).toBeUndefined();
  });
  it('orders newest first and filters failures from changes', () => {
    const list = [e({ id: 1, at: '2026-11-23T10:00:00Z' }), e({ id: 2, at: '2026-11-23T11:00:00Z', kind: 'degraded' }), e({ id: 3, at: '2026-11-23T11:00:00Z' })];
    expect(newestFirst(list).map((x) => x.id)).toEqual([3, 2, 1]);
    expect(list.filter((x) => passes(x, 'failures')).map((x) => x.id)).toEqual([2]);
    expect(list.filter((x) => passes(x, 'changes')).map((x) => x.id)).toEqual([1, 3]);
  });
});
