// Load data for a screen through TanStack Query. Every call names what it asks for with a query key — the resource
// first ('plan', 'board', 'planReports'…), then what it depends on — so one cache serves the whole app: two
// screens asking the same thing share one request, a screen opened again shows what it had at once while it is
// fetched anew, stale answers are dropped, and a change invalidates the keys it touches (useInvalidate) instead of
// each page reloading its siblings by hand.
import { useCallback } from 'react';
import { keepPreviousData, QueryClient, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  // an error is shown once by the API layer (ErrorBridge); no silent retries, no refetch when the window regains focus
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0, gcTime: 5 * 60_000 } },
});

export interface RequestState<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  setData: (d: T | undefined) => void;
}

/** TanStack Query refuses undefined as data; a screen with nothing to load for now answers undefined, so it is boxed. */
type Box<T> = { value: T };

/** `key`: the resource's name, then every value `fn` reads — two calls with the same key must ask the same thing. */
export function useRequest<T>(key: QueryKey, fn: () => Promise<T>): RequestState<T> {
  const client = useQueryClient();
  const q = useQuery<Box<T>>({ queryKey: key, queryFn: async () => ({ value: await fn() }), placeholderData: keepPreviousData });
  const { refetch } = q;
  const reload = useCallback(() => void refetch(), [refetch]);
  const hash = JSON.stringify(key);
  const setData = useCallback(
    (d: T | undefined) => client.setQueryData<Box<T | undefined>>(JSON.parse(hash) as QueryKey, { value: d }),
    [client, hash],
  );
  return { data: q.data?.value, loading: q.isFetching, error: q.error, reload, setData };
}

/**
 * What a change made stale: each argument is a key prefix (['board', planId] or just ['home']); every query under
 * it is fetched again where it is shown and marked stale where it is not.
 */
export function useInvalidate(): (...prefixes: QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback((...prefixes: QueryKey[]) => Promise.all(prefixes.map((queryKey) => client.invalidateQueries({ queryKey }))).then(() => undefined), [client]);
}
