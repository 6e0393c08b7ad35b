import { z } from 'zod';

const name = z.string().min(1).max(253);
const image = z.string().min(1).max(512).regex(/^\S+$/, 'an image reference has no spaces');

/** `kubectl debug -it pod/x --image=IMG --target=C` (profile general), and a node shell like `kubectl debug node/x`. */
export const debugMethods = {
  /** Adds the ephemeral container and waits (up to `timeoutSeconds`) until it runs. */
  'debug.addContainer': {
    params: z.object({ context: z.string().min(1), namespace: name, pod: name, image, target: name.optional(), timeoutSeconds: z.number().int().min(1).max(600).optional() }),
    result: z.object({ container: z.string(), spec: z.record(z.string(), z.unknown()) }),
  },
  /** Creates the node-debugger pod (namespace `default` unless given) and waits until it runs. */
  'debug.nodeShell': {
    params: z.object({ context: z.string().min(1), node: name, image, namespace: name.optional(), timeoutSeconds: z.number().int().min(1).max(600).optional() }),
    result: z.object({ namespace: z.string(), pod: z.string(), container: z.string() }),
  },
  /**
   * Ends a node shell: deletes its node-debugger pod (and only such a pod: its name and kubectl-debug
   * label), or with `keep` leaves it. A shell the renderer never ended is deleted when the core stops.
   */
  'debug.endNodeShell': {
    params: z.object({ context: z.string().min(1), namespace: name, pod: name, keep: z.boolean().optional() }),
    result: z.object({ deleted: z.boolean(), message: z.string() }),
  },
} as const;
