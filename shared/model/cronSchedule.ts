// The next time a CronJob's schedule fires (standard five fields, the @ macros, as robfig/cron parses
// them for the CronJob controller), in UTC. Pure; brute force over minutes, at most a year ahead.

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

function field(text: string, min: number, max: number): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|\?|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    let [lo, hi] = [min, max];
    if (m[1] !== '*' && m[1] !== '?') {
      const [a, b] = m[1].split('-').map(Number);
      lo = a; hi = b ?? (m[2] ? max : a);
    }
    const step = m[2] ? Number(m[2]) : 1;
    if (lo < min || hi > max || lo > hi || step < 1) return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** The next firing strictly after `after`, or undefined for a schedule this parser does not read. */
export function nextRun(schedule: string, after: Date): Date | undefined {
  const text = MACROS[schedule.trim()] ?? schedule.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return undefined;
  const [mi, h, dom, mon, dow] = [field(parts[0], 0, 59), field(parts[1], 0, 23), field(parts[2], 1, 31), field(parts[3], 1, 12), field(parts[4], 0, 7)];
  if (!mi || !h || !dom || !mon || !dow) return undefined;
  if (dow.has(7)) dow.add(0);
  // Like cron: when both day fields are restricted, either may match.
  const domAny = parts[2] === '*' || parts[2] === '?';
  const dowAny = parts[4] === '*' || parts[4] === '?';
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  for (let i = 0; i < 366 * 24 * 60; i++) {
    t.setUTCMinutes(t.getUTCMinutes() + 1);
    if (!mon.has(t.getUTCMonth() + 1) || !h.has(t.getUTCHours()) || !mi.has(t.getUTCMinutes())) continue;
    const d = dom.has(t.getUTCDate());
    const w = dow.has(t.getUTCDay());
    if (domAny || dowAny ? d && w : d || w) return new Date(t.getTime());
  }
  return undefined;
}
