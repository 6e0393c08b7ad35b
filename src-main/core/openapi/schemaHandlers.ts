import type { Core } from '../core';
import type { Handlers } from '../handlers';
import { kindSchema } from './kindSchema';

/** A kind's schema for explain, completion and the editor's checks (read-only: no activity log). */
export function schemaHandlers(core: Core): Handlers {
  return {
    methods: {
      'schema.kind': (p) => kindSchema(core.connection(p.context).http, p),
    },
    topics: {},
  };
}
