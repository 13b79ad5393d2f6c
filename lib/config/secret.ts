// The iron-session password: SESSION_SECRET, or a random one generated once and kept in a local file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from './clouds-parse';

export const MIN_SECRET_LENGTH = 32;

export class SessionSecretError extends Error {}

export function resolveSessionSecret(env: Env, stateDir: string, log: (msg: string) => void = console.log): string {
  const fromEnv = env.SESSION_SECRET;
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new SessionSecretError(
        `SESSION_SECRET is too short (${fromEnv.length} characters); it must be at least ${MIN_SECRET_LENGTH}. Generate one with: openssl rand -base64 48`,
      );
    }
    return fromEnv;
  }
  const file = path.join(stateDir, 'session-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= MIN_SECRET_LENGTH) return existing;
  } catch {
    // Not there yet: generate below.
  }
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  // Write then rename so that concurrent workers never read a half-written secret.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, secret, { mode: 0o600 });
  fs.renameSync(tmp, file);
  log(`SESSION_SECRET is not set: generated a random session secret in ${file} (set SESSION_SECRET when running several processes).`);
  return fs.readFileSync(file, 'utf8').trim();
}

export function stateDir(env: Env): string {
  return env.STRATUS_STATE_DIR ?? path.join(process.cwd(), '.stratus');
}
