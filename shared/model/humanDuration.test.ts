import { describe, expect, it } from 'vitest';
import { humanDuration } from './humanDuration';

const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;

describe('humanDuration (kubectl Age)', () => {
  it.each([
    [-5 * s, '<invalid>'], [-500, '0s'], [0, '0s'], [59 * s, '59s'], [119 * s, '119s'], [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'], [10 * m + 5 * s, '10m'], [179 * m, '179m'], [3 * h, '3h'], [3 * h + 7 * m, '3h7m'],
    [8 * h + 7 * m, '8h'], [47 * h, '47h'], [2 * d, '2d'], [2 * d + 5 * h, '2d5h'], [8 * d + 5 * h, '8d'],
    [729 * d, '729d'], [730 * d, '2y'], [731 * d, '2y1d'], [8 * 365 * d + 3 * d, '8y'],
  ])('%i ms → %s', (ms, out) => expect(humanDuration(ms)).toBe(out));
});
