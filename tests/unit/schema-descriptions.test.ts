import { describe, expect, it } from 'vitest';
import { getSchema } from '../../server/src/app/schema';
import { undescribedMembers } from '../support/schema-descriptions';

describe('the schema explains itself', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = await getSchema();
    // Describe a new member in its decorator (`description:`), or in server/src/graphql/descriptions/ when the decorator cannot.
    expect(undescribedMembers(schema)).toEqual([]);
  });

  it('counts every member (a walk that saw nothing would pass the test above)', async () => {
    const schema = await getSchema();
    const fields = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && 'getFields' in t)
      .reduce((n, t) => n + Object.keys((t as { getFields(): object }).getFields()).length, 0);
    expect(fields).toBeGreaterThan(400);
  });
});
