/** Pods carrying this label (value "true") run but never become Ready. */
export const STUCK_LABEL: string;
/** Container name → log file (under <stateDir>/pod-logs). */
export const LOG_FILES: Record<string, string>;
export function kwokConfigYaml(c: { stateDir: string; echoPort: number; clusterName: string }): string;
export function podLogFiles(): Record<string, string>;
export function writePodLogs(stateDir: string): string;
