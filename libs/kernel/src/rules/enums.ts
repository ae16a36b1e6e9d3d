/**
 * Enumerations of the directory records (the interchange format's and the API's wire names).
 * Defined here, beside the rules that check them, so that the rules stay pure; the directory lib
 * re-exports them.
 */
const values = <T extends string>(...v: T[]): { readonly [K in T]: K } => Object.freeze(Object.fromEntries(v.map((x) => [x, x]))) as { readonly [K in T]: K };

export const MunicipalityKind = values('LOCAL_GOVERNMENT', 'UTILITY', 'NATIONAL_AGENCY', 'OTHER');
export type MunicipalityKind = keyof typeof MunicipalityKind;

export const OverseasExperience = values('NONE', 'SOME', 'EXTENSIVE');
export type OverseasExperience = keyof typeof OverseasExperience;

export const Provenance = values('DOCUMENTED', 'ILLUSTRATIVE');
export type Provenance = keyof typeof Provenance;

export const NeedPriority = values('LOW', 'MEDIUM', 'HIGH');
export type NeedPriority = keyof typeof NeedPriority;

/** What a need's status is recorded as; EXPIRED is only ever read (a need past its expiresOn). */
export const NeedStatus = values('OPEN', 'MATCHED', 'CLOSED');
export type NeedStatus = keyof typeof NeedStatus;

export const CooperationScheme = values(
  'JICA_GRASSROOTS',
  'JICA_TECHNICAL_COOPERATION',
  'JICA_ISSUE_SPECIFIC_TRAINING',
  'JICA_EXPERT_DISPATCH',
  'JICA_VOLUNTEERS',
  'JICA_PRIVATE_SECTOR',
  'ODA_GRANT_OR_LOAN',
  'WATER_OPERATORS_PARTNERSHIP',
  'BILATERAL_AGREEMENT',
  'PRIVATE_CONTRACT',
  'OTHER',
);
export type CooperationScheme = keyof typeof CooperationScheme;

export const PartnershipStatus = values('PROPOSED', 'AGREED', 'ACTIVE', 'COMPLETED', 'DORMANT', 'CANCELLED');
export type PartnershipStatus = keyof typeof PartnershipStatus;

export const MemberRole = values('PROVIDER', 'RECIPIENT', 'PEER', 'FACILITATOR');
export type MemberRole = keyof typeof MemberRole;

/** One part of an event's agenda. */
export const AgendaItemKind = values('PRESENTATION', 'DISCUSSION', 'OTHER');
export type AgendaItemKind = keyof typeof AgendaItemKind;
