import { createHmac } from 'node:crypto';

// RFC 6238 TOTP as Keystone's totp plugin computes it: the credential's blob is a base32 secret
// (padding optional), HMAC-SHA1, 6 digits, 30 s steps, and [totp] included_previous_windows = 1
// (the code of the step before the current one is still accepted).

export const PASSCODE_LENGTH = 6;
export const PASSCODE_TIME_PERIOD = 30;
export const INCLUDED_PREVIOUS_WINDOWS = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (Python's b32decode: upper case only, '=' padding). Throws on a bad secret. */
export function base32Decode(secret: string): Buffer {
  const s = secret.replace(/=+$/, '');
  if (!/^[A-Z2-7]*$/.test(s) || s.length === 0) throw new TypeError('Non-base32 digit found');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The passcode of a base32 secret at a time (ms since the epoch). */
export function totpCode(secret: string, atMs: number): string {
  const counter = Math.floor(atMs / 1000 / PASSCODE_TIME_PERIOD);
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** PASSCODE_LENGTH).padStart(PASSCODE_LENGTH, '0');
}

/** True when the passcode matches the current or an included previous window. Bad secrets never match. */
export function totpMatches(secret: string, passcode: string, nowMs: number): boolean {
  try {
    for (let i = 0; i <= INCLUDED_PREVIOUS_WINDOWS; i++) {
      if (totpCode(secret, nowMs - i * PASSCODE_TIME_PERIOD * 1000) === passcode) return true;
    }
  } catch {
    /* Keystone logs "Base32 decode failed" and tries the next credential */
  }
  return false;
}
