/**
 * The subscription hub's lifecycle as lines (list start and end with the connection pool's queue,
 * watch start and end, errors and what the reflector does next, subscribers joining and leaving,
 * snapshots sent), for chasing a view that never receives a kind. Written to stderr when
 * WHEELHOUSE_DEBUG_WATCH is set; kept in memory (the latest lines only) while a recorder is on, so a
 * test can print them when it fails. The message is only built when one of the two is on.
 */
const toStderr = !!process.env.WHEELHOUSE_DEBUG_WATCH;
let recorder: { lines: string[]; max: number } | undefined;

export function watchDebug(message: () => string): void {
  if (!toStderr && !recorder) return;
  const line = `[watch ${new Date().toISOString().slice(11, 23)}] ${message()}`;
  if (toStderr) process.stderr.write(`${line}\n`);
  if (recorder) {
    recorder.lines.push(line);
    if (recorder.lines.length > recorder.max) recorder.lines.splice(0, recorder.lines.length - recorder.max);
  }
}

/** Starts keeping the latest `max` lines in memory; returns a function that reads them. */
export function recordWatchDebug(max = 2_000): () => string[] {
  const r = { lines: [] as string[], max };
  recorder = r;
  return () => [...r.lines];
}
