import type { TopicEntity } from '@kakehashi/directory';
import { TopicModel } from './topic.model';

export function toTopicModel(t: TopicEntity): TopicModel {
  return Object.assign(new TopicModel(), {
    id: t.id,
    key: t.key,
    parentKey: t.parentKey,
    labelEn: t.labelEn,
    labelJa: t.labelJa,
    synonymsEn: t.synonymsEn,
    synonymsJa: t.synonymsJa,
    depth: t.parentKey ? 1 : 0,
  });
}
