import type { AuthInfo } from '../../core/auth';
import { buildCatalog } from '../../core/catalog';
import { isoMicro } from '../../core/clock';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, forbidden, HttpError, notFound, unauthorized } from '../../core/errors';
import { cliSafeToken, randomToken, sha256, verifySecret } from '../../core/ids';
import type { ApplicationCredential, Domain, IdentityModel, Project, Role, TokenRecord, User } from './model';
import { missingMethods, type Receipts } from './receipts';
import type { AuthRequest } from './schemas';
import { totpMatches } from './totp';

// Token issue, validation and resolution. Tokens are random opaque strings; state keeps
// sha256(token) -> record. Roles are re-computed at validation, so revoking a grant or
// disabling a user/project invalidates tokens at once, as in Keystone.

/** Keystone keeps expired tokens validatable with ?allow_expired for this long. */
const ALLOW_EXPIRED_WINDOW_MS = 48 * 3600 * 1000;

export interface ResolvedToken {
  rec: TokenRecord;
  hash: string;
  user: User;
  project: Project | null;
  domain: Domain | null;
  roles: Role[];
  appCred: ApplicationCredential | null;
}

export const TOKEN_NOT_FOUND = () => notFound('Failed to validate token');

/** What POST /v3/auth/tokens produced: a token, or (MFA rules unmet) a receipt for the 401. */
export type IssueResult = { token: string; resolved: ResolvedToken } | { receipt: string; user: User; methods: string[]; required: string[][] };

export class Tokens {
  constructor(
    private readonly m: IdentityModel,
    private readonly core: CloudCore,
    private readonly receipts: Receipts,
  ) {}

  /** Resolves a raw token; null when unknown, revoked, expired (unless allowed) or no longer valid. */
  lookup(token: string, allowExpired = false): ResolvedToken | null {
    const hash = sha256(token);
    const rec = this.m.s.tokens[hash];
    if (!rec) return null;
    const now = this.core.clock.now();
    if (rec.expires_at <= now && !(allowExpired && rec.expires_at > now - ALLOW_EXPIRED_WINDOW_MS)) return null;
    const user = this.m.s.users[rec.user_id];
    if (!user || !user.enabled || !this.m.s.domains[user.domain_id]?.enabled) return null;

    let appCred: ApplicationCredential | null = null;
    if (rec.app_cred_id) {
      appCred = this.m.s.applicationCredentials[rec.app_cred_id] ?? null;
      if (!appCred || (appCred.expires_at !== null && appCred.expires_at <= now)) return null;
    }
    let project: Project | null = null;
    let domain: Domain | null = null;
    let roleIds: string[] = [];
    if (rec.project_id) {
      project = this.m.s.projects[rec.project_id] ?? null;
      if (!project || !project.enabled) return null;
      roleIds = this.m.directRoleIds(user.id, { projectId: project.id });
    } else if (rec.domain_id) {
      domain = this.m.s.domains[rec.domain_id] ?? null;
      if (!domain || !domain.enabled) return null;
      roleIds = this.m.directRoleIds(user.id, { domainId: domain.id });
    }
    let roles = this.m.effectiveRoles(roleIds);
    if (appCred) {
      const allowed = new Set(this.m.effectiveRoles(appCred.role_ids).map((r) => r.id));
      roles = roles.filter((r) => allowed.has(r.id));
    }
    // A scoped token whose user lost every role on the scope is no longer valid.
    if ((project || domain) && roles.length === 0) return null;
    return { rec, hash, user, project, domain, roles, appCred };
  }

  authInfo(t: ResolvedToken): AuthInfo {
    const roles = t.roles.map((r) => ({ id: r.id, name: r.name }));
    return {
      user: { id: t.user.id, name: t.user.name, domainId: t.user.domain_id },
      project: t.project ? { id: t.project.id, name: t.project.name, domainId: t.project.domain_id } : null,
      domain: t.domain ? { id: t.domain.id, name: t.domain.name } : null,
      roles,
      roleNames: roles.map((r) => r.name),
      isAdmin: roles.some((r) => r.name === 'admin'),
      expiresAt: t.rec.expires_at,
      applicationCredential: t.appCred
        ? { id: t.appCred.id, name: t.appCred.name, restricted: !t.appCred.unrestricted }
        : null,
      tokenHash: t.hash,
    };
  }

  revoke(t: ResolvedToken): void {
    delete this.m.s.tokens[t.hash];
  }

  /** POST /v3/auth/tokens: the new raw token, or a receipt when the user's MFA rules want more methods. */
  issue(req: AuthRequest, receiptId?: string): IssueResult {
    const { identity, scope } = req.auth;
    const methods = [...new Set(identity.methods)];
    const now = this.core.clock.now();
    let expiresAt = now + this.core.options.tokenTtlSeconds * 1000;
    let user: User;
    let auditIds = [randomToken(16)];
    let tokenMethods = methods;
    let appCred: ApplicationCredential | null = null;

    if (methods.includes('token') || methods.includes('application_credential')) {
      if (methods.length !== 1) throw unauthorized(); // these are not combined with other factors here
      if (methods[0] === 'token') {
        if (!identity.token) throw badRequest('Expecting to find token in identity.');
        const parent = this.lookup(identity.token.id);
        if (!parent) throw TOKEN_NOT_FOUND();
        if (parent.appCred) throw forbidden('Using a token to rescope an application-credential token is not allowed.');
        user = parent.user;
        expiresAt = parent.rec.expires_at; // rescoping never extends a token's life
        auditIds = [auditIds[0], parent.rec.audit_ids[parent.rec.audit_ids.length - 1]];
        tokenMethods = ['token', ...parent.rec.methods.filter((x) => x !== 'token')];
      } else {
        if (!identity.application_credential) throw badRequest('Expecting to find application_credential in identity.');
        ({ user, appCred } = this.findAppCred(identity.application_credential));
        if (scope !== undefined && scope !== 'unscoped') throw unauthorized();
      }
    } else {
      user = this.authenticateFactors(identity, methods, now);
      // A receipt from an earlier 401 adds the methods it proved (same user only).
      if (receiptId !== undefined) {
        const receipt = this.receipts.lookup(receiptId, now);
        if (!receipt || receipt.user_id !== user.id) throw unauthorized();
        tokenMethods = [...new Set([...receipt.methods, ...methods])];
      }
      const required = missingMethods(user, tokenMethods);
      if (required) {
        if (!user.enabled || !this.m.s.domains[user.domain_id]?.enabled) throw unauthorized();
        return { receipt: this.receipts.issue(user.id, tokenMethods, now), user, methods: tokenMethods, required };
      }
    }
    if (!user.enabled || !this.m.s.domains[user.domain_id]?.enabled) throw unauthorized();

    const rec: TokenRecord = {
      user_id: user.id,
      project_id: null,
      domain_id: null,
      methods: tokenMethods,
      audit_ids: auditIds,
      issued_at: now,
      expires_at: expiresAt,
      app_cred_id: appCred?.id ?? null,
    };
    if (appCred) rec.project_id = appCred.project_id;
    else if (scope && scope !== 'unscoped') this.applyScope(rec, scope);
    else if (scope === undefined && user.default_project_id) {
      // Like Keystone: no scope requested -> the default project, when the user still has a role there.
      const p = this.m.s.projects[user.default_project_id];
      if (p?.enabled && this.m.directRoleIds(user.id, { projectId: p.id }).length > 0) rec.project_id = p.id;
    }

    this.sweep(now);
    const token = cliSafeToken();
    const hash = sha256(token);
    this.m.s.tokens[hash] = rec;
    const resolved = this.lookup(token);
    if (!resolved) {
      delete this.m.s.tokens[hash];
      throw unauthorized(); // e.g. no role on the requested project
    }
    return { token, resolved };
  }

  /** The token document (`{"token": {...}}`) for POST and GET /v3/auth/tokens. */
  body(ctx: RequestContext, t: ResolvedToken, withCatalog: boolean) {
    const domainRef = (id: string) => ({ id, name: this.m.s.domains[id]?.name ?? id });
    const token: Record<string, unknown> = {
      methods: t.rec.methods,
      user: { domain: domainRef(t.user.domain_id), id: t.user.id, name: t.user.name, password_expires_at: null },
      audit_ids: t.rec.audit_ids,
      expires_at: isoMicro(t.rec.expires_at),
      issued_at: isoMicro(t.rec.issued_at),
    };
    if (t.project) {
      token.project = { domain: domainRef(t.project.domain_id), id: t.project.id, name: t.project.name };
      token.is_domain = false;
    }
    if (t.domain) token.domain = { id: t.domain.id, name: t.domain.name };
    if (t.project || t.domain) {
      token.roles = t.roles.map((r) => ({ id: r.id, name: r.name }));
      if (withCatalog) token.catalog = buildCatalog(this.core.services, ctx.baseUrl, t.project?.id ?? null);
    }
    if (t.appCred) {
      token.application_credential = { id: t.appCred.id, name: t.appCred.name, restricted: !t.appCred.unrestricted };
    }
    return { token };
  }

  /** Runs each of password and totp; every method must succeed for the same user. */
  private authenticateFactors(identity: AuthRequest['auth']['identity'], methods: string[], now: number): User {
    let user: User | undefined;
    for (const method of methods) {
      let u: User;
      if (method === 'password') {
        if (!identity.password) throw badRequest('Expecting to find password in identity.');
        const { user: ref } = identity.password;
        u = this.findUser(ref);
        if (!u.password_hash || !verifySecret(ref.password, u.password_hash)) throw unauthorized();
      } else if (method === 'totp') {
        if (!identity.totp) throw badRequest('Expecting to find totp in identity.');
        const { user: ref } = identity.totp;
        u = this.findUser(ref);
        const secrets = Object.values(this.m.credentials).filter((c) => c.user_id === u.id && c.type === 'totp');
        // Keystone's message ("Invalid username or TOTP passcode") is hidden behind the generic 401.
        if (!secrets.some((c) => totpMatches(c.blob, ref.passcode, now))) throw unauthorized();
      } else {
        throw unauthorized();
      }
      if (user && user.id !== u.id) throw unauthorized();
      user = u;
    }
    if (!user) throw unauthorized();
    return user;
  }

  private findDomain(ref: { id?: string; name?: string } | undefined): Domain | undefined {
    if (!ref) return undefined;
    return ref.id ? this.m.s.domains[ref.id] : ref.name ? this.m.findDomainByName(ref.name) : undefined;
  }

  private findUser(ref: { id?: string; name?: string; domain?: { id?: string; name?: string } }): User {
    if (ref.id) {
      const u = this.m.s.users[ref.id];
      if (!u) throw unauthorized();
      return u;
    }
    if (!ref.name) throw badRequest('Expecting to find id or name in user.');
    if (!ref.domain) throw badRequest('Expecting to find domain in user.');
    const domain = this.findDomain(ref.domain);
    const u = domain ? this.m.findUserByName(ref.name, domain.id) : undefined;
    if (!u) throw unauthorized();
    return u;
  }

  private findAppCred(ref: NonNullable<AuthRequest['auth']['identity']['application_credential']>) {
    let ac: ApplicationCredential | undefined;
    if (ref.id) ac = this.m.s.applicationCredentials[ref.id];
    else if (ref.name && ref.user) {
      const user = this.findUser(ref.user);
      ac = Object.values(this.m.s.applicationCredentials).find((c) => c.user_id === user.id && c.name === ref.name);
    } else throw badRequest('Expecting to find id or name and user in application_credential.');
    // Keystone looks the credential up first: an unknown one is a 404, a wrong secret a 401.
    if (!ac) throw notFound(`Could not find Application Credential: ${ref.id ?? ref.name}.`);
    if (!verifySecret(ref.secret, ac.secret_hash)) throw unauthorized();
    if (ac.expires_at !== null && ac.expires_at <= this.core.clock.now()) throw unauthorized();
    const user = this.m.s.users[ac.user_id];
    if (!user) throw unauthorized();
    return { user, appCred: ac };
  }

  private applyScope(rec: TokenRecord, scope: Exclude<AuthRequest['auth']['scope'], 'unscoped' | undefined>) {
    if (scope.project) {
      const ref = scope.project;
      let project: Project | undefined;
      if (ref.id) project = this.m.s.projects[ref.id];
      else if (ref.name) {
        if (!ref.domain) throw badRequest('Expecting to find domain in project.');
        const d = this.findDomain(ref.domain);
        project = d ? this.m.findProjectByName(ref.name, d.id) : undefined;
      } else throw badRequest('Expecting to find id or name in project.');
      if (!project || !project.enabled) throw unauthorized();
      rec.project_id = project.id;
    } else if (scope.domain) {
      const d = this.findDomain(scope.domain);
      if (!d) throw unauthorized();
      rec.domain_id = d.id;
    } else if (scope.system !== undefined || scope['OS-TRUST:trust'] !== undefined) {
      throw new HttpError(401, 'The demo cloud offers project and domain scopes only.');
    }
  }

  /** Drops records past the allow_expired window so the state does not grow forever. */
  private sweep(now: number) {
    for (const [hash, rec] of Object.entries(this.m.s.tokens)) {
      if (rec.expires_at <= now - ALLOW_EXPIRED_WINDOW_MS) delete this.m.s.tokens[hash];
    }
  }
}
