export * from './errors';
export * from './request-context';
export * from './pagination';
export * from './rules';
