import { AgendaItemKind, MAX_AGENDA_ITEMS } from '@kakehashi/kernel';
import type { Provenance } from '../directory.enums';

export interface CaseStudyFields {
  title: string;
  /** Key of the municipality that presented it. */
  municipality?: string | null;
  summary?: string | null;
  lessons?: string[] | null;
  /** Topic keys, in order. */
  topics?: string[] | null;
  /** Key of the event where it was presented. */
  event?: string | null;
  provenance?: Provenance | null;
  source?: string | null;
}

export interface CreateCaseStudy extends CaseStudyFields {
  key: string;
}

export type UpdateCaseStudy = Partial<CaseStudyFields> & { key: string; version: number };

/** Defined beside the record rules (@kakehashi/kernel), which check them. */
export { AgendaItemKind, MAX_AGENDA_ITEMS };

/** One part of an event's agenda: a presentation, a discussion group, or anything else. */
export interface AgendaItem {
  kind: AgendaItemKind;
  title: string;
  /** Keys of the municipalities that present or sit at the table, in order. */
  municipalities: string[];
  /** Topic keys it is about. */
  topics: string[];
}


export interface EventFields {
  title: string;
  /** ISO date (YYYY-MM-DD). */
  date?: string | null;
  location?: string | null;
  participants?: number | null;
  agenda?: AgendaItem[] | null;
  provenance?: Provenance | null;
  source?: string | null;
}

export interface CreateEvent extends EventFields {
  key: string;
}

export type UpdateEvent = Partial<EventFields> & { key: string; version: number };

export const CASE_STUDY_COLUMNS = ['title', 'summary', 'lessons', 'provenance', 'source'] as const satisfies readonly (keyof CaseStudyFields)[];
export const EVENT_COLUMNS = ['title', 'date', 'location', 'participants', 'agenda', 'provenance', 'source'] as const satisfies readonly (keyof EventFields)[];
export const REQUIRED_TITLE = ['title'] as const;
