import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The web app's typed operations: every `*.graphql` file under src/ becomes a typed document in
 * src/gql/graphql.ts, checked against the committed schema.graphql. `npm run schema` runs this
 * after regenerating the schema; `npm run schema -- --check` fails when either is out of date.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.graphql'],
  generates: {
    'apps/web/src/gql/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Strings sent as they are (no graphql-js in the browser), each tree-shaken when unused.
        documentMode: 'string',
        pureMagicComment: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTime: 'string', JSON: 'unknown' },
        strictScalars: true,
        skipTypename: true,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
