import type { FieldMiddleware } from '@nestjs/graphql';
import type { GqlContext } from './request-context';

/**
 * Field middleware for contact details: null for anonymous callers. The policy guard resolved the
 * actor on the root field before any nested field runs; an unresolved actor counts as anonymous.
 */
export const signedInOnly: FieldMiddleware = async ({ context }, next) => {
  const req = (context as Partial<GqlContext> | undefined)?.req;
  return req?.actor ? next() : null;
};
