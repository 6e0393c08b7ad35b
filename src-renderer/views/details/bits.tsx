import { useState, type ReactNode } from 'react';
import { humanDuration } from '../../../shared/model/humanDuration';
import { visibleText } from '../../../shared/model/visibleText';

/** "5m", with the exact local time on hover. */
export function Age({ ts, now }: { ts: string | undefined; now: number }) {
  if (!ts) return <span className="muted">—</span>;
  const t = Date.parse(ts);
  if (Number.isNaN(t)) return <span>{ts}</span>;
  return <time dateTime={ts} title={new Date(t).toLocaleString()}>{humanDuration(now - t)}</time>;
}

export function Section({ title, children, actions, testId }: { title: string; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <section className="dp-section" data-testid={testId}>
      <header className="dp-section-head"><h3>{title}</h3>{actions}</header>
      {children}
    </section>
  );
}

/** A key=value chip; long values are cut in the chip and whole in the tooltip. */
export function Chip({ k, v }: { k: string; v: string }) {
  const shown = visibleText(v);
  return <span className="dp-chip" title={`${k}=${shown}`}><span className="dp-chip-k">{k}</span><span className="dp-chip-eq">=</span><span className="dp-chip-v">{shown}</span></span>;
}

/** Long text (annotations, messages) clamped to a few lines with a toggle; always rendered as text. */
export function LongText({ text: raw, lines = 3, className = '' }: { text: string; lines?: number; className?: string }) {
  const [open, setOpen] = useState(false);
  const text = visibleText(raw);
  const long = text.length > 160 || text.split('\n').length > lines;
  return (
    <span className={`dp-longtext ${className}`}>
      <span className={long && !open ? 'dp-clamp' : ''} style={long && !open ? { WebkitLineClamp: lines } : undefined}>{text}</span>
      {long && <button type="button" className="dp-link" onClick={() => setOpen(!open)}>{open ? 'less' : 'more'}</button>}
    </span>
  );
}

export function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="dp-kv">
      {rows.map(([k, v]) => <div key={k} className="dp-kv-row"><dt>{visibleText(k)}</dt><dd>{typeof v === 'string' ? visibleText(v) : v}</dd></div>)}
    </dl>
  );
}
