import type { CooperationScheme, Freshness, MemberRole, PartnershipStatus, Provenance } from '../directory.enums';

export interface PartnershipMemberFields {
  /** Municipality key. */
  municipality: string;
  role: MemberRole;
}

export interface PartnershipOutcomeFields {
  /** What was measured, e.g. NRW_PERCENT. */
  indicator: string;
  before?: number | null;
  after?: number | null;
  note?: string | null;
}

export interface PartnershipFields {
  title: string;
  scheme?: CooperationScheme | null;
  startYear?: number | null;
  endYear?: number | null;
  summary?: string | null;
  /** Topic keys, in order. */
  topics?: string[] | null;
  members?: PartnershipMemberFields[] | null;
  outcomes?: PartnershipOutcomeFields[] | null;
  provenance?: Provenance | null;
  source?: string | null;
}

/** A new partnership; `status` defaults to PROPOSED (a past one may be recorded as it ended). */
export interface CreatePartnership extends PartnershipFields {
  key: string;
  status?: PartnershipStatus | null;
}

/** A partial update; lists, when sent, replace the whole list. The status changes only through `changeStatus`. */
export type UpdatePartnership = Partial<PartnershipFields> & { key: string; version: number };

export interface PartnershipFilter {
  scheme?: CooperationScheme | null;
  status?: PartnershipStatus | null;
  /** Key of a member municipality. */
  municipality?: string | null;
  /** Partnerships on this topic or, for a domain, on any topic inside it. */
  topic?: string | null;
  /** How recently the partnership was confirmed. */
  freshness?: Freshness | null;
}

export const PARTNERSHIP_COLUMNS = ['title', 'scheme', 'startYear', 'endYear', 'summary', 'provenance', 'source'] as const satisfies readonly (keyof PartnershipFields)[];
export const REQUIRED_PARTNERSHIP_FIELDS = ['title'] as const satisfies readonly (keyof PartnershipFields)[];
