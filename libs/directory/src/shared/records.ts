import { notFound, type DomainError, type RequestContext } from '@kakehashi/kernel';
import type { TransactionalConnection } from '@kakehashi/database';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { duplicateKey, isUniqueViolation } from '../directory.errors';

/** A keyed record (municipality, need, partnership, case study, event). */
export interface Keyed extends ObjectLiteral {
  id: string;
  key: string;
}

/** The record with this key, or NOT_FOUND naming `what`. */
export async function loadByKey<T extends Keyed>(db: TransactionalConnection, ctx: RequestContext, entity: EntityTarget<T>, what: string, key: string): Promise<T> {
  const row = await db.getRepository(ctx, entity).findOneBy({ key } as never);
  if (!row) throw notFound(what, key);
  return row;
}

/** Inserts a row and returns its id; a unique violation becomes the error `duplicate` makes. */
export async function insertUnique<T extends ObjectLiteral>(db: TransactionalConnection, ctx: RequestContext, entity: EntityTarget<T>, values: Partial<T>, duplicate: () => DomainError): Promise<string> {
  try {
    const result = await db.getRepository(ctx, entity).insert(values as never);
    return (result.identifiers[0] as { id: string }).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Inserts a keyed record and returns its id; a taken key is CONFLICT (DUPLICATE_KEY) naming `input.key`. */
export function insertKeyed<T extends Keyed>(db: TransactionalConnection, ctx: RequestContext, entity: EntityTarget<T>, what: string, values: Partial<T> & { key: string }): Promise<string> {
  return insertUnique(db, ctx, entity, values, () => duplicateKey(what, values.key));
}

/** A join row linking a record to a topic, in order (need_topic, partnership_topic, case_study_topic). */
export interface TopicLink extends ObjectLiteral {
  topicKey: string;
  position: number;
}

/** Replaces the ordered topic links of one owner: two statements whatever the count. */
export async function replaceTopicLinks<T extends TopicLink>(
  db: TransactionalConnection,
  ctx: RequestContext,
  entity: EntityTarget<T>,
  owner: keyof T & string,
  ownerId: string,
  topicKeys: readonly string[],
): Promise<void> {
  const repo = db.getRepository(ctx, entity);
  await repo.delete({ [owner]: ownerId } as never);
  if (topicKeys.length) await repo.insert(topicKeys.map((topicKey, position) => ({ [owner]: ownerId, topicKey, position })) as never);
}

/** The ordered topic keys of many owners in one statement, for loaders. */
export async function topicKeysOf<T extends TopicLink>(
  db: TransactionalConnection,
  ctx: RequestContext,
  entity: EntityTarget<T>,
  owner: keyof T & string,
  ownerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  if (!ownerIds.length) return map;
  const rows = await db.getRepository(ctx, entity).find({ where: { [owner]: In([...ownerIds]) } as never, order: { position: 'ASC' } as never });
  for (const row of rows) map.get(row[owner] as string)?.push(row.topicKey);
  return map;
}

/** `ref`s for a list of topic keys at `path` (`input.topics.0`, …). */
export const topicRefs = (keys: readonly string[] | null | undefined, path = 'input.topics'): { key: string; path: string }[] =>
  (keys ?? []).map((key, i) => ({ key, path: `${path}.${i}` }));
