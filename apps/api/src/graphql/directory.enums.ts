import { registerEnumType } from '@nestjs/graphql';
import {
  AgendaItemKind,
  CooperationScheme,
  EffectiveNeedStatus,
  Freshness,
  MemberRole,
  MunicipalityKind,
  NeedPriority,
  OverseasExperience,
  PartnershipStatus,
  Provenance,
  SearchHitKind,
} from '@kakehashi/directory';

/*
 * The directory's enums, registered with GraphQL once. Models and inputs import the values from
 * here so that registration has always happened before a schema type uses them.
 */
registerEnumType(MunicipalityKind, { name: 'MunicipalityKind' });
registerEnumType(OverseasExperience, { name: 'OverseasExperience', description: 'How much a municipality has worked abroad.' });
registerEnumType(Provenance, { name: 'Provenance', description: 'DOCUMENTED: from a cited source; ILLUSTRATIVE: made up to show the product.' });
registerEnumType(NeedPriority, { name: 'NeedPriority' });
/** What a need reads as: EXPIRED is never recorded, it follows from `expiresOn` (ADR 7). */
const NeedStatus = EffectiveNeedStatus;
type NeedStatus = EffectiveNeedStatus;
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: 'OPEN, MATCHED or CLOSED as recorded; EXPIRED: an open need whose expiresOn has passed (in the configured time zone). EXPIRED cannot be set.',
});
registerEnumType(CooperationScheme, { name: 'CooperationScheme' });
registerEnumType(PartnershipStatus, { name: 'PartnershipStatus' });
registerEnumType(MemberRole, { name: 'MemberRole' });
registerEnumType(SearchHitKind, { name: 'SearchHitKind' });
registerEnumType(AgendaItemKind, { name: 'AgendaItemKind', description: 'PRESENTATION, DISCUSSION (a group at a table) or OTHER.' });
registerEnumType(Freshness, {
  name: 'Freshness',
  description: 'How recently a person confirmed the record (lastConfirmedOn): CURRENT, AGING after FRESHNESS_AGING_MONTHS (12), STALE after FRESHNESS_STALE_MONTHS (24).',
});

export { AgendaItemKind, CooperationScheme, Freshness, MemberRole, MunicipalityKind, NeedPriority, NeedStatus, OverseasExperience, PartnershipStatus, Provenance, SearchHitKind };
