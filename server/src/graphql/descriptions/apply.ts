import { type GraphQLSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/** A description per schema member: `Type`, `Type.field`, `Type.field(argument)`, `Enum.VALUE`. */
export type Descriptions = Record<string, string>;

/** Connection arguments, described once for every list. */
const PAGE_ARGUMENTS: Descriptions = {
  first: 'How many items to return: 1 to 100, 20 when left out.',
  after: 'The `endCursor` of the previous page; left out, the list starts at its beginning.',
};

/**
 * Gives the members that have no description in their decorator the catalogue's one (type-graphql
 * cannot describe root types, enum values without a config, or every argument inline). A key that
 * names no member, or a member described both inline and here, fails the build: each rule once.
 */
export function applyDescriptions(schema: GraphQLSchema, catalogue: Descriptions): void {
  const unused = new Set(Object.keys(catalogue));
  const twice: string[] = [];
  const take = (key: string, current: string | null | undefined): string | null | undefined => {
    if (!(key in catalogue)) return current;
    unused.delete(key);
    if (current) twice.push(key);
    return current || catalogue[key];
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    type.description = take(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        field.description = take(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) {
          arg.description = take(`${type.name}.${field.name}(${arg.name})`, arg.description);
          const paging = getNamedType(arg.type).name === (arg.name === 'first' ? 'Int' : 'String');
          if (!arg.description && paging && PAGE_ARGUMENTS[arg.name]) arg.description = PAGE_ARGUMENTS[arg.name];
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) field.description = take(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) value.description = take(`${type.name}.${value.name}`, value.description);
    }
  }
  if (twice.length) throw new Error(`described both inline and in graphql/descriptions: ${twice.join(', ')}`);
  if (unused.size) throw new Error(`graphql/descriptions names members the schema does not have: ${[...unused].join(', ')}`);
}
