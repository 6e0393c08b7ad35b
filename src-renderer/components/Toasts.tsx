import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import './toasts.css';

export type ToastTone = 'ok' | 'warn' | 'bad';
export interface ToastInput { tone: ToastTone; title: string; text?: string }
interface Toast extends ToastInput { id: number }

interface ToastApi { push(t: ToastInput): void }

const ToastCtx = createContext<ToastApi | null>(null);
/** Outside a provider (a standalone dev view) toasts go nowhere; the action's own notice still shows. */
const NOWHERE: ToastApi = { push: () => {} };

const LIFETIME: Record<ToastTone, number> = { ok: 6_000, warn: 10_000, bad: 15_000 };
const MAX_SHOWN = 5;

export function useToasts(): ToastApi {
  return useContext(ToastCtx) ?? NOWHERE;
}

/**
 * Results and errors of actions, stacked bottom-right; each fades after a while or on ×. Text only.
 * They stay under an open modal dialog (which shows its own outcome inline) so they never cover its buttons.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback((t: ToastInput) => {
    const id = next.current++;
    setToasts((ts) => [...ts, { ...t, id }].slice(-MAX_SHOWN));
    setTimeout(() => dismiss(id), LIFETIME[t.tone]);
  }, [dismiss]);
  const api = useMemo(() => ({ push }), [push]);
  return (
    <ToastCtx.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'bad' ? 'alert' : 'status'} data-testid="toast" data-tone={t.tone}>
            <div className="toast-body">
              <div className="toast-title">{t.title}</div>
              {t.text && <div className="toast-text">{t.text}</div>}
            </div>
            <button type="button" className="toast-close" onClick={() => dismiss(t.id)} aria-label="Dismiss">×</button>
          </div>
        ))}
      </div>
    </ToastCtx.Provider>
  );
}
