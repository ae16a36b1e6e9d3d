import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities of `target` from rows keyed by column name — e.g. the objects of
 * `json_agg(to_jsonb(t))` — with each value converted as TypeORM converts the columns it reads
 * itself (timestamps to Date, dates to strings, …). Columns a row does not carry stay unset. For
 * relations read in the same statement as their parent (a directory page with its expertise).
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly Record<string, unknown>[]): T[] {
  const meta = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  return rows.map((row) => {
    const entity = meta.create() as T;
    for (const column of meta.columns) {
      if (!(column.databaseName in row)) continue;
      const value = row[column.databaseName];
      // JSON already carries arrays as arrays; the driver expects PostgreSQL's text form of them.
      column.setEntityValue(entity, column.isArray && Array.isArray(value) ? value : driver.prepareHydratedValue(value, column));
    }
    return entity;
  });
}
