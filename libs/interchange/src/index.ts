export * from './document';
export * from './interchange.errors';
export * from './validation/countries';
export * from './validation/semantic-checks';
export * from './validation/validate-document';
export { isIsoDate, jsonPath } from './validation/schema-check';
