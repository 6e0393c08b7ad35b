import { useEffect, useState } from 'react';
import { parseReplicas, SCALE_MAX } from '../rollouts/rolloutFormat';
import './actions.css';

/**
 * The one scale widget: − [replicas] + and an apply button; the typed value is checked before it is
 * sent, and scaling to 0 says what it means. The actions menu's dialog and the Rollout tab use it; what
 * happens on apply (and whether it asks first: scaleSafety.ts) is the caller's.
 */
export function ScaleControl({ current, initial, busy, disabledReason, onScale, applyLabel, testIds, autoFocus }: {
  // `initial`: the replicas offered at first (the palette's `scale 4`); the current count otherwise.
  current: number; initial?: number; busy: boolean; disabledReason?: string; onScale(replicas: number): void;
  applyLabel(value: number | undefined): string; testIds: { input: string; apply: string }; autoFocus?: boolean;
}) {
  const [text, setText] = useState(String(initial ?? current));
  useEffect(() => { if (initial === undefined) setText(String(current)); }, [current, initial]);
  const value = parseReplicas(text);
  const set = (n: number) => setText(String(Math.max(0, Math.min(SCALE_MAX, n))));
  const off = busy || !!disabledReason;
  const apply = () => { if (!off && value !== undefined && value !== current) onScale(value); };
  return (
    <>
      <div className="act-scale-row" title={disabledReason}>
        <span className="muted">Replicas now <b>{current}</b>, new:</span>
        <button type="button" aria-label="fewer replicas" disabled={off || value === undefined || value <= 0} title={disabledReason} onClick={() => set((value ?? current) - 1)}>−</button>
        <input aria-label="replicas" inputMode="numeric" value={text} disabled={!!disabledReason} autoFocus={autoFocus} data-autofocus={autoFocus || undefined} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') apply(); }} className={value === undefined ? 'act-invalid' : ''} data-testid={testIds.input} />
        <button type="button" aria-label="more replicas" disabled={off || value === undefined || value >= SCALE_MAX} title={disabledReason} onClick={() => set((value ?? current) + 1)}>+</button>
        <button type="button" className="primary" disabled={off || value === undefined || value === current} title={disabledReason} onClick={apply} data-testid={testIds.apply}>
          {applyLabel(value)}
        </button>
      </div>
      {value === undefined && <div className="note note-bad">A whole number from 0 to {SCALE_MAX}.</div>}
      {value === 0 && current > 0 && <div className="note note-warn" data-testid="scale-zero-note">Scaling to 0 stops every pod of this workload.</div>}
    </>
  );
}
