import { AuditEntryEntity } from './audit/audit-entry.entity';

/** Entities owned by this library (the directory's come from DirectoryModule), for forFeature and tests. */
export const DATABASE_ENTITIES = [AuditEntryEntity];
