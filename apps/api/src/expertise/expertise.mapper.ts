import type { ExpertiseEntity } from '@kakehashi/directory';
import { ExpertiseModel } from './expertise.model';

export function toExpertiseModel(e: ExpertiseEntity): ExpertiseModel {
  return Object.assign(new ExpertiseModel(), {
    id: e.id,
    municipalityId: e.municipalityId,
    topicKey: e.topicKey,
    level: e.level,
    evidence: e.evidence,
    provenance: e.provenance,
    source: e.source,
    version: e.version,
  });
}
