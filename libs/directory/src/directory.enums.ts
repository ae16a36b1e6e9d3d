/** Enumerations of the directory (the API contract and kakehashi/v1). Values are the wire names. */
export { CooperationScheme, MemberRole, MunicipalityKind, NeedPriority, NeedStatus, OverseasExperience, PartnershipStatus, Provenance } from '@kakehashi/kernel';

const values = <T extends string>(...v: T[]): { readonly [K in T]: K } => Object.freeze(Object.fromEntries(v.map((x) => [x, x]))) as { readonly [K in T]: K };

/** How recently a person confirmed a record: AGING and STALE after the configured months (ADR 8). */
export const Freshness = values('CURRENT', 'AGING', 'STALE');
export type Freshness = keyof typeof Freshness;
