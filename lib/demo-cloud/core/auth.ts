// What every service learns about the caller from X-Auth-Token. The identity service installs
// the resolver (it owns the tokens); other services only call `ctx.auth()` / `ctx.authProject()`.

export interface AuthRef {
  id: string;
  name: string;
}

export interface ScopedRef extends AuthRef {
  domainId: string;
}

export interface AuthInfo {
  user: ScopedRef;
  /** null for unscoped and domain-scoped tokens. */
  project: ScopedRef | null;
  /** Set for domain-scoped tokens. */
  domain: AuthRef | null;
  roles: AuthRef[];
  /** Role names, for quick checks: `auth.roleNames.includes('member')`. */
  roleNames: string[];
  /** Has the `admin` role (Keystone's `role:admin`, what every default policy calls admin). */
  isAdmin: boolean;
  expiresAt: number;
  applicationCredential: { id: string; name: string; restricted: boolean } | null;
  /** sha256 of the token: a safe key for per-token caches, never the token itself. */
  tokenHash: string;
}

export type ProjectAuthInfo = AuthInfo & { project: ScopedRef };

export type TokenResolver = (token: string) => AuthInfo | null;
