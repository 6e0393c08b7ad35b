import type { Core, CoreState } from '../core';
import type { Handlers } from '../handlers';
import { addDebugContainer, endNodeShell, startNodeShell } from './debugPods';

type OpenShell = { context: string; namespace: string; pod: string };

/** Node shells started by a core and not yet ended, by context/namespace/pod. */
const OPEN_SHELLS: CoreState<Map<string, OpenShell>> = {
  name: 'node shells',
  create: (core) => {
    const created = new Map<string, OpenShell>();
    // A node shell's pod exists for its session: when the app stops with one still open, it goes too.
    core.onDispose.push(async () => {
      await Promise.allSettled([...created.values()].map((s) => endNodeShell(core.connection(s.context).http, s)));
    });
    return created;
  },
};

const shellsOf = (core: Core) => core.state(OPEN_SHELLS);

/** Debug containers and node shells (`kubectl debug`); the shell itself is the terminal's exec session. */
export function debugHandlers(core: Core): Handlers {
  const shells = shellsOf(core);
  const key = (p: { context: string; namespace: string; pod: string }) => `${p.context}\n${p.namespace}\n${p.pod}`;
  return {
    methods: {
      'debug.addContainer': async (p) => addDebugContainer(core.connection(p.context).http, p),
      'debug.nodeShell': async (p) => {
        const r = await startNodeShell(core.connection(p.context).http, p);
        shells.set(key({ context: p.context, ...r }), { context: p.context, namespace: r.namespace, pod: r.pod });
        return r;
      },
      'debug.endNodeShell': async (p) => {
        shells.delete(key(p));
        if (p.keep) return { deleted: false, message: `Kept node shell pod ${p.namespace}/${p.pod}.` };
        return endNodeShell(core.connection(p.context).http, p);
      },
    },
    topics: {},
  };
}
