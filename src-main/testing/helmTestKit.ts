// Integration-test kit for the Helm domain: its handlers called the way the contract session calls
// them, and the pinned helm (test-cluster/helm.mjs) as the admin context. Only *.int.test.ts import it.
import { ADMIN, testKubeconfig } from './testCluster';
import { helm as runHelm } from '../../test-cluster/helm.mjs';
import { methods } from '../../shared/contract';
import type { Handlers } from '../core/handlers';

export const helm = (args: string[], env?: Record<string, string>) => runHelm(args, { kubeconfig: testKubeconfig(), context: ADMIN, env });
export const helmJson = async (args: string[], env?: Record<string, string>) => JSON.parse(await helm([...args, '-o', 'json'], env));

/** Calls a method the way the contract session does: params parsed (defaults filled) first. */
export function caller(h: Handlers) {
  return <M extends keyof typeof methods>(m: M, p: unknown): Promise<any> => (h.methods[m] as any)((methods[m].params as any).parse(p));
}

/** Subscribes to a topic and keeps every event. */
export function subscribe<E>(h: Handlers, topic: 'helm.releases' | 'helm.release', params: unknown): { events: E[]; close(): void } {
  const events: E[] = [];
  const close = (h.topics[topic] as any)(params, { emit: (e: E) => events.push(e), end: () => {}, unacked: () => 0, congested: () => false }) ?? (() => {});
  return { events, close };
}
