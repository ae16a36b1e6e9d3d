import type { CooperationScheme, NeedPriority, NeedStatus, Provenance } from '../directory.enums';

export interface NeedFields {
  /** Key of the municipality (or overseas utility) that has the need. */
  municipality: string;
  title: string;
  description?: string | null;
  /** Topic keys, in order. */
  topics?: string[] | null;
  priority?: NeedPriority | null;
  status?: NeedStatus | null;
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

export interface NeedFilter {
  status?: NeedStatus | null;
  priority?: NeedPriority | null;
  /** Needs on this topic or, for a domain, on any topic inside it. */
  topic?: string | null;
  /** Country of the municipality that has the need. */
  country?: string | null;
  /** Key of the municipality that has the need. */
  municipality?: string | null;
}

/** Columns a need update may set directly (the municipality and topics are references). */
export const NEED_COLUMNS = ['title', 'description', 'priority', 'status', 'schemes', 'expiresOn', 'provenance', 'source'] as const satisfies readonly (keyof NeedFields)[];
export const REQUIRED_NEED_FIELDS = ['municipality', 'title', 'status'] as const satisfies readonly (keyof NeedFields)[];
