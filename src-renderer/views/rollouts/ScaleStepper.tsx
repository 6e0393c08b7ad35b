import { useEffect, useState } from 'react';
import { parseReplicas, SCALE_MAX } from './rolloutFormat';

/** − [n] + and Apply; the typed value is checked before it is sent. */
export function ScaleStepper({ current, busy, onScale, disabledReason }: { current: number; busy: boolean; onScale(replicas: number): void; disabledReason?: string }) {
  const [text, setText] = useState(String(current));
  useEffect(() => setText(String(current)), [current]);
  const value = parseReplicas(text);
  const set = (n: number) => setText(String(Math.max(0, Math.min(SCALE_MAX, n))));
  return (
    <div className="ro-scale" data-testid="ro-scale" title={disabledReason}>
      <span className="ro-label">Replicas</span>
      <button type="button" aria-label="fewer replicas" disabled={busy || !!disabledReason || value === undefined || value <= 0} onClick={() => set((value ?? current) - 1)}>−</button>
      <input aria-label="replicas" inputMode="numeric" value={text} disabled={!!disabledReason} onChange={(e) => setText(e.target.value)} className={value === undefined ? 'ro-invalid' : ''} data-testid="ro-scale-input" />
      <button type="button" aria-label="more replicas" disabled={busy || !!disabledReason || value === undefined || value >= SCALE_MAX} onClick={() => set((value ?? current) + 1)}>+</button>
      <button type="button" className="primary" disabled={busy || !!disabledReason || value === undefined || value === current} onClick={() => value !== undefined && onScale(value)} data-testid="ro-scale-apply">Scale</button>
    </div>
  );
}
