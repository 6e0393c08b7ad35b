import { useState } from 'react';
import type { Route } from '../app/route';
import { LogViewer } from './logs/LogViewer';
import { WorkloadLogs } from './logs/WorkloadLogs';
import { TerminalTabs } from './terminal/TerminalTabs';
import { PortForwards } from './portforward/PortForwards';
import { WorkloadOwnerKind as WorkloadOwnerKindSchema, type WorkloadOwnerKind } from '../../shared/contract/streams';

const OWNER_KINDS: readonly WorkloadOwnerKind[] = WorkloadOwnerKindSchema.options;
type StreamView = 'logs' | 'workload' | 'terminal' | 'portforward';

/**
 * #/dev/streams?context=..&ns=..&pod=..[&container=..][&view=logs|workload|terminal|portforward]
 *   [&selector=app%3Dweb | &owner=Deployment/web]
 * The log, terminal and port-forward views mounted on their own, for development and e2e.
 */
function StreamsDevPage({ params }: { params: URLSearchParams }) {
  const context = params.get('context') ?? '';
  const namespace = params.get('ns') ?? 'default';
  const pod = params.get('pod') ?? '';
  const container = params.get('container') ?? undefined;
  const selector = params.get('selector') ?? undefined;
  const ownerText = params.get('owner');
  const [ownerKind, ownerName] = ownerText ? ownerText.split('/') : [];
  const owner = ownerKind && ownerName && (OWNER_KINDS as string[]).includes(ownerKind) ? { kind: ownerKind as WorkloadOwnerKind, name: ownerName } : undefined;
  const requested = params.get('view') as StreamView | null;
  const [view, setView] = useState<StreamView>(requested ?? 'logs');
  if (!context) return <div className="welcome">Give <code>context</code>, <code>ns</code> and <code>pod</code> in the address.</div>;
  const tabs: StreamView[] = ['logs', 'workload', 'terminal', 'portforward'];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }} data-testid="dev-streams">
      {!requested && (
        <div className="toolbar" role="tablist">
          {tabs.map((t) => <button key={t} role="tab" aria-selected={view === t} className={view === t ? 'primary' : ''} onClick={() => setView(t)}>{t}</button>)}
        </div>
      )}
      <div style={{ flex: 1, minHeight: 0 }}>
        {view === 'logs' && pod && <LogViewer context={context} namespace={namespace} pod={pod} container={container} />}
        {view === 'workload' && (selector || owner) && <WorkloadLogs context={context} namespace={namespace} selector={owner ? undefined : selector} owner={owner} container={container} />}
        {view === 'terminal' && pod && <TerminalTabs context={context} namespace={namespace} pod={pod} container={container} />}
        {view === 'portforward' && <PortForwards context={context} namespace={namespace} pod={pod || undefined} />}
      </div>
    </div>
  );
}

/** Standalone mounts of single views under #/dev/..., for development and e2e of one view in isolation. */
export function DevRoute({ route }: { route: Route }) {
  const page = window.location.hash.replace(/^#/, '').split('?')[0].split('/').filter(Boolean)[1];
  if (page === 'streams') return <StreamsDevPage params={route.params} />;
  return <div className="welcome">No development view at this address ({page ?? route.view}).</div>;
}
