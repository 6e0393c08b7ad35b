import { useEffect, useRef, useState } from 'react';
import { CREATE_ENTRIES, type CreateFormId } from '../../../shared/create/createKinds';
import { CreateDialog } from './CreateDialog';
import { useCreateAccess } from './useCreateAccess';
import { useCreateRequest } from './createRequests';
import '../actions/actions.css';
import './create.css';

/**
 * The top bar's "New ▾": one entry per `kubectl create` form, each disabled with the reason when RBAC
 * forbids creating that kind here. The command palette's `:new` opens the same dialog.
 */
export function NewMenu({ context, namespace }: { context: string; namespace?: string }) {
  const access = useCreateAccess(context, namespace);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<CreateFormId | 'chooser'>();
  const [request, takeRequest] = useCreateRequest();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!request) return;
    takeRequest();
    setOpen(false);
    setForm(request.form ?? 'chooser');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.seq]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(false); };
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('mousedown', onDown); document.removeEventListener('keydown', onKey); };
  }, [open]);

  return (
    <div className="act-menu-wrap new-menu-wrap" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="new-button" title="Create an object from a form, like kubectl create">
        New <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="act-menu" role="menu" aria-label="New object">
          {CREATE_ENTRIES.map((e) => {
            const v = access[e.id];
            return (
              <button key={e.id} type="button" role="menuitem" className="act-item" disabled={!v?.allowed} title={v?.allowed ? e.command : v?.reason}
                onClick={() => { setOpen(false); setForm(e.id); }} data-testid={`new-${e.id}`}>
                <span>{e.label}</span>
                {!v?.allowed && <small className="act-why">{v?.reason}</small>}
              </button>
            );
          })}
        </div>
      )}
      {form && <CreateDialog context={context} namespace={namespace} initial={form === 'chooser' ? undefined : form} access={access} onClose={() => setForm(undefined)} />}
    </div>
  );
}
