import { z } from 'zod';

// A kind's schema from the cluster's own OpenAPI v3, for explain, completion and the editor's checks.
// The answer carries only the schemas the kind reaches (its closure), never a whole document.

const SchemaObject = z.record(z.string(), z.unknown());

export const KindSchemaParams = z.object({
  context: z.string().min(1),
  group: z.string().max(253),
  version: z.string().min(1).max(63),
  /** The kind (from an object's `kind`), or the resource (from a table) to find it by, as kubectl explain does. */
  kind: z.string().min(1).max(253).optional(),
  resource: z.string().min(1).max(253).optional(),
}).refine((p) => !!p.kind || !!p.resource, 'name a kind or a resource');
export type KindSchemaParams = z.input<typeof KindSchemaParams>;

export const SchemaUnavailableReason = z.enum(['no-openapi-v3', 'no-group-version', 'too-large', 'unreadable', 'kind-not-found']);
export type SchemaUnavailableReason = z.infer<typeof SchemaUnavailableReason>;

export const KindSchemaResult = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    gvk: z.object({ group: z.string(), version: z.string(), kind: z.string() }),
    /** The server's gitVersion the document was read from. */
    serverVersion: z.string(),
    /** The name of the kind's schema in `document.components.schemas`. */
    rootName: z.string(),
    /** The kind's schema and every schema it reaches, addressed as in the cluster's document. */
    document: z.object({ components: z.object({ schemas: z.record(z.string(), SchemaObject) }) }),
    /** The root keeps unknown fields (x-kubernetes-preserve-unknown-fields): only the fields it names can be checked. */
    preservesUnknownFields: z.boolean(),
  }),
  z.object({ state: z.literal('unavailable'), reason: SchemaUnavailableReason, message: z.string(), detail: z.string().optional() }),
]);
export type KindSchemaResult = z.infer<typeof KindSchemaResult>;

export const schemaMethods = {
  'schema.kind': { params: KindSchemaParams, result: KindSchemaResult },
} as const;
