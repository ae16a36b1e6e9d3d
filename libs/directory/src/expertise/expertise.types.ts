import type { Provenance } from '../directory.enums';

/** Set (create or replace) what a municipality offers on one topic. */
export interface SetExpertise {
  municipality: string;
  topic: string;
  level: number;
  evidence?: string | null;
  provenance?: Provenance | null;
  source?: string | null;
  /** When given, the version of the existing entry the caller read (stale → CONFLICT). */
  version?: number | null;
}
