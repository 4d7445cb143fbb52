import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTVisitor, type DirectiveNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * What one GraphQL document may ask for. The dashboard's own documents stay well inside (the
 * largest, TicketDetail: depth 6, 216 tokens, cost 478, no aliases or directives;
 * tests/integration/security-limits.test.ts checks every one), and graphql-cop's overload probes
 * (101 aliases, 10 duplicated directives, 500 repeated fields) are refused before anything runs.
 */
export const QUERY_LIMITS = {
  /** Nesting of fields, fragments flattened. */
  maxDepth: 10,
  /** Aliases, `__typename` included (an alias of __typename is as cheap to abuse as any other). */
  maxAliases: 15,
  /** Directives in one operation; a directive may not repeat on one location either. */
  maxDirectives: 5,
  /** Lexer tokens of the whole document. */
  maxTokens: 1_500,
  /**
   * Cost (operation-cost.ts): 1 per scalar, 2 per object plus 1.5 times its fields, times the
   * page size `first` however it is given (literal, variable, default; 20 when absent). A full
   * page of 100 tickets with their people, sessions, logs and credit notes costs about 26,000.
   */
  maxCost: 50_000,
  /** Validation stops after this many errors. */
  maxValidationErrors: 5,
  /** Bytes of one HTTP request body. */
  maxBodyBytes: 128 * 1024,
} as const;

/**
 * The same directive twice on one node is refused whether or not the directive exists (the
 * spec's rule only covers known, non-repeatable ones), so nobody can pile up work on one field.
 */
export const noDuplicateDirectivesRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  enter(node) {
    const directives = (node as { directives?: readonly DirectiveNode[] }).directives;
    if (!directives || directives.length < 2) return;
    const seen = new Set<string>();
    for (const directive of directives) {
      if (seen.has(directive.name.value)) {
        context.reportError(new GraphQLError(`The directive "@${directive.name.value}" may be used only once here`, { nodes: directive }));
        return;
      }
      seen.add(directive.name.value);
    }
  },
});

/** More than this many selections of one field (same response name) in one selection set is refused. */
const MAX_FIELD_REPEATS = 3;

/** `{ a a a a ... }` costs the server work per copy while looking cheap to the cost limit's budget. */
export const noFieldFloodRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  SelectionSet(node) {
    const counts = new Map<string, number>();
    for (const selection of node.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > MAX_FIELD_REPEATS) {
        context.reportError(new GraphQLError(`The field "${key}" is selected more than ${MAX_FIELD_REPEATS} times`, { nodes: selection }));
        return;
      }
    }
  },
});

const LIMIT_WORDS: Record<string, string> = {
  'Query depth': 'nests fields {found} levels deep; at most {n} levels are allowed',
  Aliases: 'uses {found} aliases; at most {n} are allowed',
  Directives: 'uses {found} directives; at most {n} are allowed',
};

/** graphql-armor says "Syntax Error: Aliases limit of 15 exceeded, found 16."; people get words. */
const inWords = (context: ValidationContext | null, error: GraphQLError) => {
  const match = /: (.+) limit of (\d+) exceeded, found (\d+)/.exec(error.message);
  const words = match && LIMIT_WORDS[match[1]];
  const message = words ? `This request ${words.replace('{found}', match[3]).replace('{n}', match[2])}` : 'This request is too large';
  context?.reportError(new GraphQLError(message));
};
const armorLimit = (n: number) => ({ n, exposeLimits: true, propagateOnRejection: false, onReject: [inWords] });

/**
 * graphql-armor's validation rules and Apollo plugins for the limits above. The cost limit is not
 * armor's (it reads only literal numbers): operation-cost.ts checks it once variables are known.
 */
export function queryLimitProtection(options: { blockFieldSuggestions: boolean }) {
  const armor = new ApolloArmor({
    maxDepth: { ...armorLimit(QUERY_LIMITS.maxDepth), flattenFragments: true },
    maxAliases: { ...armorLimit(QUERY_LIMITS.maxAliases), allowList: [] },
    maxDirectives: armorLimit(QUERY_LIMITS.maxDirectives),
    // Tokens are limited by the parser itself (Apollo's parseOptions, graphql-ws's parse): armor's
    // plugin re-parses in a hook where a syntax error becomes a 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions },
  });
  const protection = armor.protect();
  return { plugins: protection.plugins, validationRules: [...protection.validationRules, noDuplicateDirectivesRule, noFieldFloodRule] };
}
