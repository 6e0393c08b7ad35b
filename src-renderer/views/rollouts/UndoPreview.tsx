import type { UndoResult } from '../../../shared/contract/actions';
import { ConfirmDialog } from '../actions/ConfirmDialog';
import { formatChangeValue } from './rolloutFormat';

/** What a rollback would change (from a server-side dry run), asked through the one confirmation component. */
export function UndoPreview({ preview, busy, onConfirm, onCancel }: { preview: UndoResult; busy: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <ConfirmDialog title={`Roll back to revision ${preview.revision}`} confirm="Roll back" busy={busy} onConfirm={onConfirm} onClose={onCancel}
      testId="ro-undo-preview" confirmTestId="ro-undo-confirm" size="medium"
      confirmDisabledReason={preview.outcome === 'skipped' ? preview.message : undefined}>
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
    </ConfirmDialog>
  );
}
