import type { z } from 'zod';
import { clusterMethods, clusterTopics } from './clusters';
import { resourceMethods, resourceTopics } from './resources';
import { actionMethods, actionTopics } from './actions';
import { streamMethods, streamTopics } from './streams';
import { timelineMethods, timelineTopics } from './timeline';
import { editMethods } from './edit';
import { metricsMethods, metricsTopics } from './metrics';
import { helmMethods, helmTopics } from './helm';
import { appMethods, appTopics } from './apps';
import { cronJobMethods } from './cronjobs';
import { debugMethods } from './debug';
import { fileMethods, fileTopics } from './files';
import { rbacMethods, rbacTopics } from './rbac';
import { schemaMethods } from './schema';

// The single registry of everything that crosses between the main process and the renderer.
// Each domain file owns its schemas; both ends validate against these.
export const methods = { ...clusterMethods, ...resourceMethods, ...actionMethods, ...streamMethods, ...timelineMethods, ...editMethods, ...metricsMethods, ...helmMethods, ...appMethods, ...cronJobMethods, ...debugMethods, ...fileMethods, ...rbacMethods, ...schemaMethods };
export const topics = { ...clusterTopics, ...resourceTopics, ...actionTopics, ...streamTopics, ...timelineTopics, ...metricsTopics, ...helmTopics, ...appTopics, ...fileTopics, ...rbacTopics };

export type Methods = typeof methods;
export type Topics = typeof topics;
export type MethodName = keyof Methods;
export type TopicName = keyof Topics;
export type Params<M extends MethodName> = z.input<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;
export type TopicParams<T extends TopicName> = z.input<Topics[T]['params']>;
export type TopicEvent<T extends TopicName> = z.output<Topics[T]['event']>;

export * from './frames';
export * from './contractError';
export * from './clusters';
export * from './resources';
export * from './actions';
export * from './streams';
export * from './packedLines';
export * from './timeline';
export * from './edit';
export * from './metrics';
export * from './helm';
export * from './apps';
export * from './cronjobs';
export * from './debug';
export * from './files';
export * from './rbac';
export * from './schema';
