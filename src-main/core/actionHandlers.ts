import type { Core } from './core';
import type { Handlers } from './handlers';
import { toContractError } from './cluster/apiError';
import { activityLogOf } from './actions/activityLog';
import { applyManifest } from './actions/apply';
import { cordonNode, uncordonNode } from './actions/cordon';
import { deleteObject } from './actions/deleteObject';
import { drainNode, planDrain } from './actions/drain';
import { replaceObject } from './actions/replaceObject';
import { rolloutHistory } from './actions/rolloutHistory';
import { rolloutPause, rolloutResume } from './actions/rolloutPause';
import { rolloutRestart } from './actions/rolloutRestart';
import { watchRolloutStatus } from './actions/rolloutStatusWatch';
import { rolloutUndo } from './actions/rolloutUndo';
import { scaleWorkload } from './actions/scale';

/** Scale, rollouts, delete, node cordon/drain, apply and replace; each recorded in the activity log. */
export function actionHandlers(core: Core): Handlers {
  const log = activityLogOf(core);
  const http = (context: string) => core.connection(context).http;
  const workload = (p: { kind: string; name: string }) => `${p.kind} ${p.name}`;
  const generic = (p: { group: string; resource: string; name: string }) => `${p.resource}${p.group ? `.${p.group}` : ''} ${p.name}`;
  const changed = (r: { changed: boolean; message: string }) => ({ outcome: r.changed ? 'ok' as const : 'skipped' as const, message: r.message });

  return {
    methods: {
      'actions.scale': (p) => log.track({ ...p, action: 'scale', target: workload(p) },
        () => scaleWorkload(http(p.context), p),
        (r) => ({ outcome: 'ok', message: `${r.message}: ${r.previousReplicas} → ${r.replicas}${r.warnings.length ? ` (${r.warnings.join(' ')})` : ''}` })),
      'actions.rolloutRestart': (p) => log.track({ ...p, action: 'rollout restart', target: workload(p) },
        () => rolloutRestart(http(p.context), p), (r) => ({ outcome: 'ok', message: r.message })),
      'actions.rolloutHistory': (p) => rolloutHistory(http(p.context), p),
      'actions.rolloutUndo': (p) => log.track({ ...p, action: 'rollout undo', target: workload(p) },
        () => rolloutUndo(http(p.context), p),
        (r) => ({ outcome: r.outcome === 'skipped' ? 'skipped' : 'ok', message: r.outcome === 'skipped' ? r.message : `${r.message} to revision ${r.revision}: ${r.summary}` })),
      'actions.rolloutPause': (p) => log.track({ ...p, action: 'rollout pause', target: workload(p) },
        () => rolloutPause(http(p.context), p), changed),
      'actions.rolloutResume': (p) => log.track({ ...p, action: 'rollout resume', target: workload(p) },
        () => rolloutResume(http(p.context), p), changed),
      'actions.delete': (p) => log.track({ ...p, action: `delete (${p.propagationPolicy.toLowerCase()})`, target: generic(p) },
        () => deleteObject(http(p.context), p), (r) => ({ outcome: 'ok', message: r.message })),
      'actions.drainPlan': (p) => planDrain(http(p.context), p.node, p),
      'actions.cordon': (p) => log.track({ ...p, action: 'cordon', target: `node ${p.node}` },
        () => cordonNode(http(p.context), p.node, p), changed),
      'actions.uncordon': (p) => log.track({ ...p, action: 'uncordon', target: `node ${p.node}` },
        () => uncordonNode(http(p.context), p.node, p), changed),
      'actions.apply': (p) => log.track({ context: p.context, namespace: p.namespace, dryRun: p.dryRun, action: p.mode === 'create' ? 'create' : p.force ? 'apply (force)' : 'apply', target: 'manifest' },
        () => applyManifest(http(p.context), p),
        (r) => ({
          outcome: r.ok ? 'ok' : r.results.some((x) => x.outcome === 'conflict') ? 'conflict' : 'error',
          message: r.results.map((x) => x.message).join('; '),
        })),
      'actions.replace': (p) => log.track({ ...p, action: 'replace', target: generic(p) },
        () => replaceObject(http(p.context), p), (r) => ({ outcome: 'ok', message: r.message })),
      'activity.list': async (p) => ({ entries: log.list(p.context) }),
    },
    topics: {
      'actions.drain': (p, sink) => {
        const abort = new AbortController();
        void log.track({ context: p.context, action: 'drain', target: `node ${p.node}` },
          () => drainNode(http(p.context), p.node, {
            force: p.force, ignoreDaemonSets: p.ignoreDaemonSets, deleteEmptyDirData: p.deleteEmptyDirData,
            gracePeriodSeconds: p.gracePeriodSeconds, timeoutMs: p.timeoutSeconds * 1000, retryDelayMs: p.retryDelaySeconds * 1000,
            signal: abort.signal, onEvent: (e) => sink.emit(e),
          }),
          (r) => ({ outcome: r.outcome === 'drained' ? 'ok' : r.outcome === 'failed' ? 'error' : r.outcome, message: r.message }))
          .then(() => sink.end(), (err) => sink.end(toContractError(err)));
        return () => abort.abort();
      },
      'actions.rolloutStatus': (p, sink) => {
        let stop: (() => void) | undefined;
        let closed = false;
        watchRolloutStatus(http(p.context), p, (e) => sink.emit(e)).then(
          (s) => { if (closed) s(); else stop = s; },
          (err) => sink.end(toContractError(err)),
        );
        return () => { closed = true; stop?.(); };
      },
      'activity.watch': (p, sink) => {
        sink.emit({ type: 'snapshot', entries: log.list(p.context) });
        return log.subscribe((entry) => { if (p.context === undefined || entry.context === p.context) sink.emit({ type: 'entry', entry }); });
      },
    },
  };
}
