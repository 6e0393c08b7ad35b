import { Fragment, useMemo } from 'react';
import type { ApiResourceInfo } from '../../../shared/contract/clusters';
import { API_RESOURCE_COLUMNS, apiResourceRow, filterApiResources, type ApiResourceRow } from '../../../shared/model/apiResources';

/** `kubectl api-resources -o wide` as a table, in discovery order like kubectl, filtered on any column. */
export function ApiResourcesTable({ resources, filter }: { resources: readonly ApiResourceInfo[]; filter: string }) {
  const all = useMemo(() => resources.map(apiResourceRow), [resources]);
  const rows = filterApiResources(all, filter);
  return (
    <div className="kb-scroll" data-testid="api-resources">
      <div className="muted kb-count" data-testid="api-resources-count">{rows.length} of {all.length} resources</div>
      <table className="kb-table kb-api">
        <thead><tr>{API_RESOURCE_COLUMNS.map((c) => <th key={c.key}>{c.header}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.apiVersion}/${r.name}`} data-testid="api-resources-row" data-name={r.name}>
              {API_RESOURCE_COLUMNS.map((c) => <td key={c.key} className={CELL_CLASS[c.key] ?? 'mono'}>{cell(r, c.key)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="muted" data-testid="api-resources-empty">No resource matches “{filter}”.</div>}
    </div>
  );
}

// Lists wrap after their separators; the one-word columns (NAME, KIND) are cut with the whole text in
// their title, as the resource tables do, so the table fits 1280 px without scrolling sideways.
const CELL_CLASS: Partial<Record<keyof ApiResourceRow, string>> = {
  name: 'mono kb-cut-cell', kind: 'kb-cut-cell', shortNames: 'mono kb-wrap', apiVersion: 'mono kb-wrap', verbs: 'mono kb-wrap', categories: 'mono kb-wrap',
};
const SEPARATOR: Partial<Record<keyof ApiResourceRow, string>> = { shortNames: ',', apiVersion: '.', verbs: ',', categories: ',' };

function cell(r: ApiResourceRow, key: keyof ApiResourceRow) {
  const sep = SEPARATOR[key];
  if (sep) return breakable(r[key], sep);
  if (key === 'name' || key === 'kind') return <span className="kb-cut" title={r[key]}>{r[key]}</span>;
  return r[key];
}

/** Text that may wrap after each separator (a <wbr>, so copied text stays kubectl's). */
const breakable = (text: string, sep: string) => text.split(sep).map((v, i) => <Fragment key={i}>{i > 0 && <>{sep}<wbr /></>}{v}</Fragment>);
