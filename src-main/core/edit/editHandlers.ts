import type { Core } from '../core';
import type { Handlers } from '../handlers';
import { activityLogOf } from '../actions/activityLog';
import { editObject } from './editObject';

/** Edit YAML as `kubectl edit` does (a two-way patch), recorded in the activity log. */
export function editHandlers(core: Core): Handlers {
  const log = activityLogOf(core);
  return {
    methods: {
      'actions.edit': (p) => log.track({ context: p.context, namespace: p.namespace, dryRun: p.dryRun, action: 'edit', target: `${p.resource}${p.group ? `.${p.group}` : ''} ${p.name}` },
        () => editObject(core.connection(p.context).http, p),
        (r) => ({ outcome: r.outcome === 'patched' ? 'ok' : r.outcome === 'changed' ? 'conflict' : 'skipped', message: r.message })),
    },
    topics: {},
  };
}
