// A pod's containers as exec and logs offer them: regular, init and ephemeral, and which one is the
// default. kubectl picks the container named by the kubectl.kubernetes.io/default-container annotation
// when it exists in the pod, else the first regular container (kubectl's podcmd.FindOrDefaultContainerByName).

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export interface ContainerChoice {
  name: string;
  kind: 'app' | 'init' | 'ephemeral';
  isDefault: boolean;
  /** running / waiting / terminated, from the status (undefined: no status yet). */
  state?: 'running' | 'waiting' | 'terminated';
}

interface PodLike {
  metadata?: { annotations?: Record<string, string> };
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[] };
  status?: { containerStatuses?: StatusLike[]; initContainerStatuses?: StatusLike[]; ephemeralContainerStatuses?: StatusLike[] };
}
interface StatusLike { name: string; state?: { running?: unknown; waiting?: unknown; terminated?: unknown } }

function stateOf(s: StatusLike | undefined): ContainerChoice['state'] {
  if (!s?.state) return undefined;
  if (s.state.running) return 'running';
  if (s.state.terminated) return 'terminated';
  if (s.state.waiting) return 'waiting';
  return undefined;
}

/** The default container's name, as kubectl exec/logs choose it. */
export function defaultContainerName(pod: PodLike | undefined): string | undefined {
  const spec = pod?.spec ?? {};
  const annotated = pod?.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  return spec.containers?.[0]?.name;
}

/** Every container of the pod, regular first, then init, then ephemeral, the default marked. */
export function containerChoices(pod: PodLike | undefined): ContainerChoice[] {
  const spec = pod?.spec ?? {};
  const st = pod?.status ?? {};
  const def = defaultContainerName(pod);
  const byName = (list: StatusLike[] | undefined) => new Map((list ?? []).map((s) => [s.name, s]));
  const groups: [ContainerChoice['kind'], { name: string }[] | undefined, Map<string, StatusLike>][] = [
    ['app', spec.containers, byName(st.containerStatuses)],
    ['init', spec.initContainers, byName(st.initContainerStatuses)],
    ['ephemeral', spec.ephemeralContainers, byName(st.ephemeralContainerStatuses)],
  ];
  const out: ContainerChoice[] = [];
  for (const [kind, list, statuses] of groups) {
    for (const c of list ?? []) {
      if (!c?.name) continue;
      const choice: ContainerChoice = { name: c.name, kind, isDefault: c.name === def };
      const s = stateOf(statuses.get(c.name));
      if (s) choice.state = s;
      out.push(choice);
    }
  }
  return out;
}

/** "web (default)", "setup (init, terminated)", "debugger-x (ephemeral)". */
export function containerLabel(c: ContainerChoice): string {
  const notes = [c.isDefault ? 'default' : '', c.kind === 'app' ? '' : c.kind, c.state && c.state !== 'running' ? c.state : ''].filter(Boolean);
  return notes.length ? `${c.name} (${notes.join(', ')})` : c.name;
}
