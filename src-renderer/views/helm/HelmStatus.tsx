import { isPendingStatus } from '../../../shared/helm/release';

const TONE: Record<string, string> = { deployed: 'ok', superseded: 'muted', uninstalled: 'muted', failed: 'bad', unknown: 'bad' };

/** A release status word as helm prints it, coloured; pending-* and uninstalling pulse while helm works. */
export function HelmStatus({ status }: { status: string }) {
  const tone = isPendingStatus(status) ? 'pending' : (TONE[status] ?? 'muted');
  return <span className={`helm-status helm-status-${tone}`} data-testid="helm-status">{status}</span>;
}
