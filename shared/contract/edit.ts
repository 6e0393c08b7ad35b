import { z } from 'zod';

// Editing one object like `kubectl edit`: the two-way patch from the text as loaded to the text as
// edited (strategic merge for built-in kinds, JSON merge for custom resources).

const name = z.string().min(1).max(253);

export const EditParams = z.object({
  context: z.string().min(1),
  group: z.string().max(253),
  version: z.string().min(1).max(63),
  resource: z.string().min(1).max(253).regex(/^[a-z0-9][-a-z0-9.]*$/, 'not a valid resource name'),
  namespace: name.optional(),
  name,
  /** The YAML the editor was loaded with (the patch's "original"). */
  loadedYaml: z.string().min(1).max(2_000_000),
  /** The resourceVersion of the object when it was loaded. */
  loadedResourceVersion: z.string().max(64),
  /** The YAML as edited. */
  editedYaml: z.string().min(1).max(2_000_000),
  dryRun: z.boolean().default(false),
  /**
   * The object changed on the server since it was loaded: the core answers `changed` with the newer
   * object instead of writing. Sending that newer resourceVersion here says the user has seen it.
   */
  acceptResourceVersion: z.string().max(64).optional(),
});
export type EditParams = z.input<typeof EditParams>;

export const EditResult = z.object({
  /**
   * patched: written (or would be, for a dry run); unchanged: the edit changes nothing (no request
   * sent); changed: the object changed on the server since it was loaded and nothing was written.
   */
  outcome: z.enum(['patched', 'unchanged', 'changed']),
  message: z.string(),
  patchType: z.enum(['strategic', 'merge']),
  /** The patch as sent (or as it would be sent). */
  patch: z.record(z.string(), z.unknown()),
  /** patched: the object the server stored (or would store); changed: the newer object with the patch applied (a dry run). */
  object: z.record(z.string(), z.unknown()).optional(),
  /** changed: the object as it is now on the server, and its resourceVersion. */
  newer: z.record(z.string(), z.unknown()).optional(),
  newerResourceVersion: z.string().optional(),
});
export type EditResult = z.infer<typeof EditResult>;

export const editMethods = {
  'actions.edit': { params: EditParams, result: EditResult },
} as const;
