import { InitialSchema1764374400000 } from './1764374400000-initial-schema';
import { SeedTopics1764374400001 } from './1764374400001-seed-topics';
import { AuditLog1764374400002 } from './1764374400002-audit-log';
import { Matching1764374400010 } from './1764374400010-matching';
import { Accounts1764374400020 } from './1764374400020-accounts';
import { Freshness1764374400100 } from './1764374400100-freshness';
import { EventAgenda1764374400150 } from './1764374400150-event-agenda';
import { PeerLoad1764374400250 } from './1764374400250-peer-load';
import { BoardSpread1764374400251 } from './1764374400251-board-spread';
import { SearchEntry1764374400270 } from './1764374400270-search-entry';
import { KnownSignInAddress1764374400300 } from './1764374400300-known-sign-in-address';
import { DismissalAuthority1764374400400 } from './1764374400400-dismissal-authority';

/** Every migration, in order. An explicit list: a glob silently skips a file that fails to build. */
export const MIGRATIONS = [
  InitialSchema1764374400000,
  SeedTopics1764374400001,
  AuditLog1764374400002,
  Matching1764374400010,
  Accounts1764374400020,
  Freshness1764374400100,
  EventAgenda1764374400150,
  PeerLoad1764374400250,
  BoardSpread1764374400251,
  SearchEntry1764374400270,
  KnownSignInAddress1764374400300,
  DismissalAuthority1764374400400,
];
