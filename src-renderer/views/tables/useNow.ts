import { useEffect, useState } from 'react';

/** The current time, ticking every `periodMs`, so ages stay true without each cell running a timer. */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}
