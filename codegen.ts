import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the dashboard, from the committed schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['dashboard/src/**/*.{ts,tsx}', '!dashboard/src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'dashboard/src/graphql/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
