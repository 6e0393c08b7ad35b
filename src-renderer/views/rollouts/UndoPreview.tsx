import type { UndoResult } from '../../../shared/contract/actions';
import { formatChangeValue } from './rolloutFormat';

/** What a rollback would change (from a server-side dry run), with confirm and cancel. */
export function UndoPreview({ preview, busy, onConfirm, onCancel }: { preview: UndoResult; busy: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <div className="ro-preview" role="dialog" aria-label={`Roll back to revision ${preview.revision}`} data-testid="ro-undo-preview">
      <div className="ro-preview-head">Roll back to revision {preview.revision}</div>
      <div className="ro-preview-summary" data-testid="ro-undo-summary">{preview.summary}</div>
      {preview.changes.length > 0 && (
        <table className="ro-changes">
          <thead><tr><th>Field</th><th>Now</th><th>After</th></tr></thead>
          <tbody>
            {preview.changes.map((c) => (
              <tr key={c.path}>
                <td className="ro-mono">{c.path}</td>
                <td className="ro-mono ro-before">{formatChangeValue(c.before)}</td>
                <td className="ro-mono ro-after">{formatChangeValue(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.warnings.map((w) => <div key={w} className="ro-warning">{w}</div>)}
      <div className="ro-preview-actions">
        <button type="button" className="primary" disabled={busy || preview.outcome === 'skipped'} onClick={onConfirm} data-testid="ro-undo-confirm">Roll back</button>
        <button type="button" disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
