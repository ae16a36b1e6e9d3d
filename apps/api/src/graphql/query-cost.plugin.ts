import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { costError, operationCost, QUERY_LIMITS } from './query-limits';

/**
 * Prices the operation again once its variables are known, so a `first` variable's declared
 * default cannot understate what the request will resolve. Runs before execution.
 */
export function queryCostPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation?.variableDefinitions?.length) return; // nothing the validation rule did not see
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(operation, fragments, schema, request.variables);
          if (cost > QUERY_LIMITS.maxCost) throw costError(cost);
        },
      };
    },
  };
}
