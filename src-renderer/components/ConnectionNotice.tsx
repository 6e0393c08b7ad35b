import { useEffect, useState } from 'react';
import { useClient } from '../data/clientContext';
import type { ClusterStatus } from '../../shared/contract/clusters';
import { visibleText } from '../../shared/model/visibleText';
import { ErrorDetails } from './ErrorDetails';
import './connectionNotice.css';

const problem = new Set<ClusterStatus['state']>(['unauthorized', 'unreachable', 'error', 'degraded']);

/** Seconds since `iso`, ticking once a second while shown. */
function useElapsed(iso: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [iso]);
  return iso ? Math.max(0, Math.round((now - Date.parse(iso)) / 1000)) : 0;
}

/**
 * Why a context is not connected, in full (the top bar has room for a few words only): the reason,
 * the raw detail under a disclosure, and for an exec credential plugin what it is doing — its
 * command, how long it has run, its stderr so far (it may wait for a browser login) — with Cancel,
 * and Retry after it failed or was cancelled.
 */
export function ConnectionNotice({ status }: { status: ClusterStatus | undefined }) {
  const client = useClient();
  const plugin = status?.plugin;
  const elapsed = useElapsed(plugin?.phase === 'running' ? plugin.startedAt : undefined);
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  const running = plugin?.phase === 'running';
  if (!running && !(problem.has(status.state) && status.reason)) return null;
  const call = (method: 'cluster.credentials.cancel' | 'cluster.credentials.retry') => {
    setBusy(true);
    void client.request(method, { context: status.context }).catch(() => undefined).finally(() => setBusy(false));
  };
  return (
    <section className={`conn-notice conn-notice-${running ? 'running' : 'bad'}`} role={running ? 'status' : 'alert'} data-testid="connection-notice" data-state={running ? 'plugin-running' : status.state}>
      {running ? (
        <p className="conn-notice-reason">
          Waiting for the credential plugin <code data-testid="plugin-command">{visibleText(plugin.command)}</code>: running for <span data-testid="plugin-elapsed">{elapsed} s</span>.
          {' '}It may be waiting for you to sign in (in your browser) or to answer a prompt shown below.
        </p>
      ) : <p className="conn-notice-reason" data-testid="connection-reason">{visibleText(status.reason ?? '')}</p>}
      {plugin && plugin.stderr.trim() && (
        <div className="conn-notice-stderr">
          <div className="muted">The plugin&apos;s messages{running ? ' so far' : ''}:</div>
          <pre data-testid="plugin-stderr">{visibleText(plugin.stderr.trimEnd())}</pre>
        </div>
      )}
      <div className="conn-notice-actions">
        {running && <button type="button" onClick={() => call('cluster.credentials.cancel')} data-testid="plugin-cancel" title="Stops the plugin and everything it started">Cancel</button>}
        {plugin && !running && (
          <button type="button" onClick={() => call('cluster.credentials.retry')} disabled={busy} data-testid="plugin-retry"
            title={busy ? 'Starting the plugin…' : plugin.retryAt ? `Otherwise the next request after ${new Date(plugin.retryAt).toLocaleTimeString()} runs it again` : 'Runs the credential plugin again now'}>Retry now</button>
        )}
      </div>
      {!running && status.detail && status.detail !== status.reason && status.detail.trim() !== plugin?.stderr.trim() && <ErrorDetails detail={status.detail} />}
    </section>
  );
}
