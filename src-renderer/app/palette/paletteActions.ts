// What the palette offers for one chosen object: the details panel's tabs (details, YAML, logs, shell,
// rollout history for undo), its place in the topology, and the object's own actions (views/actions/actionAccess.ts decides which
// kinds have which), filtered by what was typed; `scale 4` carries its number. Pure.
import { actionsFor, type ObjectActionId } from '../../../shared/actions/actionAccess';
import type { DetailsTabId } from '../../views/actions/actionRequests';
import { topologyKind } from '../../views/topology/topologyKinds';

export interface PaletteAction {
  id: string;
  label: string;
  /** Words it is found by (besides its label). */
  words: string[];
  tab?: DetailsTabId;
  /** Show the object in the topology (selected, its neighbourhood). */
  topology?: true;
  action?: ObjectActionId;
  replicas?: number;
  danger?: boolean;
}

const LOG_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

const ACTION_LABEL: Record<ObjectActionId, [string, string[]]> = {
  scale: ['Scale…', ['replicas']], restart: ['Restart…', ['rollout restart']], pause: ['Pause rollout', []], resume: ['Resume rollout', []],
  edit: ['Edit YAML…', ['e', 'yaml edit']], expose: ['Expose (Service)…', ['service', 'svc']], delete: ['Delete…', ['remove', 'rm']], cordon: ['Cordon', []], uncordon: ['Uncordon', []], drain: ['Drain…', []],
  debug: ['Debug…', ['ephemeral container', 'kubectl debug']], nodeShell: ['Node shell…', ['debug node', 'ssh']],
};

/** Every entry for this object, in the order shown. `obj` is the full object when loaded (paused, unschedulable). */
export function paletteActions(kind: string, obj: unknown): PaletteAction[] {
  const out: PaletteAction[] = [{ id: 'details', label: 'Open details', words: ['overview', 'describe', 'open'], tab: 'overview' }];
  out.push({ id: 'yaml', label: 'Show YAML', words: ['yaml', 'manifest'], tab: 'yaml' });
  if (LOG_KINDS.has(kind)) out.push({ id: 'logs', label: 'Logs', words: ['l', 'logs'], tab: 'logs' });
  if (kind === 'Pod') out.push({ id: 'shell', label: 'Shell', words: ['s', 'exec', 'terminal', 'sh'], tab: 'terminal' });
  if (topologyKind(kind)) out.push({ id: 'topology', label: 'Show in topology', words: ['topology', 'graph', 'focus', 'map'], topology: true });
  if (ROLLOUT_KINDS.has(kind)) out.push({ id: 'undo', label: 'Undo (roll back)…', words: ['rollback', 'history', 'revision'], tab: 'rollout' });
  for (const a of actionsFor(kind, obj)) {
    const [label, words] = ACTION_LABEL[a];
    out.push({ id: a, label, words: [a, ...words], action: a, danger: a === 'delete' || a === 'drain' });
  }
  return out;
}

/**
 * The entries matching what was typed after choosing the object: `scale 4` → Scale with 4 replicas;
 * otherwise entries whose label or words start with the text (all when empty).
 */
export function filterActions(all: readonly PaletteAction[], text: string): PaletteAction[] {
  const t = text.trim().toLowerCase();
  if (!t) return [...all];
  const scale = /^scale\s+(\d+)$/.exec(t);
  if (scale) {
    const s = all.find((a) => a.action === 'scale');
    return s ? [{ ...s, label: `Scale to ${Number(scale[1])}…`, replicas: Number(scale[1]) }] : [];
  }
  return all.filter((a) => a.label.toLowerCase().startsWith(t) || a.id.startsWith(t) || a.words.some((w) => w.startsWith(t)));
}
