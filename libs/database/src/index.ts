export * from './base.entity';
export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './query-log';
export * from './transactional-connection';
export { MIGRATIONS } from './migrations';
