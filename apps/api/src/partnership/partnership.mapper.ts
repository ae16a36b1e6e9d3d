import type { PartnershipEntity, PartnershipMemberEntity, PartnershipOutcomeEntity } from '@kakehashi/directory';
import { PartnershipMemberModel, PartnershipModel, PartnershipOutcomeModel } from './partnership.model';

export function toPartnershipModel(p: PartnershipEntity): PartnershipModel {
  return Object.assign(new PartnershipModel(), {
    id: p.id,
    key: p.key,
    title: p.title,
    scheme: p.scheme,
    status: p.status,
    startYear: p.startYear,
    endYear: p.endYear,
    summary: p.summary,
    provenance: p.provenance,
    source: p.source,
    version: p.version,
    updatedAt: p.updatedAt,
    lastConfirmedOn: p.lastConfirmedOn,
  });
}

export function toPartnershipMemberModel(m: PartnershipMemberEntity): PartnershipMemberModel {
  return Object.assign(new PartnershipMemberModel(), { municipalityId: m.municipalityId, role: m.role });
}

export function toPartnershipOutcomeModel(o: PartnershipOutcomeEntity): PartnershipOutcomeModel {
  return Object.assign(new PartnershipOutcomeModel(), { indicator: o.indicator, before: o.before, after: o.after, note: o.note });
}
