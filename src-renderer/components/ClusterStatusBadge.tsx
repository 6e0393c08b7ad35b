import { useClient, useTopicValue } from '../data/clientContext';
import type { ClusterStatus, ContextInfo } from '../../shared/contract/clusters';

const text: Record<ClusterStatus['state'], string> = {
  idle: 'Not connected', connecting: 'Connecting…', ready: 'Connected', degraded: 'Degraded',
  unauthorized: 'Unauthorized', unreachable: 'Unreachable', error: 'Error',
};

/** A context's connection in words: its state and, when not ready, why (for the clusters shown with the route's). */
export function useClusterState(context: string): { state: ClusterStatus['state']; words: string } {
  const status = useTopicValue('cluster.watch', { context });
  const state = status?.state ?? 'connecting';
  return { state, words: `${text[state]}${status?.reason && state !== 'ready' ? ` — ${status.reason}` : ''}` };
}

/** A context's connection state as a dot, its name and state on hover. */
export function ClusterStateDot({ context, testId }: { context: string; testId?: string }) {
  const { state, words } = useClusterState(context);
  return <span className={`dot dot-${state}`} data-testid={testId} data-state={state} title={`${context}: ${words}`} />;
}

/** The connection's state and version; for exec-plugin contexts, the command it runs. */
export function ClusterStatusBadge({ status, context }: { status?: ClusterStatus; context: ContextInfo }) {
  const state = status?.state ?? 'connecting';
  const client = useClient();
  // Probes now and wakes every list of the context waiting to retry (cluster.connect).
  const retry = () => { void client.request('cluster.connect', { context: context.name }).catch(() => {}); };
  const failed = state === 'unreachable' || state === 'error' || state === 'degraded';
  return (
    <div className="cluster-status" data-testid="cluster-status" data-state={state}>
      <span className={`dot dot-${state}`} aria-hidden />
      <span title={status?.version ? `${text[state]} · Kubernetes ${status.version}` : undefined}>{text[state]}{status?.version && <span className="cs-version"> · {status.version}</span>}</span>
      {context.execCommand && <span className="muted" title="This context runs this credential plugin command">runs: <code>{context.execCommand}</code></span>}
      {status?.reason && state !== 'ready' && <span className="status-reason" role="alert" title={status.detail}>{status.reason}</span>}
      {failed && <button type="button" className="status-retry" onClick={retry} data-testid="cluster-retry" title="Try to reach the cluster again now">Retry</button>}
    </div>
  );
}
