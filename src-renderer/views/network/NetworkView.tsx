import { useMemo, useState } from 'react';
import type { TrafficPath } from '../../../shared/network/networkPaths';
import { pathsThrough } from '../../../shared/network/networkPaths';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { ForwardButton } from '../portforward/ForwardDialog';
import type { DetailsTarget } from '../details/detailsTarget';
import { LogsButton, NetworkNode } from './NetworkNode';
import { useNetworkPaths } from './useNetworkPaths';
import './network.css';

type Path = TrafficPath & { namespace: string };

/**
 * Where traffic goes, one row per path, left to right: external addresses → Ingress rule or Gateway
 * listener → route → Service (ports, endpoints) → Pods. A path where traffic would stop is red, with
 * the reason. `via` (Kind/name) narrows it to the paths through one Service, Ingress, Gateway or route.
 */
export function NetworkView({ context, namespace, via, onSelect }: { context: string; namespace?: string; via?: string; onSelect(t: DetailsTarget): void }) {
  const data = useNetworkPaths(context, namespace);
  const [onlyStopped, setOnlyStopped] = useState(false);
  const shown = useMemo(() => {
    let list = data.paths as Path[];
    if (via) {
      const [kind, name] = via.split('/');
      list = pathsThrough(list, { kind, name }) as Path[];
    }
    return onlyStopped ? list.filter((p) => p.stops.length > 0) : list;
  }, [data.paths, via, onlyStopped]);
  const stopped = shown.filter((p) => p.stops.length > 0).length;
  return (
    <div className="net-view" data-testid="network-view">
      <header className="net-header">
        <h2>Network</h2>
        <span className="muted">{namespace ? `namespace ${namespace}` : 'all namespaces'}{via ? ` · through ${via}` : ''}</span>
        <FreshnessBadge freshness={data.freshness} />
        <span className={stopped ? 'net-count-stop' : 'muted'} data-testid="network-stopped">{shown.length} paths, {stopped} where traffic stops</span>
        <label className="net-filter"><input type="checkbox" checked={onlyStopped} onChange={(e) => setOnlyStopped(e.target.checked)} /> only where traffic stops</label>
      </header>
      {data.forbiddenKinds.length > 0 && <div className="muted net-note" data-testid="network-forbidden">Not permitted to list {data.forbiddenKinds.join(', ')}: paths through them are missing or unchecked.</div>}
      <div className="net-columns net-row net-head-row" aria-hidden="true">
        <span>Addresses</span><span>Ingress / Gateway</span><span>Route</span><span>Service</span><span>Pods</span>
      </div>
      {!data.ready && <div className="empty">Loading…</div>}
      {data.ready && shown.length === 0 && <div className="empty">No Services here.</div>}
      <div className="net-rows">
        {shown.map((p) => <PathRow key={p.id} p={p} context={context} onSelect={onSelect} />)}
      </div>
      <output hidden data-testid="network-paths">{JSON.stringify(shown.map((p) => ({ id: p.id, entry: p.entry.kind, stops: p.stops.map((s) => s.code), service: p.service.name, pods: p.service.pods.map((x) => x.name) })))}</output>
    </div>
  );
}

function PathRow({ p, context, onSelect }: { p: Path; context: string; onSelect(t: DetailsTarget): void }) {
  const stop = p.stops.length > 0;
  const svc = p.service;
  const hasSelector = svc.pods.length > 0 || p.stops.some((s) => s.code === 'selector-matches-nothing');
  return (
    <section className={`net-path ${stop ? 'net-path-stop' : ''}`} data-testid={`net-path-${p.id}`} data-state={stop ? 'stop' : 'ok'} aria-label={`Path ${p.id}`}>
      <div className="net-columns net-row">
        <div className="net-cell">
          {p.addresses.length > 0
            ? p.addresses.map((a) => <div key={a} className="net-address" data-testid="net-address">{a}</div>)
            : !p.requested && <div className="muted net-address-none">{p.entry.kind === 'Service' ? 'in-cluster only' : 'no address'}</div>}
          {p.requested?.map((a) => <div key={a} className="muted net-address-none" title="spec.addresses: requested, not assigned by any controller">asks {a}, not assigned</div>)}
        </div>
        <div className="net-cell">
          {p.entry.kind !== 'Service'
            ? <NetworkNode kind={p.entry.kind} name={p.entry.name} namespace={p.namespace} uid={p.entry.uid} onSelect={onSelect}
              state={p.stops.some((s) => s.code.startsWith('ingress') || s.code.startsWith('gateway')) ? 'stop' : 'ok'}
              lines={[<span className="net-mono">{p.via}</span>]} testId="net-entry" />
            : <span className="net-arrow muted">—</span>}
        </div>
        <div className="net-cell">
          {p.route
            ? <NetworkNode kind={p.route.kind} name={p.route.name} namespace={p.namespace} uid={p.route.uid} onSelect={onSelect}
              state={p.stops.some((s) => s.code === 'route-not-accepted') ? 'stop' : 'ok'}
              lines={[p.weight !== undefined ? <span>weight {p.weight}%</span> : null]} testId="net-route" />
            : <span className="net-arrow muted">—</span>}
        </div>
        <div className="net-cell">
          <NetworkNode kind="Service" name={svc.name} namespace={p.namespace} uid={svc.uid} onSelect={onSelect} testId="net-service"
            state={p.stops.some((s) => ['backend-missing', 'service-port-missing', 'selector-matches-nothing', 'target-port-unexposed', 'no-ready-endpoints'].includes(s.code)) ? 'stop' : 'ok'}
            lines={[
              svc.uid ? <span>{svc.type}{p.servicePort !== undefined ? ` · via port ${p.servicePort}` : ''}</span> : <span>missing</span>,
              ...svc.ports.map((sp) => <span className="net-mono">{sp.name ? `${sp.name} ` : ''}{sp.port}→{String(sp.targetPort)}{sp.nodePort ? ` (node ${sp.nodePort})` : ''}/{sp.protocol}</span>),
              svc.uid ? <span data-testid="net-endpoints">endpoints {svc.ready} ready, {svc.notReady} not ready</span> : null,
            ]}>
            {svc.uid && svc.ports.filter((sp) => sp.protocol === 'TCP').slice(0, 2).map((sp) => hasSelector
              ? <ForwardButton key={sp.port} target={{ context, namespace: p.namespace, service: svc.name, port: sp.port, portName: sp.name }} />
              : <button key={sp.port} type="button" disabled title="No selector: port-forward needs pods the Service selects.">Forward…</button>)}
          </NetworkNode>
        </div>
        <div className="net-cell net-pods">
          {svc.pods.length === 0 && <span className="muted">no pods</span>}
          {svc.pods.map((pod) => {
            const port = Object.values(pod.targetPorts).find((n): n is number => n !== undefined);
            return (
              <NetworkNode key={pod.uid} kind="Pod" name={pod.name} namespace={p.namespace} uid={pod.uid} onSelect={onSelect} testId="net-pod"
                state={pod.endpoint === 'ready' ? 'ok' : 'stop'}
                lines={[<span>{pod.endpoint === 'ready' ? 'ready' : pod.endpoint === 'not-ready' ? 'not ready' : 'not in endpoints'}{pod.node ? ` · ${pod.node}` : ''}</span>,
                  <span className="net-mono">{Object.entries(pod.targetPorts).map(([k, v]) => `${k}→${v ?? 'none'}`).join(' ')}</span>]}>
                <LogsButton pod={pod.name} namespace={p.namespace} uid={pod.uid} />
                {port !== undefined && <ForwardButton target={{ context, namespace: p.namespace, pod: pod.name, port }} />}
              </NetworkNode>
            );
          })}
        </div>
      </div>
      {stop && (
        <ul className="net-stops" data-testid="net-stops">
          {p.stops.map((s, i) => <li key={i} data-code={s.code}>Traffic stops: {s.reason}</li>)}
        </ul>
      )}
    </section>
  );
}
