import { useActivity } from '../activity/useActivity';

/**
 * helm's output so far, while it runs: the action's running entry in the activity log (the same text
 * the Activity panel shows), so a long `--wait` says what it waits for where the user is looking.
 */
export function HelmProgress({ context, namespace, name, action }: { context: string; namespace: string; name: string; action: 'upgrade' | 'rollback' | 'uninstall' }) {
  const { entries } = useActivity(context);
  const running = entries.find((e) => e.outcome === 'running' && !e.dryRun && e.action === `helm ${action}` && e.namespace === namespace && e.target === `release ${name}`);
  if (!running) return null;
  return (
    <div className="helm-progress">
      <h3>helm is working <span className="muted">(its output so far, also in Activity)</span></h3>
      <pre className="yaml helm-output" data-testid="helm-progress">{running.message}</pre>
    </div>
  );
}
