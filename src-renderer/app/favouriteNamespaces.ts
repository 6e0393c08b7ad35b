// Favourite (starred) namespaces of a context, as Lens/Freelens and k9s users know them: remembered per
// context across restarts in the core's prefs (`prefs.favourite`), listed first in the namespace
// picker and in the palette's `:ns`. Read from the same `prefs.get` query the workspace holds, and
// written into it once the core answers, so every place that lists them changes together.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient, useContractQuery } from '../data/clientContext';
import { useToasts } from '../components/Toasts';
import type { Result } from '../../shared/contract';

export interface FavouriteNamespaces {
  favourites: readonly string[];
  isFavourite(namespace: string): boolean;
  /** Stars or un-stars; a refusal (bad name, too many) is said in a toast. */
  toggle(namespace: string): Promise<void>;
  /** A star is being written. */
  busy: boolean;
}

const NONE: readonly string[] = [];

export function useFavouriteNamespaces(context: string): FavouriteNamespaces {
  const client = useClient();
  const qc = useQueryClient();
  const toasts = useToasts();
  const prefs = useContractQuery('prefs.get', { context });
  const [busy, setBusy] = useState(false);
  const favourites = prefs.data?.favouriteNamespaces ?? NONE;
  const isFavourite = (n: string) => favourites.includes(n);
  const toggle = async (namespace: string) => {
    const favourite = !isFavourite(namespace);
    setBusy(true);
    try {
      const r = await client.request('prefs.favourite', { context, namespace, favourite });
      qc.setQueryData<Result<'prefs.get'>>(['prefs.get', { context }], (old) => ({ ...old, favouriteNamespaces: r.favouriteNamespaces }));
    } catch (err) {
      toasts.push({ tone: 'bad', title: favourite ? `Could not star namespace ${namespace}` : `Could not un-star namespace ${namespace}`, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return { favourites, isFavourite, toggle, busy };
}
