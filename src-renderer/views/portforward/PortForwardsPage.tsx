import { useTopicValue } from '../../data/clientContext';
import { ForwardsTable } from './ForwardsTable';
import './portforward.css';

/**
 * The sidebar's "Port forwards": every forward the core holds, in every context (they outlive a
 * reload and a context switch). Forwards start from a pod's or a Service's ports in their details.
 */
export function PortForwardsPage() {
  const value = useTopicValue('portforward.watch', {});
  const forwards = value?.forwards ?? [];
  return (
    <div className="pf-page" data-testid="pf-page">
      <div className="toolbar"><h2 className="pf-title">Port forwards</h2><span className="count">{value ? forwards.length : '…'}</span></div>
      <div className="pf-view">
        <ForwardsTable forwards={forwards} showContext empty="No port forwards. Start one from the Forward… button beside a port in a pod's or a Service's details." />
      </div>
    </div>
  );
}

/** The count of active forwards, for the sidebar entry. */
export function useForwardCount(): number {
  return useTopicValue('portforward.watch', {})?.forwards.filter((f) => f.state !== 'stopped').length ?? 0;
}
