/**
 * The validation rules of the directory's records — one rule set, pure (no Node, no framework), used
 * by the GraphQL API, the kakehashi/v1 importer and the web app's forms (ADR 15).
 */
export * from './countries';
export * from './enums';
export * from './fields';
export * from './jp-places';
export * from './records';
export * from './slug';
export * from './text';
