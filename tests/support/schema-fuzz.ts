import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * Calls generated from the schema itself: every root field of Query, Mutation and Subscription,
 * every argument (valid, hostile and wrongly typed values, sometimes missing), a random selection
 * of the result (sometimes an invalid one) and a random credential. A new operation is fuzzed
 * without anyone writing a case for it.
 */
export interface FuzzCall {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** Name of the credential in the pool (see FuzzPools.credentials); 'none' sends no header. */
  credential: string;
}

export interface FuzzPools {
  /** Real ids of this database (tickets, sessions, invoices, users...), so valid paths are walked too. */
  ids: string[];
  /** Authorization header values by name, good and bad. */
  credentials: Record<string, string | null>;
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Strings nobody should be able to hurt the server with. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(
    '', ' ', 'a\u0000b', '\u0000', '\u0007bell', '\u001b[31mred', 'line\nbreak\ttab', "'; drop table tickets; --", '%s%n%x',
    '../../etc/passwd', '<script>alert(1)</script>', '\ud800', '\uffff', '😀'.repeat(300), 'x'.repeat(6000), 'T-000001',
    'not-a-cursor', cursorOf(['x', 'y']), cursorOf([1e300, 'a', 'b']), cursorOf(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
    cursorOf([1, '2026-13-45T99:00:00.000Z', '00000000-0000-0000-0000-000000000000']), cursorOf(['99999999999999999999']),
    'pk_forged', 'https://127.0.0.1:1/hook', 'http://169.254.169.254/latest/meta-data', 'mailto:x@y', '2026-01-31T09:00:00Z',
  ) },
);

const hostileId = (ids: string[]) => fc.oneof(
  ids.length ? fc.constantFrom(...ids) : fc.uuid(),
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', '1', '-1', 'T-000001', ''),
  hostileString,
);

const dateTime = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '99999-01-01T00:00:00Z', '2026-01-01', '', '0'),
);

const scalarValue = (name: string, ids: string[]): fc.Arbitrary<unknown> => {
  switch (name) {
    case 'ID': return hostileId(ids);
    case 'Int': return fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, -1, 101, 2 ** 31, -(2 ** 31) - 1, 1e15));
    case 'Float': return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308));
    case 'Boolean': return fc.boolean();
    case 'DateTime': return dateTime;
    default: return hostileString;
  }
};

/** A value for an input type: mostly of the right shape, with hostile content; sometimes of the wrong type. */
function inputValue(type: GraphQLInputType, ids: string[], depth: number): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), fc.integer(), hostileString, fc.constant({ nope: 1 }), fc.constant([1, 'a']));
  const inner = getNullableType(type) as GraphQLInputType;
  let right: fc.Arbitrary<unknown>;
  if (isListType(inner)) right = depth > 2 ? fc.constant([]) : fc.array(inputValue(inner.ofType, ids, depth + 1), { maxLength: 3 });
  else if (isEnumType(inner)) right = fc.oneof(fc.constantFrom(...inner.getValues().map((v) => v.name)), fc.constantFrom('NOPE', 'open', ''));
  else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    right = depth > 2
      ? fc.constant({})
      : fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, ids, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
  } else if (isScalarType(inner)) right = scalarValue(inner.name, ids);
  else right = hostileString;
  return fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** A selection of an output type's fields to `depth` levels (fields that need arguments are left out below the root). */
function selectionOf(schema: GraphQLSchema, type: GraphQLOutputType, depth: number): fc.Arbitrary<string> {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return fc.constant('');
  if (isUnionType(named)) {
    const members = [...named.getTypes()];
    return fc.subarray(members, { minLength: 1, maxLength: Math.min(2, members.length) }).chain((chosen) =>
      fc.tuple(...chosen.map((member) => selectionOf(schema, member, depth).map((inner) => `... on ${member.name} ${inner}`)))
        .map((parts) => `{ __typename ${parts.join(' ')} }`));
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return fc.constant('{ __typename }');
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)) && (depth > 0 || isLeafType(getNamedType(f.type))));
  if (!fields.length) return fc.constant('{ __typename }');
  return fc.subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) }).chain((chosen) =>
    fc.tuple(...chosen.map((field: GraphQLField<unknown, unknown>) => selectionOf(schema, field.type, depth - 1).map((inner) => `${field.name} ${inner}`)))
      .map((parts) => `{ ${parts.join(' ')} }`));
}

/** Ways a selection goes wrong: a field that does not exist, a scalar given a selection, nothing selected. */
const breakSelection = (selection: string) => fc.constantFrom(
  ...Array<string>(6).fill(selection),
  selection.replace(/^\{/, '{ nope'),
  selection ? '{ }' : '{ id }',
  selection.replace(/\{ (\w+) /, '{ $1 { x } '),
);

/** One call to `field` of the root type `kind`. */
function callOf(schema: GraphQLSchema, kind: FuzzCall['kind'], field: GraphQLField<unknown, unknown>, pools: FuzzPools): fc.Arbitrary<FuzzCall> {
  const args = field.args;
  const argument = (i: number) => fc.record({
    value: inputValue(args[i].type, pools.ids, 0),
    // Sometimes missing (a required one is then refused), sometimes a literal instead of a variable.
    mode: fc.constantFrom('variable', 'variable', 'variable', 'variable', 'literal', 'missing'),
    declared: fc.constantFrom(...Array<string>(6).fill(String(args[i].type)), 'String', 'Int!'),
  });
  return fc.record({
    args: fc.tuple(...args.map((_, i) => argument(i))),
    selection: selectionOf(schema, field.type, 2).chain(breakSelection),
    credential: fc.constantFrom(...Object.keys(pools.credentials)),
  }).map(({ args: given, selection, credential }) => {
    const definitions: string[] = [];
    const passed: string[] = [];
    const variables: Record<string, unknown> = {};
    given.forEach((arg, i) => {
      const name = args[i].name;
      if (arg.mode === 'missing') return;
      if (arg.mode === 'literal' && typeof arg.value === 'string' && arg.value.length < 200) {
        passed.push(`${name}: ${JSON.stringify(arg.value)}`);
        return;
      }
      definitions.push(`$v${i}: ${arg.declared}`);
      passed.push(`${name}: $v${i}`);
      variables[`v${i}`] = arg.value;
    });
    const header = definitions.length ? `(${definitions.join(', ')})` : '';
    const query = `${kind} Fuzz${header} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selection} }`;
    return { kind, field: field.name, query, variables, credential };
  });
}

/** Every root field of the schema (`query.tickets`, ...) with the generator of its calls. */
export function schemaCalls(schema: GraphQLSchema, pools: FuzzPools): Array<{ name: string; calls: fc.Arbitrary<FuzzCall> }> {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const;
  return roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => ({ name: `${kind}.${field.name}`, calls: callOf(schema, kind, field, pools) })));
}
