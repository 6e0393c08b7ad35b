/**
 * The subscription hub's lifecycle as lines on stderr (list start and end with the connection pool's
 * queue, watch start and end, errors and what the reflector does next, subscribers joining and leaving,
 * snapshots sent), for chasing a view that never receives a kind. Off unless WHEELHOUSE_DEBUG_WATCH is
 * set; the message is only built when it is on.
 */
const enabled = !!process.env.WHEELHOUSE_DEBUG_WATCH;

export function watchDebug(message: () => string): void {
  if (enabled) process.stderr.write(`[watch ${new Date().toISOString().slice(11, 23)}] ${message()}\n`);
}
