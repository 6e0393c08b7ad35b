// Integration-test kit for the Helm domain: its handlers called the way the contract session calls
// them, and the pinned helm (test-cluster/helm.mjs) as the admin context. Only *.int.test.ts import it.
import { ADMIN, eventually, testKubeconfig } from './testCluster';
import { kubectl } from './twinTestKit';
import { helm as runHelm, HELLO_CHART } from '../../test-cluster/helm.mjs';
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

/**
 * Twin releases for comparing the app with helm itself: in each namespace (created, its default
 * ServiceAccount awaited) the hello chart installed with the first greeting, then upgraded once per
 * further greeting, so every twin has the same history.
 */
export async function installTwinReleases(namespaces: string[], greetings: [string, ...string[]]): Promise<void> {
  for (const ns of namespaces) {
    await kubectl(['create', 'namespace', ns]);
    await eventually(() => kubectl(['get', 'serviceaccount', 'default', '-n', ns]), 30_000, 'default service account');
    await helm(['install', 'hello', HELLO_CHART, '-n', ns, '--set', `greeting=${greetings[0]}`]);
    for (const g of greetings.slice(1)) await helm(['upgrade', 'hello', HELLO_CHART, '-n', ns, '--set', `greeting=${g}`]);
  }
}
