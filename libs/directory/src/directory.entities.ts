import { ExpertiseEntity } from './expertise/expertise.entity';
import { CaseStudyEntity, CaseStudyTopicEntity, EventEntity } from './knowledge/knowledge.entity';
import { MunicipalityEntity } from './municipality/municipality.entity';
import { NeedEntity, NeedTopicEntity } from './need/need.entity';
import { PartnershipEntity, PartnershipMemberEntity, PartnershipOutcomeEntity, PartnershipTopicEntity } from './partnership/partnership.entity';
import { TopicEntity } from './taxonomy/topic.entity';

/** Every entity of the directory, for TypeOrmModule.forFeature and the schema-drift test. */
export const DIRECTORY_ENTITIES = [
  TopicEntity,
  MunicipalityEntity,
  ExpertiseEntity,
  NeedEntity,
  NeedTopicEntity,
  PartnershipEntity,
  PartnershipTopicEntity,
  PartnershipMemberEntity,
  PartnershipOutcomeEntity,
  EventEntity,
  CaseStudyEntity,
  CaseStudyTopicEntity,
];
