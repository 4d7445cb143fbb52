import { SignJWT, errors, jwtVerify } from 'jose';
import type { Role } from './roles';

const ALGORITHM = 'HS256';
const ISSUER = 'tickets';

export interface TokenClaims {
  userId: string;
  role: Role;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims): Promise<string> {
    return new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The claims of a valid token, or null when it is bad or expired. Only HS256 is accepted. */
  async verify(token: string): Promise<(TokenClaims & { expiresAt: number }) | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER });
      if (typeof payload.sub !== 'string' || typeof payload.role !== 'string' || !payload.exp) return null;
      return { userId: payload.sub, role: payload.role as Role, expiresAt: payload.exp * 1000 };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
