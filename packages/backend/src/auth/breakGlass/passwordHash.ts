import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
) => Promise<Buffer>;

const PREFIX = 'scrypt';
const KEY_LENGTH = 32;

/**
 * `scrypt:<salt>:<key>` (base64). The deployment's secret holds this, never
 * the password: a leaked config or secret dump does not open the portal.
 */
export async function hashBreakGlassPassword(
  password: string,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return [PREFIX, salt.toString('base64'), key.toString('base64')].join(':');
}

/** Throws when `stored` is not a hash this module wrote (a pasted password, say). */
export function assertBreakGlassHash(stored: string, key: string): void {
  const parts = stored.split(':');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) {
    throw new Error(
      `${key} is not a break-glass password hash; generate one with "yarn workspace backend breakglass-hash" (docs/operations/sign-in.md) and store the hash, not the password`,
    );
  }
}

export async function verifyBreakGlassPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const [, salt, key] = stored.split(':');
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}
