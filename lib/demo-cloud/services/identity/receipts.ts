import type { CloudCore } from '../../core/cloud';
import { cliSafeToken, sha256 } from '../../core/ids';
import type { IdentityModel, ReceiptRecord, User } from './model';

// Keystone's auth receipts (MFA): a request that satisfied some of the user's MFA rules' methods
// gets a 401 whose Openstack-Auth-Receipt header carries what it proved; the next request sends the
// header plus the missing methods. Receipts live [receipt] expiration = 300 s, as Keystone's default.

export const RECEIPT_HEADER = 'Openstack-Auth-Receipt';
const RECEIPT_TTL_MS = 300_000;

/** The auth methods this Keystone has loaded ([auth] methods): MFA rules only count these. */
export const LOADED_AUTH_METHODS: ReadonlySet<string> = new Set(['password', 'token', 'application_credential', 'totp']);

/** The user's rules, each reduced to loaded methods, duplicates and empty rules dropped. */
function activeRules(user: User): string[][] {
  if (user.options?.multi_factor_auth_enabled === false) return [];
  return (user.options?.multi_factor_auth_rules ?? [])
    .map((rule) => [...new Set(rule)].filter((m) => LOADED_AUTH_METHODS.has(m)))
    .filter((rule) => rule.length > 0);
}

/**
 * null when the methods satisfy a rule (or no rule applies); else Keystone's required_auth_methods:
 * every rule that shares a method with what was proved.
 */
export function missingMethods(user: User, methods: string[]): string[][] | null {
  const rules = activeRules(user);
  if (rules.length === 0 || rules.some((rule) => rule.every((m) => methods.includes(m)))) return null;
  return rules.filter((rule) => rule.some((m) => methods.includes(m)));
}

export class Receipts {
  constructor(
    private readonly m: IdentityModel,
    private readonly core: CloudCore,
  ) {}

  /** Mints a receipt and returns its id (stored hashed, like tokens). */
  issue(userId: string, methods: string[], now: number): string {
    for (const [hash, rec] of Object.entries(this.m.receipts)) if (rec.expires_at <= now) delete this.m.receipts[hash];
    const id = cliSafeToken(32);
    this.m.receipts[sha256(id)] = { user_id: userId, methods, issued_at: now, expires_at: now + RECEIPT_TTL_MS };
    return id;
  }

  lookup(id: string, now = this.core.clock.now()): ReceiptRecord | null {
    const rec = this.m.receipts[sha256(id)];
    return rec && rec.expires_at > now ? rec : null;
  }
}
