import type { ReactNode } from 'react';
import { kindInfo } from '../../../shared/model/kinds';
import type { DetailsTarget } from '../details/detailsTarget';
import { encodeDetails, withParams } from '../../app/detailsLink';

/** A card in a path: title, lines, and the actions every node offers (details, and more where they apply). */
export function NetworkNode({ kind, name, namespace, uid, lines, state, onSelect, children, testId }: {
  kind: string; name: string; namespace?: string; uid?: string; lines?: ReactNode[]; state?: 'ok' | 'stop';
  onSelect?(t: DetailsTarget): void; children?: ReactNode; testId?: string;
}) {
  const target = detailsTarget(kind, name, namespace, uid);
  return (
    <div className={`net-node net-${state ?? 'ok'}`} data-testid={testId} data-state={state ?? 'ok'}>
      <div className="net-node-head">
        <span className="net-kind">{kind}</span>
        <span className="net-name" title={name}>{name}</span>
      </div>
      {lines?.map((l, i) => <div key={i} className="net-line">{l}</div>)}
      <div className="net-actions">
        {target && onSelect
          ? <button type="button" onClick={() => onSelect(target)} title={`Open the details of ${kind} ${name}`}>Details</button>
          : <button type="button" disabled title={`${kind} ${name} does not exist`}>Details</button>}
        {children}
      </div>
    </div>
  );
}

export function detailsTarget(kind: string, name: string, namespace: string | undefined, uid: string | undefined): DetailsTarget | undefined {
  const info = kindInfo(kind);
  if (!info || !uid) return undefined;
  return { group: info.group, version: info.version, resource: info.resource, ...(info.namespaced ? { namespace } : {}), name, uid };
}

/** Opens a pod's details on its Logs tab (the existing log viewer). */
export function LogsButton({ pod, namespace, uid }: { pod: string; namespace: string; uid: string }) {
  const t = detailsTarget('Pod', pod, namespace, uid)!;
  return (
    <button type="button" title={`Logs of pod ${pod}`} data-testid={`net-logs-${pod}`}
      onClick={() => { window.location.hash = withParams(window.location.hash, { obj: encodeDetails(t), tab: 'logs' }); }}>Logs</button>
  );
}
