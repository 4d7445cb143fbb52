import { badInput } from '../errors';
import { Algorithm, hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  // No password yet (invited, synced): checked against the decoy so the time tells nothing.
  if (!passwordHash) return verify(await decoyPasswordHash(), password).then(() => false, () => false);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the email is unknown, so timing tells nothing. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword('decoy-password-never-matches'));

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 200;

/** The one password rule, in words; `field` names the input at fault. */
export function checkNewPassword(field: string, password: string): void {
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
    throw badInput(field, `The password must be ${MIN_PASSWORD} to ${MAX_PASSWORD} characters long`);
  }
}
