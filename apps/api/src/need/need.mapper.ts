import type { NeedEntity } from '@kakehashi/directory';
import { NeedModel } from './need.model';

export function toNeedModel(n: NeedEntity): NeedModel {
  return Object.assign(new NeedModel(), {
    id: n.id,
    key: n.key,
    municipalityId: n.municipalityId,
    title: n.title,
    description: n.description,
    priority: n.priority,
    recordedStatus: n.status,
    schemes: n.schemes,
    expiresOn: n.expiresOn,
    provenance: n.provenance,
    source: n.source,
    version: n.version,
    updatedAt: n.updatedAt,
    lastConfirmedOn: n.lastConfirmedOn,
  });
}
