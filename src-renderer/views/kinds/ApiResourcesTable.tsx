import { Fragment, useMemo } from 'react';
import type { ApiResourceInfo } from '../../../shared/contract/clusters';
import { API_RESOURCE_COLUMNS, apiResourceRow, filterApiResources } from '../../../shared/model/apiResources';

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
              {API_RESOURCE_COLUMNS.map((c) => <td key={c.key} className={c.key === 'kind' ? undefined : c.key === 'verbs' || c.key === 'categories' || c.key === 'apiVersion' ? 'mono kb-wrap' : 'mono'}>{c.key === 'verbs' ? breakable(r.verbs, ',') : c.key === 'apiVersion' ? breakable(r.apiVersion, '.') : r[c.key]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="muted" data-testid="api-resources-empty">No resource matches “{filter}”.</div>}
    </div>
  );
}

/** Text that may wrap after each separator (a <wbr>, so copied text stays kubectl's). */
const breakable = (text: string, sep: string) => text.split(sep).map((v, i) => <Fragment key={i}>{i > 0 && <>{sep}<wbr /></>}{v}</Fragment>);
