import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

/** 32 lowercase hex characters, the id format of Keystone, Nova flavors aside. */
export const hexId = (): string => randomUUID().replace(/-/g, '');

/** Dashed UUID, the id format of Nova servers, Neutron, Cinder, Glance. */
export const uuid = (): string => randomUUID();

/** Deterministic 32-hex id: seeded objects keep their ids across restarts (stable demo URLs). */
export const stableHexId = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** Deterministic dashed UUID for seeded objects of services that use UUIDs. */
export function stableUuid(...parts: string[]): string {
  const h = stableHexId(...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const randomToken = (bytes = 48): string => randomBytes(bytes).toString('base64url');

/** A token or secret a user passes on a command line: led by a 0x80 byte like Keystone's Fernet tokens ("gAAAA…"),
 *  since base64url may start with "-", which the openstack CLI reads as an option (`openstack token revoke -Xy…`). */
export const cliSafeToken = (bytes = 48): string => Buffer.concat([Buffer.from([0x80]), randomBytes(bytes)]).toString('base64url');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

// Passwords and secrets are stored as salted scrypt hashes. N is small: this is a demo,
// and seeding or 1,000 logins in a test must stay fast.
const SCRYPT = { N: 1024, r: 8, p: 1 } as const;

export function hashSecret(secret: string): string {
  const salt = randomBytes(16).toString('hex');
  return `scrypt$${salt}$${scryptSync(secret, salt, 32, SCRYPT).toString('hex')}`;
}

export function verifySecret(secret: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const actual = scryptSync(secret, salt, 32, SCRYPT);
  const expected = Buffer.from(hash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
