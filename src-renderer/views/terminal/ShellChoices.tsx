import { useMemo } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { containerChoices, containerLabel, defaultContainerName } from '../../../shared/model/podContainers';
import { DEFAULT_SHELL } from '../../../shared/contract/streams';
import { splitCommand } from './commandLine';

export type CommandChoice = 'auto' | 'sh' | 'bash' | 'custom';

/** The argv for a command choice; throws with a message for an empty or malformed custom command. */
export function commandFor(choice: CommandChoice, custom: string): string[] {
  if (choice === 'auto') return DEFAULT_SHELL;
  if (choice === 'sh') return ['sh'];
  if (choice === 'bash') return ['bash'];
  const argv = splitCommand(custom);
  if (argv.length === 0) throw new Error('Type the command to run (for example: ls -la /).');
  return argv;
}

/** A workload's pods (by its selector), ready ones first, then by name; polled while shown. */
export function useWorkloadPods(context: string, namespace: string, selector: string | undefined) {
  const q = useContractQuery('resource.list', selector ? { context, group: '', version: 'v1', resource: 'pods', namespace, labelSelector: selector } : undefined,
    { refetchInterval: 5_000 });
  return useMemo(() => {
    const ready = (p: any) => !p?.metadata?.deletionTimestamp && p?.status?.phase === 'Running'
      && (p?.status?.conditions ?? []).some((c: any) => c?.type === 'Ready' && c?.status === 'True');
    const pods = ((q.data ?? []) as any[]).map((p) => ({ name: String(p?.metadata?.name ?? ''), ready: ready(p), phase: String(p?.status?.phase ?? 'Unknown') }))
      .filter((p) => p.name)
      .sort((a, b) => Number(b.ready) - Number(a.ready) || a.name.localeCompare(b.name));
    return { pods, loading: q.isLoading, error: q.error ? (q.error as Error).message : undefined };
  }, [q.data, q.isLoading, q.error]);
}

/** One pod's containers (regular, init, ephemeral) with the default marked. */
export function usePodContainers(context: string, namespace: string, pod: string | undefined) {
  const q = useContractQuery('resource.get', pod ? { context, group: '', version: 'v1', resource: 'pods', namespace, name: pod } : undefined, { staleTime: 5_000 });
  return useMemo(() => ({ choices: containerChoices(q.data as any), defaultName: defaultContainerName(q.data as any), loaded: !!q.data }), [q.data]);
}

export { containerLabel };
