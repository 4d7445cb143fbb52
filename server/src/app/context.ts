import type { AppLoaders } from './loaders';
import type { AppServices } from './services';

/**
 * Completes the GraphQL kit's Services and Loaders (graphql/context.ts) with what this root
 * assembles: every resolver's `ctx.services` and `ctx.loaders` are typed from here, while
 * graphql/ itself imports no feature.
 */
declare module '../graphql/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Services extends AppServices {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends AppLoaders {}
}
