import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the partner example, from the server's published schema. Run from the repository root. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/partner/src/**/*.ts', '!examples/partner/src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'examples/partner/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string', scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
