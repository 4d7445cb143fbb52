import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the dashboard, from the committed schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['dashboard/src/**/*.{ts,tsx}', '!dashboard/src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'dashboard/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Strings, not ASTs: smaller bundle; urql parses them with its own tiny parser.
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string', scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
