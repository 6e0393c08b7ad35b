import type { HelmHistoryRow } from '../../../shared/contract/helm';
import { HelmStatus } from './HelmStatus';

/** `helm history`: revision, updated, status, chart, app version, description; roll back or diff from a row. */
export function HelmHistory({ history, current, rollback, rollbackBlocked, diff }: {
  history: HelmHistoryRow[]; current?: number; rollback(revision: number): void; rollbackBlocked?: string; diff(from: number, to: number): void;
}) {
  return (
    <div className="helm-tab">
      <table className="helm-table" data-testid="helm-history">
        <thead><tr><th className="num">Revision</th><th>Updated</th><th>Status</th><th>Chart</th><th>App version</th><th>Description</th><th /></tr></thead>
        <tbody>
          {[...history].reverse().map((h) => (
            <tr key={h.revision} data-testid={`helm-history-${h.revision}`}>
              <td className="num">{h.revision}</td>
              <td className="helm-time">{h.updated ?? '—'}</td>
              <td><HelmStatus status={h.status} /></td>
              <td>{h.chart}</td>
              <td>{h.app_version}</td>
              <td>{h.error ? <span className="helm-row-error">{h.error}</span> : h.description}</td>
              <td className="helm-row-actions">
                {current !== undefined && h.revision !== current && !h.error && <>
                  <button type="button" className="ed-small" onClick={() => diff(h.revision, current)} data-testid={`helm-diff-${h.revision}`}>Diff with {current}</button>
                  <button type="button" className="ed-small" onClick={() => rollback(h.revision)} disabled={!!rollbackBlocked}
                    title={rollbackBlocked ?? `Roll back to revision ${h.revision}, after a preview of what changes`} data-testid={`helm-rollback-${h.revision}`}>Roll back…</button>
                </>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
