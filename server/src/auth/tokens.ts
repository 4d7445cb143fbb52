import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Role } from './roles';

const ALGORITHM = 'HS256';
const ISSUER = 'tickets';

export interface TokenClaims {
  userId: string;
  role: Role;
  /** The user's token generation when signed; a later changePassword or logout(everywhere) bumps it. */
  generation: number;
}

export interface VerifiedToken extends TokenClaims {
  /** The token's own id (jti): logout revokes exactly this one. */
  tokenId: string;
  expiresAt: number;
}

export class TokenService {
  private readonly key: Uint8Array;

  /** A key derived from the secret for signing short-lived cookies (single sign-on state), never a token. */
  readonly cookieKey: Buffer;

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
    this.cookieKey = createHash('sha256').update(`cookie:${secret}`).digest();
  }

  sign(claims: TokenClaims): Promise<string> {
    return new SignJWT({ role: claims.role, gen: claims.generation })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The claims of a valid token, or null when it is bad or expired. Only HS256 is accepted. */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER });
      const { sub, role, gen, jti, exp } = payload;
      if (typeof sub !== 'string' || typeof role !== 'string' || typeof gen !== 'number' || typeof jti !== 'string' || !exp) return null;
      return { userId: sub, role: role as Role, generation: gen, tokenId: jti, expiresAt: exp * 1000 };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
