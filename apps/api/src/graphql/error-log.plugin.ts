import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@kakehashi/config';
import { clientCodeOf } from './error-formatter';
import type { GqlContext } from './request-context';

/** Logs every error a client will see as INTERNAL_SERVER_ERROR, with the request id, before it is masked. */
export function errorLogPlugin(fallback: Logger): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const log = (contextValue.req as { log?: Logger } | undefined)?.log ?? fallback;
          for (const error of errors) {
            if (clientCodeOf(error, error) === 'INTERNAL_SERVER_ERROR') log.error({ err: error.originalError ?? error, path: error.path }, 'internal error');
          }
        },
      };
    },
  };
}
