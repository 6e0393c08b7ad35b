import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { DetailsTarget } from '../details/detailsTarget';
import type { RolloutKind, ScalableKind } from '../../../shared/contract/actions';
import { YamlEditor } from '../editor/YamlEditor';
import { ExposeDialog } from '../create/ExposeDialog';
import { actionsFor, stateBlock, type ObjectActionId } from '../../../shared/actions/actionAccess';
import { useActionAccess } from './useActionAccess';
import { useAutoscalers } from './useAutoscalers';
import { useRunAction } from './useRunAction';
import { ScaleDialog } from './ScaleDialog';
import { DeleteDialog } from './DeleteDialog';
import { DrainDialog } from './DrainDialog';
import { ConfirmDialog, RestartExplanation } from './ConfirmDialog';
import { useActionRequest } from './actionRequests';
import { useToasts } from '../../components/Toasts';
import { DebugDialog } from '../debug/DebugDialog';
import { defaultContainerName } from '../../../shared/model/podContainers';
import './actions.css';

const LABEL: Record<ObjectActionId, string> = {
  scale: 'Scale…', restart: 'Restart…', pause: 'Pause rollout', resume: 'Resume rollout', edit: 'Edit YAML…', expose: 'Expose…', delete: 'Delete…',
  cordon: 'Cordon', uncordon: 'Uncordon', drain: 'Drain…', debug: 'Debug…', nodeShell: 'Node shell…',
};

/**
 * The actions menu of the details header: what this kind of object offers, each checked against RBAC
 * first (disabled with the reason when forbidden). Results go to a toast; the core records each in
 * the activity log.
 */
export function ObjectActions({ context, target, obj, onSelect, autoOpen, onDialogClosed }: {
  context: string; target: DetailsTarget; obj: any; onSelect?(t: DetailsTarget): void; autoOpen?: boolean;
  /** An action's dialog ended (done or cancelled): a row menu that opened it has served. */
  onDialogClosed?(): void;
}) {
  const client = useClient();
  const kind: string | undefined = obj?.kind;
  const actions = actionsFor(kind, obj);
  const ref = { group: target.group, resource: target.resource, namespace: target.namespace, name: target.name };
  const access = useActionAccess(context, ref, actions);
  const autoscalers = useAutoscalers(context, target.namespace, kind, target.name);
  const { busy, run, error, clearError } = useRunAction();
  const [open, setOpen] = useState(!!autoOpen);
  const [dialog, setDialog] = useState<ObjectActionId>();
  const [scaleTo, setScaleTo] = useState<number>();
  const toasts = useToasts();
  const [request, takeRequest] = useActionRequest(target.uid || obj?.metadata?.uid);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => { if (!menuRef.current?.contains(e.target as Node)) setOpen(false); };
    // Keyboard: the first enabled item takes focus; ↑/↓ move between items (WAI-ARIA menu pattern), Esc closes.
    const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    items()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); menuRef.current?.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.focus(); return; }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const list = items();
      if (!list.length) return;
      e.preventDefault();
      const at = list.indexOf(document.activeElement as HTMLButtonElement);
      list[(at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length].focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => { document.removeEventListener('mousedown', onDown); document.removeEventListener('keydown', onKey, true); };
  }, [open]);

  const ns = target.namespace ?? '';
  const name = target.name;
  const workload = { context, namespace: ns, kind: kind as RolloutKind, name };

  const choose = (a: ObjectActionId) => {
    setOpen(false);
    if (a === 'pause') void run('Pause', () => client.request('actions.rolloutPause', workload), (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }));
    else if (a === 'resume') void run('Resume', () => client.request('actions.rolloutResume', workload), (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }));
    else if (a === 'cordon') void run('Cordon', () => client.request('actions.cordon', { context, node: name }), (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }));
    else if (a === 'uncordon') void run('Uncordon', () => client.request('actions.uncordon', { context, node: name }), (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }));
    else { clearError(); setDialog(a); }
  };
  const close = () => { setDialog(undefined); setScaleTo(undefined); clearError(); onDialogClosed?.(); };

  const disabledReason = (a: ObjectActionId): string | undefined => {
    const v = access[a];
    if (!v?.allowed) return v?.reason ?? 'Checking permissions…';
    return stateBlock(a, obj);
  };

  // An action asked for from elsewhere (the command palette): the same checks as a click, then the same dialog.
  useEffect(() => {
    const a = request?.action;
    if (!request || !a) return;
    if (!actions.includes(a)) { takeRequest(request); toasts.push({ tone: 'warn', title: `${LABEL[a].replace('…', '')} is not an action of ${kind ?? 'this object'} ${name}` }); return; }
    if (access[a]?.pending) return;
    takeRequest(request);
    const why = disabledReason(a);
    if (why) { toasts.push({ tone: 'bad', title: `${LABEL[a].replace('…', '')}: not possible`, text: why }); return; }
    setScaleTo(request.replicas);
    choose(a);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.seq, access]);

  return (
    <div className="act-menu-wrap" ref={menuRef}>
      <button type="button" className="act-menu-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} disabled={busy} title={busy ? 'An action on this object is running' : undefined} data-testid="actions-menu">
        {busy ? 'Working…' : 'Actions'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="act-menu" role="menu" aria-label={`Actions on ${name}`}>
          {actions.map((a) => {
            const why = disabledReason(a);
            return (
              <button key={a} type="button" role="menuitem" className={`act-item${a === 'delete' || a === 'drain' ? ' act-item-danger' : ''}`}
                disabled={!!why} title={why} onClick={() => choose(a)} data-testid={`action-${a}`}>
                <span>{LABEL[a]}</span>
                {why && <small className="act-why">{why}</small>}
                {!why && a === 'scale' && autoscalers.length > 0 && <small className="act-why act-why-warn">HPA {autoscalers.map((h) => h.name).join(', ')} manages replicas</small>}
              </button>
            );
          })}
        </div>
      )}

      {dialog === 'scale' && kind && (
        <ScaleDialog kind={kind} name={name} namespace={target.namespace} current={Number(obj?.spec?.replicas ?? 1)} initial={scaleTo} autoscalers={autoscalers} busy={busy} error={error} onClose={close} onSelect={onSelect}
          onScale={(replicas) => void run('Scale', () => client.request('actions.scale', { context, namespace: ns, kind: kind as ScalableKind, name, replicas }),
            (r) => ({ tone: r.warnings.length ? 'warn' : 'ok', title: `${r.message}: ${r.previousReplicas} → ${r.replicas}`, text: r.warnings.join(' ') || undefined })).then((r) => { if (r) close(); })} />
      )}
      {dialog === 'restart' && (
        <ConfirmDialog title={`Restart ${kind} ${name}`} confirm="Restart" busy={busy} error={error} onClose={close} testId="restart-dialog"
          onConfirm={() => void run('Restart', () => client.request('actions.rolloutRestart', workload), (r) => ({ tone: 'ok', title: r.message })).then((r) => { if (r) close(); })}>
          <RestartExplanation name={name} />
        </ConfirmDialog>
      )}
      {dialog === 'delete' && kind && (
        <DeleteDialog context={context} kind={kind} name={name} namespace={target.namespace} busy={busy} error={error} onClose={close}
          onDelete={(propagationPolicy) => void run('Delete', () => client.request('actions.delete', {
            context, group: target.group, version: target.version, resource: target.resource, ...(target.namespace ? { namespace: target.namespace } : {}), name, propagationPolicy,
          }), (r) => ({ tone: 'ok', title: r.message })).then((r) => { if (r) close(); })} />
      )}
      {dialog === 'drain' && <DrainDialog context={context} node={name} onClose={close} />}
      {dialog === 'edit' && <YamlEditor context={context} target={target} onClose={close} />}
      {dialog === 'debug' && <DebugDialog context={context} onClose={close}
        target={{ kind: 'pod', namespace: ns, pod: name, containers: (obj?.spec?.containers ?? []).map((c: any) => String(c?.name)), defaultTarget: defaultContainerName(obj) }} />}
      {dialog === 'nodeShell' && <DebugDialog context={context} onClose={close} target={{ kind: 'node', node: name }} />}
      {dialog === 'expose' && <ExposeDialog context={context} obj={obj} onClose={close} />}
    </div>
  );
}
