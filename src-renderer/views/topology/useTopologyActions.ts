import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { ScalableKind } from '../../../shared/contract/actions';
import { isScaleTarget } from '../../../shared/model/kinds';
import { useClient } from '../../data/clientContext';
import { scaleQuestion } from '../actions/scaleSafety';
import { paragraphs, useConfirm } from '../actions/useConfirm';
import { useRunAction } from '../actions/useRunAction';
import type { TopologyActions } from './TopologyCards';
import { toggled } from './useTopologyScope';

type SetOfIds = Dispatch<SetStateAction<ReadonlySet<string>>>;

/**
 * What a card's controls do: unfold old ReplicaSets or pods, and scale (asking first where the scale
 * rule says to, through the app's one action runner and confirmation). A scale warning stays on the
 * canvas until dismissed.
 */
export function useTopologyActions(context: string, setExpandedRs: SetOfIds, setExpandedGroups: SetOfIds) {
  const client = useClient();
  const [actionError, setActionError] = useState<{ message: string; warning?: boolean }>();
  const { run, error: runError, clearError: clearRunError } = useRunAction();
  const { ask, dialog: confirmDialog } = useConfirm();

  const actions = useMemo<TopologyActions>(() => ({
    toggleOldReplicaSets: (uid) => setExpandedRs((s) => toggled(s, uid)),
    togglePods: (uid) => setExpandedGroups((s) => toggled(s, uid)),
    scale: async (o, replicas, from, autoscaled) => {
      const namespace = o.namespace;
      if (!namespace || !isScaleTarget(o.kind, o.ownerReferences)) return;
      const q = scaleQuestion({ kind: o.kind, name: o.name, from, to: replicas, autoscalers: !!autoscaled });
      if (q && !(await ask({ ...q, body: paragraphs(q.body), testId: 'scale-confirm-dialog' }))) throw new Error('cancelled');
      setActionError(undefined);
      const r = await run('Scale', () => client.request('actions.scale', { context, namespace, kind: o.kind as ScalableKind, name: o.name, replicas, dryRun: false }),
        (r) => ({ tone: r.warnings.length ? 'warn' : 'ok', title: `${r.message}: ${r.previousReplicas} → ${r.replicas}`, text: r.warnings.join(' ') || undefined }), { toast: false });
      if (!r) throw new Error('scale failed');
      if (r.warnings.length > 0) setActionError({ message: r.warnings.join(' '), warning: true });
    },
  }), [client, context, ask, run, setExpandedRs, setExpandedGroups]);

  const dismiss = () => { setActionError(undefined); clearRunError(); };
  return { actions, actionError, runError, dismiss, confirmDialog };
}
