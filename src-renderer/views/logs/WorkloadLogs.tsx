import { useState } from 'react';
import type { WorkloadLogsParams, WorkloadOwnerKind } from '../../../shared/contract';
import { useLogFeed } from './logFeed';
import { LogPane } from './LogPane';
import { sourceColor } from './LogLine';

export interface WorkloadLogsProps {
  context: string;
  namespace: string;
  /** A label selector, or… */
  selector?: string;
  /** …a workload whose selector picks the pods. */
  owner?: { kind: WorkloadOwnerKind; name: string };
  /** Only this container of each pod. */
  container?: string;
  tailLines?: number;
  capacity?: number;
}

/** Every pod of a workload in one view, merged by time, each line prefixed with its pod in a stable colour. */
export function WorkloadLogs({ context, namespace, selector, owner, container, tailLines = 200, capacity = 50_000 }: WorkloadLogsProps) {
  const [showTs, setShowTs] = useState(false);
  const [wrap, setWrap] = useState(false);
  const params: WorkloadLogsParams | undefined = selector || owner
    ? { context, namespace, ...(owner ? { owner } : { selector }), ...(container ? { container } : {}), tailLines }
    : undefined;
  const { feed, status: st } = useLogFeed('logs.workload', params, capacity);
  const title = owner ? `${owner.kind} ${owner.name}` : selector ?? '';
  return (
    <div className="log-viewer" data-testid="workload-logs">
      <div className="log-toolbar">
        <strong>{title}</strong>
        <label><input type="checkbox" checked={showTs} onChange={(e) => setShowTs(e.target.checked)} /> Timestamps</label>
        <label><input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> Wrap</label>
        <span className={`log-state ${st.state}`} data-testid="log-state" data-state={st.state} title={st.message}>
          {st.state}{st.message ? `: ${st.message}` : ''}
        </span>
      </div>
      {st.sources && (
        <div className="log-sources" data-testid="log-sources">
          {st.sources.length === 0 && <span className="muted">No pods match.</span>}
          {st.sources.map((s) => (
            <span key={`${s.pod}/${s.container}`} className={`src ${s.state}`} style={{ color: sourceColor(s.pod) }} title={s.message ?? s.state}>
              {s.pod}/{s.container}
            </span>
          ))}
        </div>
      )}
      <LogPane feed={feed} wrap={wrap} showTs={showTs} showSource label={`Logs of ${title}`}
        fileName={`${(owner?.name ?? 'workload').replace(/[^\w.-]+/g, '_')}-logs.log`} />
    </div>
  );
}
