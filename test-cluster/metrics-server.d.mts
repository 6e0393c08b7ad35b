export const METRICS_SERVER: 'metrics-server';
export const METRICS_APISERVICE: 'v1beta1.metrics.k8s.io';
export const RESOURCE_METRICS_PATH_ANNOTATION: string;
/** Path of the pinned metrics-server binary (undefined when versions.env pins none). */
export function metricsServerBinary(): string | undefined;
/** True when the pinned metrics-server binary is built (the test cluster then runs it). */
export function metricsServerBuilt(): boolean;
export function metricsApiObjects(port: number): Record<string, unknown>[];
