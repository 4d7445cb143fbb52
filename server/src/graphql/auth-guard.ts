import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  Kind,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import type { Role } from '../auth/roles';
import { ANY_SCOPE, OPERATION_SCOPES, PEOPLE_ONLY, TYPE_SCOPES, expandScopes } from '../auth/scopes';
import type { Viewer } from '../auth/viewer';
import type { Context } from './context';
import { type DomainError, forbidden, unauthenticated } from '../errors';

/** The one auth guard. Returns the caller, or throws UNAUTHENTICATED / FORBIDDEN. */
export function requireViewer(ctx: Pick<Context, 'viewer'>, roles?: readonly Role[]): Viewer {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (roles && !roles.includes(viewer.role)) throw forbidden();
  return viewer;
}

/** Root fields anyone may call, even with a bad credential: signing in again, and what the schema says. */
const OPEN_ROOT_FIELDS = new Set(['login', 'requestPasswordReset', '__typename', '__schema', '__type']);

/**
 * A bad, expired or revoked credential refuses the operation (UNAUTHENTICATED, so the client
 * knows to sign in again) unless it only asks for what anyone may: a stale token never stops
 * `login` or introspection.
 */
export function refuseBadCredential(document: DocumentNode, operationName: string | null | undefined, credentialError: DomainError | null | undefined): void {
  if (!credentialError) return;
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const seen = new Set<string>();
  const onlyOpen = (selectionSet: SelectionSetNode): boolean => selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return OPEN_ROOT_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyOpen(selection.selectionSet);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return true;
    seen.add(fragment.name.value);
    return onlyOpen(fragment.selectionSet);
  });
  if (!onlyOpen(operation.selectionSet)) throw credentialError;
}

/**
 * API key scopes, checked once per operation before anything runs (so no per-field cost): every
 * root field needs its OPERATION_SCOPES entry and every field read on a type in TYPE_SCOPES
 * needs that type's scope. People (tokens) are not scoped; their role rules apply in the resolvers.
 */
export function requireScopes(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, viewer: Viewer | null): void {
  if (!viewer?.apiKeyId) return;
  const granted = expandScopes(viewer.scopes ?? []);
  for (const needed of requiredScopes(schema, document, operationName)) {
    if (needed === ANY_SCOPE) continue;
    if (needed === PEOPLE_ONLY) throw forbidden('An API key may not do this; sign in as a person');
    if (!granted.has(needed)) throw forbidden(`This API key lacks the ${needed} scope`);
  }
}

const requirementCache = new WeakMap<DocumentNode, Map<string, Set<string>>>();

/** The scopes an operation needs (cached per parsed document, which Apollo reuses). */
export function requiredScopes(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Set<string> {
  let perOperation = requirementCache.get(document);
  if (!perOperation) requirementCache.set(document, (perOperation = new Map()));
  const key = operationName ?? '';
  const known = perOperation.get(key);
  if (known) return known;

  const needed = new Set<string>();
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (operation && root) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const visited = new Set<string>();
    const walk = (type: GraphQLNamedType, selectionSet: SelectionSetNode, atRoot: boolean) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (name.startsWith('__')) continue;
          // Fail closed: an operation nobody listed is for people only.
          if (atRoot) needed.add(OPERATION_SCOPES[name] ?? PEOPLE_ONLY);
          const typeScope = TYPE_SCOPES[type.name];
          if (typeScope) needed.add(typeScope);
          const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
          if (field && selection.selectionSet) walk(getNamedType(field.type), selection.selectionSet, false);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inner = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
          if (inner) walk(inner, selection.selectionSet, atRoot);
        } else {
          const fragment = fragments.get(selection.name.value);
          const inner = fragment && schema.getType(fragment.typeCondition.name.value);
          const visitKey = `${selection.name.value}:${atRoot}`;
          if (!fragment || !inner || visited.has(visitKey)) continue;
          visited.add(visitKey);
          walk(inner, fragment.selectionSet, atRoot);
        }
      }
    };
    walk(root, operation.selectionSet, true);
  }
  perOperation.set(key, needed);
  return needed;
}
