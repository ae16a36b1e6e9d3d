import topicsV1 from './migrations/data/topics-v1.json';

/** A topic of the taxonomy as a migration seeds it: stable `domain.topic` key, labels, synonyms. */
export interface TopicSeed {
  key: string;
  parentKey: string | null;
  labelEn: string;
  labelJa: string;
  synonymsEn: string[];
  synonymsJa: string[];
}

/**
 * The topic taxonomy as migration 1764374400001 seeds it (`topics-v1.json`, 36 keys
 * in nine domains; synonyms are matched case-insensitively as substrings of free text). The
 * one copy in the repository: the running system reads topics from the `topic` table, and offline
 * tools (the directory generator, tests) read this. A later taxonomy change is a new migration
 * with its own data file; point this at the newest one then.
 */
export const SEEDED_TOPICS: readonly TopicSeed[] = topicsV1;
