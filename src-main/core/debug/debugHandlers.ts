import type { Core } from '../core';
import type { Handlers } from '../../transport/contractSession';
import { addDebugContainer, endNodeShell, startNodeShell } from './debugPods';

/** Debug containers and node shells (`kubectl debug`); the shell itself is the terminal's exec session. */
export function debugHandlers(core: Core): Handlers {
  return {
    methods: {
      'debug.addContainer': async (p) => addDebugContainer(core.connection(p.context).http, p),
      'debug.nodeShell': async (p) => startNodeShell(core.connection(p.context).http, p),
      'debug.endNodeShell': async (p) => endNodeShell(core.connection(p.context).http, p),
    },
    topics: {},
  };
}
