import type { RolloutStatusInfo } from '../../../shared/contract/actions';
import { barPercent } from './rolloutFormat';

const BARS = [['Updated', 'updated'], ['Ready', 'ready'], ['Available', 'available']] as const;

/** Desired against updated / ready / available, and kubectl's status line under them. */
export function RolloutStatusBars({ status, paused }: { status: RolloutStatusInfo; paused: boolean }) {
  const { counts } = status;
  const tone = status.error ? 'bad' : status.done ? 'ok' : 'warn';
  return (
    <div className="ro-status" data-testid="ro-status">
      <div className="ro-desired">Desired <strong>{counts.desired}</strong>{paused && <span className="ro-paused" data-testid="ro-paused">paused</span>}</div>
      {BARS.map(([label, key]) => (
        <div key={key} className="ro-bar-row" data-testid={`ro-bar-${key}`}>
          <span className="ro-bar-label">{label}</span>
          <span className="ro-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={counts.desired} aria-valuenow={counts[key]}>
            <span className={`ro-bar-fill ro-tone-${counts[key] >= counts.desired ? 'ok' : 'warn'}`} style={{ width: `${barPercent(counts[key], counts.desired)}%` }} />
          </span>
          <span className="ro-bar-n">{counts[key]}/{counts.desired}</span>
        </div>
      ))}
      <div className={`ro-message ro-tone-${tone}`} data-testid="ro-message">{status.error ?? status.message}</div>
    </div>
  );
}
