import { useLocation, useSearchParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { PartnershipNetworkDocument } from '../../gql/graphql';
import { readNetworkFilter, type NetworkFilter } from './network-data';

/** The whole network (cached for a few minutes: both views share it) and the filter kept in the URL. */
export function useNetworkData(pathFor: (filter: Record<string, string>) => string) {
  const query = useApiQuery(PartnershipNetworkDocument, {}, { staleTime: 5 * 60_000 });
  const [params] = useSearchParams();
  const [, setLocation] = useLocation();
  const filter = readNetworkFilter(params);
  const setFilter = (next: NetworkFilter) => setLocation(pathFor({ topic: next.topic, scheme: next.scheme }), { replace: true });
  return { query, filter, setFilter };
}
