import { useApiQuery } from '../api/hooks';
import { TopicsDocument, type TopicsQuery } from '../gql/graphql';

export type Topic = TopicsQuery['topics'][number];

export interface TopicDomain {
  domain: Topic;
  topics: Topic[];
}

/** The taxonomy as domains with their topics, in the API's order. */
export function topicTree(topics: Topic[]): TopicDomain[] {
  const domains = topics.filter((t) => t.parentKey === null);
  return domains.map((domain) => ({ domain, topics: topics.filter((t) => t.parentKey === domain.key) }));
}

/** The taxonomy (it changes only with a migration: cached for the session). */
export function useTopics() {
  return useApiQuery(TopicsDocument, {}, { staleTime: Infinity });
}
