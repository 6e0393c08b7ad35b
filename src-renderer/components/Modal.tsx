import { useEffect, useRef, type ReactNode } from 'react';
import './modal.css';
import { useActionCluster } from './actionCluster';

/**
 * A modal dialog on the native <dialog> element (top layer, focus kept inside, Esc closes), so it
 * sits above the details panel and the graph whatever their stacking.
 */
export function Modal({ title, onClose, children, size = 'medium', testId, footer }: {
  title: ReactNode; onClose(): void; children: ReactNode; size?: 'small' | 'medium' | 'large'; testId?: string; footer?: ReactNode;
}) {
  // Several clusters on screen: every dialog about one object says which cluster it acts on, first.
  const cluster = useActionCluster();
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => { closeRef.current = onClose; }, [onClose]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    // showModal focuses the first control (the × button); a field marked data-autofocus is where typing goes.
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (e: Event) => { e.preventDefault(); closeRef.current(); };
    d.addEventListener('cancel', onCancel);
    return () => { d.removeEventListener('cancel', onCancel); if (d.open) d.close(); };
  }, []);
  return (
    <dialog ref={ref} className={`modal modal-${size}`} data-testid={testId} aria-label={typeof title === 'string' ? title : undefined}>
      <header className="modal-head">
        <h2 className="modal-title">{title}</h2>
        <button type="button" className="modal-close" onClick={onClose} aria-label="Close">×</button>
      </header>
      <div className="modal-body">
        {cluster.merged && cluster.context && (
          <div className="modal-cluster" data-testid="dialog-cluster">On cluster <b className="mono">{cluster.context}</b></div>
        )}
        {children}
      </div>
      {footer && <footer className="modal-foot">{footer}</footer>}
    </dialog>
  );
}
