import type { MikroORM } from '@mikro-orm/postgresql';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/tokens';
import { type Config, resolveJwtSecret } from './config';

/** Everything long-lived the resolvers need, built once at boot. */
export interface Services {
  config: Config;
  orm: MikroORM;
  tokens: TokenService;
  auth: AuthService;
  /** Stops background work (workers, listeners) started with the services. */
  close(): Promise<void>;
}

export function createServices(config: Config, orm: MikroORM): Services {
  const tokens = new TokenService(resolveJwtSecret(config), config.jwtTtlSeconds);
  return { config, orm, tokens, auth: new AuthService(tokens), close: async () => {} };
}
