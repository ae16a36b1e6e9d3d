import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { authedRequest } from '../auth/session';
import { useSession } from '../auth/use-session';
import type { TypedDocumentString } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { operationName } from './client';

type QueryOptions<T> = Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, 'queryKey' | 'queryFn'>;

/**
 * A typed query through the cache. The key is the operation, its variables and who is signed in
 * (some answers depend on it, e.g. suggestions one has dismissed, contact details).
 */
export function useApiQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options: QueryOptions<TResult> = {}) {
  const { lang } = useI18n();
  const { account, status } = useSession();
  return useQuery({
    queryKey: [operationName(document), variables, account?.id ?? null] as const,
    queryFn: ({ signal }) => authedRequest(document, variables, { lang, signal }),
    ...options,
    // While a reload resumes the session, wait rather than ask twice (anonymous, then signed in).
    enabled: (options.enabled ?? true) && status !== 'restoring',
  });
}

/** A typed mutation; `invalidates` lists operation names whose cached answers it makes stale. */
export function useApiMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, invalidates: string[] = []) {
  const { lang } = useI18n();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: TVariables) => authedRequest(document, variables, { lang }),
    onSuccess: () => Promise.all(invalidates.map((name) => client.invalidateQueries({ queryKey: [name] }))),
  });
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * A Relay connection read page by page ("show more"): `pageInfo` picks the connection's
 * pageInfo out of an answer; the next page is asked for with `after: endCursor`.
 */
export function useConnectionQuery<TResult, TVariables extends { after?: string | null }>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  pageInfo: (result: TResult) => PageInfo,
) {
  const { lang } = useI18n();
  const { account, status } = useSession();
  return useInfiniteQuery({
    queryKey: [operationName(document), variables, account?.id ?? null] as const,
    queryFn: ({ signal, pageParam }) => authedRequest(document, { ...variables, after: pageParam }, { lang, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const info = pageInfo(last);
      return info.hasNextPage ? info.endCursor : undefined;
    },
    enabled: status !== 'restoring',
  });
}
