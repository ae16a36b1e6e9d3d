import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig, Logger } from '@kakehashi/config';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { formatError } from './error-formatter';
import { errorLogPlugin } from './error-log.plugin';
import type { GqlContext } from './request-context';

/** Largest number of tokens a query may have; parse stops early past it (cheap rejection). */
export const MAX_QUERY_TOKENS = 1000;

/** Apollo settings: masked errors, production hardening, parse limits. */
export function graphqlOptions(config: AppConfig, logger: Logger): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    graphiql: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    formatError,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    context: ({ req }: GqlContext) => ({ req }),
    // Two copies of Apollo's types (ESM for @nestjs/apollo, CJS for us) differ only nominally.
    plugins: [errorLogPlugin(logger.child({ component: 'graphql' })), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])] as unknown as ApolloDriverConfig['plugins'],
  };
}
