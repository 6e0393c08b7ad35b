import { useEffect, useRef } from 'react';
import { useActivity } from '../activity/useActivity';

/**
 * helm's output so far, while it runs: the action's running entry in the activity log (the same text
 * the Activity panel shows), so a long `--wait` says what it waits for where the user is looking.
 */
export function HelmProgress({ context, namespace, name, action }: { context: string; namespace: string; name: string; action: 'upgrade' | 'rollback' | 'uninstall' }) {
  const { entries } = useActivity(context);
  const running = entries.find((e) => e.outcome === 'running' && !e.dryRun && e.action === `helm ${action}` && e.namespace === namespace && e.target === `release ${name}`);
  // Below a long preview it would sit out of sight: keep it in view, its newest line showing.
  const ref = useRef<HTMLDivElement>(null);
  const pre = useRef<HTMLPreElement>(null);
  const text = running?.message;
  useEffect(() => {
    if (text === undefined) return;
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [text]);
  if (!running) return null;
  return (
    <div className="helm-progress" ref={ref}>
      <h3>helm is working <span className="muted">(its output so far, also in Activity)</span></h3>
      <pre ref={pre} className="yaml helm-output" data-testid="helm-progress">{running.message}</pre>
    </div>
  );
}
