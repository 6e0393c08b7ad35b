import type { UsageCell } from './usageCells';
import './metrics.css';

/** kubectl top's figure with a small bar of the share (of request/limit, or allocatable); the words on hover. */
export function UsageBarCell({ cell }: { cell: UsageCell }) {
  const pct = cell.share === undefined ? undefined : Math.max(0, Math.min(1, cell.share)) * 100;
  const tone = cell.share === undefined ? '' : cell.share >= 1 ? 'mu-over' : cell.share >= 0.8 ? 'mu-high' : '';
  return (
    <span className={`mu-cell ${cell.sort === undefined ? 'muted' : ''}`} title={cell.title} data-testid="usage-cell">
      <span className="mu-text">{cell.text}</span>
      {pct !== undefined && <span className={`mu-bar ${tone}`} aria-hidden><span style={{ width: `${pct}%` }} /></span>}
    </span>
  );
}
