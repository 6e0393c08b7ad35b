import type { Core } from '../core';
import type { Handlers } from '../handlers';
import { toContractError } from '../cluster/apiError';
import { appsOf } from './appsService';
import { detectSource } from './renderSource';

/** The Applications contract: add/remove, live state, diff, sync preview and sync. */
export function appsHandlers(core: Core): Handlers {
  const apps = () => appsOf(core);
  return {
    methods: {
      'apps.detect': (p) => detectSource(p.path),
      'apps.add': (p) => apps().add(p),
      'apps.remove': async (p) => ({ removed: apps().remove(p.id) }),
      'apps.diff': (p) => apps().diff(p.id, p.key),
      'apps.preview': (p) => apps().preview(p.id, p),
      'apps.sync': (p) => apps().sync(p.id, p),
    },
    topics: {
      'apps.watchList': (_p, sink) => apps().watchList((list) => sink.emit({ apps: list })),
      'apps.watch': (p, sink) => apps().watch(p.id, (s) => sink.emit(s), (err) => sink.end(toContractError(err))),
    },
  };
}
