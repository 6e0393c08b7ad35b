import type { ReactNode } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { nodeFacts } from './objectModel';
import { KeyValues, Section } from './bits';
import { formatCpu, formatMemory, quantityNumber, podResources } from '../../../shared/model/quantity';
import type { DetailsTarget } from './detailsTarget';

/** kubectl describe node's field selector for the pods that count against the node. */
export const nodePodsSelector = (node: string) => `spec.nodeName=${node},status.phase!=Succeeded,status.phase!=Failed`;

function fmt(resource: string, v: number): string {
  return resource === 'cpu' ? formatCpu(v) : resource === 'memory' || resource === 'ephemeral-storage' ? formatMemory(v) : String(v);
}
const pct = (v: number, of: number | undefined) => (of ? ` (${Math.floor((v / of) * 100)}%)` : '');

/**
 * A node as `kubectl describe node` shows it: addresses and capacity, taints, the images it holds, the
 * non-terminated pods on it with their requests and limits, and the allocated totals against allocatable.
 */
export function NodeSections({ context, node, onSelect }: { context: string; node: any; onSelect?(t: DetailsTarget): void }) {
  const name: string = node?.metadata?.name ?? '';
  const pods = useContractQuery('resource.list', name ? { context, group: '', version: 'v1', resource: 'pods', fieldSelector: nodePodsSelector(name) } : undefined, { refetchInterval: 10_000 });
  const list = ((pods.data ?? []) as any[]).slice().sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  const alloc = node?.status?.allocatable ?? {};
  const totals = { requests: {} as Record<string, number>, limits: {} as Record<string, number> };
  for (const p of list) {
    for (const which of ['requests', 'limits'] as const) {
      for (const [r, v] of Object.entries(podResources(p, which))) totals[which][r] = (totals[which][r] ?? 0) + v;
    }
  }
  const allocRows: [string, ReactNode][] = ['cpu', 'memory', 'ephemeral-storage'].map((r) => {
    const a = quantityNumber(alloc[r]);
    const req = totals.requests[r] ?? 0;
    const lim = totals.limits[r] ?? 0;
    return [r, <span className="dp-mono" data-testid={`dp-node-alloc-${r}`} data-requests={req} data-limits={lim}>requests {fmt(r, req)}{pct(req, a)} · limits {fmt(r, lim)}{pct(lim, a)}{a !== undefined ? ` · allocatable ${alloc[r]}` : ''}</span>];
  });
  allocRows.push(['pods', <span className="dp-mono">{list.length} of {alloc.pods ?? '?'}</span>]);
  const images: any[] = node?.status?.images ?? [];
  return (
    <>
      <Section title="Node" testId="dp-node"><KeyValues rows={nodeFacts(node)} /></Section>
      <Section title="Allocated resources" testId="dp-node-allocated">
        {pods.error ? <div className="note note-bad" role="alert">{(pods.error as Error).message}</div> : <KeyValues rows={allocRows} />}
      </Section>
      <Section title={`Non-terminated pods (${pods.data ? list.length : '…'})`} testId="dp-node-pods">
        <table className="dp-table">
          <thead><tr><th>Namespace</th><th>Name</th><th>CPU requests</th><th>CPU limits</th><th>Memory requests</th><th>Memory limits</th></tr></thead>
          <tbody>
            {list.map((p) => {
              const req = podResources(p, 'requests');
              const lim = podResources(p, 'limits');
              const cell = (r: string, v: number | undefined) => (v === undefined ? '0' : `${fmt(r, v)}${pct(v, quantityNumber(alloc[r]))}`);
              const target = { group: '', version: 'v1', resource: 'pods', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid };
              return (
                <tr key={p.metadata.uid} data-testid="dp-node-pod" data-name={p.metadata.name} data-namespace={p.metadata.namespace}>
                  <td className="dp-mono">{p.metadata.namespace}</td>
                  <td className="dp-mono">{onSelect ? <button type="button" className="dp-link" onClick={() => onSelect(target)}>{p.metadata.name}</button> : p.metadata.name}</td>
                  <td className="dp-mono">{cell('cpu', req.cpu)}</td><td className="dp-mono">{cell('cpu', lim.cpu)}</td>
                  <td className="dp-mono">{cell('memory', req.memory)}</td><td className="dp-mono">{cell('memory', lim.memory)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
      {images.length > 0 && (
        <Section title={`Images (${images.length})`} testId="dp-node-images">
          <ul className="dp-list">{images.map((im, i) => <li key={i} className="dp-mono dp-break">{(im.names ?? []).join(', ')}{im.sizeBytes ? <span className="muted"> · {formatMemory(im.sizeBytes)}</span> : null}</li>)}</ul>
        </Section>
      )}
    </>
  );
}
