import type { Core } from '../core';
import type { Handlers } from '../handlers';
import { toContractError } from '../cluster/apiError';
import { canI, rulesReview, whoAmI } from './rbacReviews';
import { followRbacObjects } from './rbacObjectsFeed';

/** RBAC answers: rules review, who am I, can-i, and the live RBAC objects (shared/contract/rbac.ts). */
export function rbacHandlers(core: Core): Handlers {
  return {
    methods: {
      'rbac.rulesReview': async ({ context, namespace }) => rulesReview(core.connection(context).http, namespace),
      'rbac.whoAmI': async ({ context }) => whoAmI(core.connection(context).http),
      'rbac.canI': async (params) => canI(core.connection(params.context).http, params),
    },
    topics: {
      'rbac.objects': ({ context }, sink) => followRbacObjects(core.hub, context, (e) => sink.emit(e), (err) => sink.end(toContractError(err))),
    },
  };
}
