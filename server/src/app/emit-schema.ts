import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../../schema.graphql');

export async function renderSchema(): Promise<string> {
  const header = '# Generated from the type-graphql schema by `npm run schema`. Do not edit.\n\n';
  return header + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}

if (require.main === module) {
  renderSchema().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  });
}
