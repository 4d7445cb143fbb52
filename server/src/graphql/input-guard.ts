import { type DocumentNode, type OperationDefinitionNode, type ValueNode, Kind, visit } from 'graphql';
import { badInput } from '../errors';

/**
 * Control characters other than tab, line feed and carriage return. PostgreSQL refuses NUL in
 * text (a 500 once it reached a statement) and none of them belongs in what people type.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Variables = Record<string, unknown> | null | undefined;

/**
 * The one check of every string argument, before anything runs: literals in the document and
 * the variables they use, however deep in input objects and lists. BAD_USER_INPUT names the
 * argument or input field that holds the character.
 */
export function refuseControlCharacters(document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): void {
  const inValue = (value: unknown, field: string): void => {
    if (typeof value === 'string') {
      if (CONTROL.test(value)) throw badInput(field, `Control characters (such as NUL) are not allowed in the ${words(field)}; remove them and try again`);
    } else if (Array.isArray(value)) {
      for (const item of value) inValue(item, field);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) inValue(item, key);
    }
  };
  const inNode = (node: ValueNode, field: string): void => {
    if (node.kind === Kind.STRING) inValue(node.value, field);
    else if (node.kind === Kind.VARIABLE) inValue(variables?.[node.name.value], field);
    else if (node.kind === Kind.LIST) for (const item of node.values) inNode(item, field);
    else if (node.kind === Kind.OBJECT) for (const item of node.fields) inNode(item.value, item.name.value);
  };
  // Arguments of every field in the document (fragments included) and the operation's variable defaults.
  visit(document, { Argument: (node) => inNode(node.value, node.name.value) });
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) inNode(definition.defaultValue, definition.variable.name.value);
  }
  // Variables the document never uses are ignored by GraphQL; they are checked anyway (cheap, and never stored).
  for (const [name, value] of Object.entries(variables ?? {})) inValue(value, name);
}

/** "sessionIds" -> "session ids", for the message. */
const words = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
