import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { ContractClient } from './contractClient';
import { ipcChannel, webSocketChannel } from './frameChannel';
import type { LiveListState } from '../../shared/model/liveList';
import { liveListStore } from './liveListStore';
import { openLiveWatch } from './clusterUnion';
import type { MethodName, Params, Result, TopicName, TopicParams, TopicEvent } from '../../shared/contract';
import type { WatchParams } from '../../shared/contract/resources';

const ClientCtx = createContext<ContractClient | null>(null);

export function createClient(): ContractClient {
  return new ContractClient(window.wheelhouse ? ipcChannel(window.wheelhouse) : webSocketChannel());
}

export function ClientProvider({ client, children }: { client: ContractClient; children: ReactNode }) {
  const qc = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } } }), []);
  return (
    <ClientCtx.Provider value={client}>
      <QueryClientProvider client={qc}>{children}</QueryClientProvider>
    </ClientCtx.Provider>
  );
}

export function useClient(): ContractClient {
  const c = useContext(ClientCtx);
  if (!c) throw new Error('useClient outside ClientProvider');
  return c;
}

/** A request/response call through TanStack Query (cached, deduplicated, retried). */
export function useContractQuery<M extends MethodName>(method: M, params: Params<M> | undefined, opts: Partial<UseQueryOptions<Result<M>>> = {}) {
  const client = useClient();
  return useQuery<Result<M>>({
    queryKey: [method, params],
    queryFn: () => client.request(method, params as Params<M>),
    enabled: params !== undefined,
    ...opts,
  });
}

/** The latest event of a subscription (for topics whose every event is a whole state). */
export function useTopicValue<T extends TopicName>(topic: T, params: TopicParams<T> | undefined): TopicEvent<T> | undefined {
  const client = useClient();
  const [value, setValue] = useState<TopicEvent<T>>();
  const key = JSON.stringify(params);
  useEffect(() => {
    if (params === undefined) return;
    setValue(undefined);
    const sub = client.subscribe(topic, params, { onEvent: (e) => setValue(e) });
    return () => sub.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, topic, key]);
  return value;
}

/**
 * A live list of projections, kept current by the core's watch (never polling). `clusters`: other
 * contexts shown with `params.context` (rows tagged with their cluster, data/clusterUnion.ts).
 */
export function useLiveList<T>(params: WatchParams | undefined, opts: { clusters?: readonly string[] } = {}): LiveListState<T> {
  const client = useClient();
  const others = opts.clusters?.filter((c) => c !== params?.context) ?? [];
  const key = JSON.stringify([params, others]);
  const store = useMemo(
    // Several namespaces (`a,b`) or clusters shown: one watch each, merged (clusterUnion.ts openLiveWatch).
    () => liveListStore<T>(params && ((h) => openLiveWatch((p, hh) => client.subscribe('resources.watch', p, hh), params, others, h))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );
  return useSyncExternalStore(store.subscribe, store.get);
}
