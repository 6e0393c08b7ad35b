import { useEffect, useRef, useState } from 'react';
import { useContractQuery } from '../../data/clientContext';
import type { DetailsTarget } from '../details/detailsTarget';
import { ObjectActions } from './ObjectActions';
import { ForwardDialog, type ForwardTarget } from '../portforward/ForwardDialog';
import { NamespaceStarMenuItem } from '../../app/NamespaceStar';
import './actions.css';

/** The ports a pod (its containers') or a Service (its own) can be port-forwarded on. */
function forwardTargets(context: string, obj: any): ForwardTarget[] {
  const ns = obj?.metadata?.namespace;
  const name = obj?.metadata?.name;
  if (!ns || !name) return [];
  if (obj.kind === 'Pod' && obj.status?.phase === 'Running') {
    return (obj.spec?.containers ?? []).flatMap((c: any) => (c.ports ?? []).filter((p: any) => (p.protocol ?? 'TCP') === 'TCP' && Number.isInteger(p.containerPort))
      .map((p: any) => ({ context, namespace: ns, pod: name, port: p.containerPort, ...(p.name ? { portName: p.name } : {}) })));
  }
  if (obj.kind === 'Service' && Object.keys(obj.spec?.selector ?? {}).length > 0) {
    return (obj.spec?.ports ?? []).filter((p: any) => (p.protocol ?? 'TCP') === 'TCP' && Number.isInteger(p.port))
      .map((p: any) => ({ context, namespace: ns, service: name, port: p.port, ...(p.name ? { portName: p.name } : {}) }));
  }
  return [];
}

/**
 * The right-click menu of a table row: the object's actions (the details header's menu, with the same
 * RBAC checks and dialogs), and for pods and Services a port-forward per port. Opened at the pointer.
 */
export function RowMenu({ context, target, x, y, onOpenDetails, onClose }: {
  context: string; target: DetailsTarget; x: number; y: number; onOpenDetails(): void; onClose(): void;
}) {
  const q = useContractQuery('resource.get', { context, group: target.group, version: target.version, resource: target.resource, namespace: target.namespace, name: target.name }, { staleTime: 0, retry: false });
  const ref = useRef<HTMLDivElement>(null);
  const [forward, setForward] = useState<ForwardTarget>();
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      // A dialog opened from the menu belongs to it; clicks elsewhere close the menu.
      if (ref.current?.contains(e.target as Node) || ref.current?.querySelector('dialog[open]')) return;
      onClose();
    };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape' && !ref.current?.querySelector('dialog[open]')) onClose(); };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('mousedown', onDown); document.removeEventListener('keydown', onKey); };
  }, [onClose]);
  const left = Math.min(x, window.innerWidth - 260);
  const top = Math.min(y, window.innerHeight - 120);
  const forwards = forwardTargets(context, q.data);
  return (
    <div className="row-menu" ref={ref} style={{ left, top }} role="menu" aria-label={`${target.name}`} data-testid="row-menu">
      <div className="row-menu-title mono" title={target.name}>{target.name}</div>
      <button type="button" role="menuitem" className="act-item" onClick={() => { onOpenDetails(); onClose(); }} data-testid="row-menu-details">Open details</button>
      {target.resource === 'namespaces' && !target.group && <NamespaceStarMenuItem context={context} namespace={target.name} onDone={onClose} />}
      {forwards.map((f) => (
        <button key={f.port} type="button" role="menuitem" className="act-item" onClick={() => setForward(f)} data-testid={`row-menu-forward-${f.port}`}>
          Port-forward {f.port}{f.portName ? ` (${f.portName})` : ''}…
        </button>
      ))}
      {q.error && <div className="note note-bad">{(q.error as Error).message}</div>}
      {q.data && <ObjectActions context={context} target={target} obj={q.data} autoOpen onDialogClosed={onClose} />}
      {!q.data && !q.error && <div className="muted row-menu-loading">Loading actions…</div>}
      {forward && <ForwardDialog target={forward} onClose={() => { setForward(undefined); onClose(); }} />}
    </div>
  );
}
