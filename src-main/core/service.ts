import type { Core } from './core';
import type { Handlers } from './handlers';
import { clusterHandlers } from './clusterHandlers';
import { resourceHandlers } from './resourceHandlers';
import { actionHandlers } from './actionHandlers';
import { streamHandlers } from './streams/streamHandlers';
import { timelineHandlers } from './timeline/timelineHandlers';
import { editHandlers } from './edit/editHandlers';
import { metricsHandlers } from './metrics/metricsHandlers';
import { helmHandlers } from './helm/helmHandlers';
import { appsHandlers } from './apps/appsHandlers';
import { cronJobHandlers } from './actions/cronJobHandlers';
import { debugHandlers } from './debug/debugHandlers';
import { filesHandlers } from './files/filesHandlers';
import { rbacHandlers } from './rbac/rbacHandlers';
import { schemaHandlers } from './openapi/schemaHandlers';

/** Implements the whole contract by composing each domain's handlers. */
export function coreHandlers(core: Core, extra: ((core: Core) => Handlers)[] = []): Handlers {
  const parts = [clusterHandlers(core), resourceHandlers(core), actionHandlers(core), streamHandlers(core), timelineHandlers(core), editHandlers(core), metricsHandlers(core), helmHandlers(core), appsHandlers(core), cronJobHandlers(core), debugHandlers(core), filesHandlers(core), rbacHandlers(core), schemaHandlers(core), ...extra.map((f) => f(core))];
  return {
    methods: Object.assign({}, ...parts.map((p) => p.methods)),
    topics: Object.assign({}, ...parts.map((p) => p.topics)),
  };
}
