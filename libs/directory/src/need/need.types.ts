import type { CooperationScheme, Freshness, NeedPriority, NeedStatus, Provenance } from '../directory.enums';
import type { EffectiveNeedStatus } from './need-status';

export interface NeedFields {
  /** Key of the municipality (or overseas utility) that has the need. */
  municipality: string;
  title: string;
  description?: string | null;
  /** Topic keys, in order. */
  topics?: string[] | null;
  priority?: NeedPriority | null;
  /** OPEN (default), MATCHED or CLOSED. EXPIRED is refused: a need reads as EXPIRED after its `expiresOn`. */
  status?: NeedStatus | EffectiveNeedStatus | null;
  schemes?: CooperationScheme[] | null;
  /** ISO date (YYYY-MM-DD). */
  expiresOn?: string | null;
  provenance?: Provenance | null;
  source?: string | null;
}

export interface CreateNeed extends NeedFields {
  key: string;
}

/** A partial update: absent fields stay, `null` clears; `topics`, when sent, replaces the list. */
export type UpdateNeed = Partial<NeedFields> & { key: string; version: number };

/** Move an open need's last day (`expiresOn`): today or later, or null for no expiry. */
export interface ExtendNeed {
  key: string;
  version: number;
  expiresOn: string | null;
}

/**
 * Open a need again (an expired, matched or closed one). `expiresOn`: a new last day (today or
 * later) or null for none; left out, the current one stays — which must not have passed.
 */
export interface ReopenNeed {
  key: string;
  version: number;
  expiresOn?: string | null;
}

export interface NeedFilter {
  /** As the need reads today: OPEN never includes an expired need; EXPIRED lists exactly those. */
  status?: EffectiveNeedStatus | null;
  priority?: NeedPriority | null;
  /** Needs on this topic or, for a domain, on any topic inside it. */
  topic?: string | null;
  /** Country of the municipality that has the need. */
  country?: string | null;
  /** Key of the municipality that has the need. */
  municipality?: string | null;
  /** How recently the need was confirmed. */
  freshness?: Freshness | null;
}

/** Columns a need update may set directly (the municipality and topics are references). */
export const NEED_COLUMNS = ['title', 'description', 'priority', 'status', 'schemes', 'expiresOn', 'provenance', 'source'] as const satisfies readonly (keyof NeedFields)[];
export const REQUIRED_NEED_FIELDS = ['municipality', 'title', 'status'] as const satisfies readonly (keyof NeedFields)[];
