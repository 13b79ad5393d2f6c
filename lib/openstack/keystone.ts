// Keystone v3 client used by the login, switch and session code.
import 'server-only';
import { z } from 'zod';
import type { CloudConfig } from '@/lib/config/clouds';
import { CatalogSchema, type CatalogEntry } from './catalog-schema';
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { HttpError, normaliseUpstreamError, sessionExpired } from './errors';
import { osFetch } from './http';

const NamedRef = z.looseObject({ id: z.string(), name: z.string().default('') });
const DomainRef = z.looseObject({ id: z.string(), name: z.string().optional() });

export const TokenBodySchema = z.looseObject({
  token: z.looseObject({
    expires_at: z.string(),
    issued_at: z.string().optional(),
    methods: z.array(z.string()).default([]),
    user: NamedRef.extend({ domain: DomainRef.optional() }),
    project: NamedRef.extend({ domain: DomainRef.optional() }).optional(),
    roles: z.array(NamedRef).optional(),
    catalog: CatalogSchema.optional(),
  }),
});

export type TokenInfo = {
  token: string;
  expiresAt: number;
  user: { id: string; name: string; domainId: string };
  project?: { id: string; name: string; domainId: string };
  roles: string[];
  catalog?: CatalogEntry[];
};

export const ProjectSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  domain_id: z.string().optional(),
  enabled: z.boolean().optional(),
  description: z.string().nullish(),
});
export type KeystoneProject = z.infer<typeof ProjectSchema>;

/** Keystone refused a password or an application credential (what the log-in throttle counts as a failure). */
export class CredentialsRefused extends HttpError {
  constructor(message: string, text?: MsgKey) {
    super(401, message, text ? { text } : {});
    this.name = 'CredentialsRefused';
  }
}

/** How long logout and re-login wait for Keystone to revoke a token before going on without it. */
const REVOKE_TIMEOUT_MS = 5_000;

export type ProjectScope = { id: string } | { name: string; domain: { name: string } };

export type AuthMethod =
  | { kind: 'password'; username: string; password: string; userDomain: string }
  /** The second step of a multi-factor log-in: a TOTP passcode with the receipt of the first (Openstack-Auth-Receipt). */
  | { kind: 'totp'; userId: string; passcode: string; receipt: string }
  | { kind: 'password-user-id'; userId: string; password: string }
  | { kind: 'token'; token: string }
  | { kind: 'application_credential'; id: string; secret: string };

function identityFor(method: AuthMethod): Record<string, unknown> {
  switch (method.kind) {
    case 'password':
      return { methods: ['password'], password: { user: { name: method.username, domain: { name: method.userDomain }, password: method.password } } };
    case 'password-user-id':
      return { methods: ['password'], password: { user: { id: method.userId, password: method.password } } };
    case 'token':
      return { methods: ['token'], token: { id: method.token } };
    case 'application_credential':
      return { methods: ['application_credential'], application_credential: { id: method.id, secret: method.secret } };
    case 'totp':
      return { methods: ['totp'], totp: { user: { id: method.userId, passcode: method.passcode } } };
  }
}

export const RECEIPT_HEADER = 'Openstack-Auth-Receipt';

/**
 * Keystone's 401 for a user whose MFA rules want more than the password (keystone/auth/core.py): the receipt of what
 * was proved in the Openstack-Auth-Receipt header, the user, and `required_auth_methods`, each rule a list of methods.
 */
const ReceiptBodySchema = z.looseObject({
  receipt: z.looseObject({ methods: z.array(z.string()), user: NamedRef.extend({ domain: DomainRef.optional() }) }),
  required_auth_methods: z.array(z.array(z.string())),
});

/** The password was right, and Keystone wants a TOTP passcode too: the receipt to complete the log-in with. */
export class MfaRequired extends HttpError {
  constructor(
    public readonly receipt: string,
    public readonly user: { id: string; name: string },
  ) {
    super(401, 'Enter the passcode of your authenticator app', { text: 'server.errors.totpRequired' });
    this.name = 'MfaRequired';
  }
}

/**
 * What a receipt 401 asks for: MfaRequired when one of the rules is met by the methods proved plus TOTP; else the
 * rules Stratus cannot complete, said as they are.
 */
export function receiptChallenge(receipt: string, body: unknown): MfaRequired | HttpError {
  const parsed = ReceiptBodySchema.safeParse(body);
  if (!parsed.success) return new HttpError(502, 'Keystone answered an auth receipt without its required methods');
  const proved = new Set(parsed.data.receipt.methods);
  const rules = parsed.data.required_auth_methods;
  const totp = rules.some((rule) => rule.includes('totp') && rule.every((m) => m === 'totp' || proved.has(m)));
  if (totp) return new MfaRequired(receipt, { id: parsed.data.receipt.user.id, name: parsed.data.receipt.user.name });
  const wanted = rules.map((r) => r.join('+')).join(', ');
  return new HttpError(401, `Keystone wants other authentication methods for this user (${wanted}) than Stratus can ask for`, {
    text: msg('server.errors.mfaUnsupported', { methods: wanted }),
  });
}

function toTokenInfo(token: string, body: z.infer<typeof TokenBodySchema>): TokenInfo {
  const t = body.token;
  const expiresAt = Date.parse(t.expires_at);
  if (Number.isNaN(expiresAt)) throw new HttpError(502, `Keystone returned an unreadable expires_at: ${t.expires_at}`);
  return {
    token,
    expiresAt,
    user: { id: t.user.id, name: t.user.name, domainId: t.user.domain?.id ?? 'default' },
    project: t.project ? { id: t.project.id, name: t.project.name, domainId: t.project.domain?.id ?? 'default' } : undefined,
    roles: (t.roles ?? []).map((r) => r.name),
    catalog: t.catalog,
  };
}

async function readJson(res: Awaited<ReturnType<typeof osFetch>>, what: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(502, `${what} returned a response that is not JSON`);
  }
}

async function keystoneError(res: Awaited<ReturnType<typeof osFetch>>): Promise<HttpError> {
  const body = normaliseUpstreamError(res.status, res.headers.get('content-type'), await res.text(), res.headers as unknown as Headers, 'identity');
  return new HttpError(res.status, body.error.message, { service: 'identity', requestId: body.error.requestId });
}

/**
 * POST /v3/auth/tokens. Throws CredentialsRefused(401, 'Invalid username or password') on bad credentials, and
 * HttpError(401, 'Your session expired') when rescoping with a token Keystone no longer accepts.
 */
export async function authenticate(cloud: CloudConfig, method: AuthMethod, scope?: ProjectScope): Promise<TokenInfo> {
  const url = `${cloud.authUrl}/auth/tokens`;
  const auth: Record<string, unknown> = { identity: identityFor(method) };
  if (scope) auth.scope = { project: scope };
  const res = await osFetch(cloud, url, {
    service: 'identity',
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(method.kind === 'totp' ? { [RECEIPT_HEADER]: method.receipt } : {}) },
    body: JSON.stringify({ auth }),
  });
  // A right password of a user with MFA rules: Keystone's receipt, to be completed by a second step.
  const receipt = res.status === 401 && method.kind !== 'totp' ? res.headers.get(RECEIPT_HEADER) : null;
  if (receipt) throw receiptChallenge(receipt, await readJson(res, 'Keystone'));
  // An unknown application credential is a 404 in Keystone; to the user it is a wrong ID or secret. Rescoping with a
  // revoked or expired token is a 404 too (TokenNotFound "Failed to validate token"): the session is over.
  if (res.status === 401 || (res.status === 404 && (method.kind === 'application_credential' || method.kind === 'token'))) {
    await res.body?.cancel();
    if (method.kind === 'token') throw sessionExpired();
    if (method.kind === 'application_credential') throw new CredentialsRefused('Invalid application credential ID or secret', 'server.errors.invalidApplicationCredential');
    if (method.kind === 'totp') throw new CredentialsRefused('Invalid or expired passcode', 'server.errors.invalidPasscode');
    throw new CredentialsRefused('Invalid username or password', 'server.errors.invalidCredentials');
  }
  if (!res.ok) throw await keystoneError(res);
  const token = res.headers.get('x-subject-token');
  if (!token) throw new HttpError(502, 'Keystone did not return X-Subject-Token');
  const parsed = TokenBodySchema.safeParse(await readJson(res, 'Keystone'));
  if (!parsed.success) throw new HttpError(502, `Keystone token response is malformed: ${parsed.error.issues[0]?.path.join('.')}`);
  return toTokenInfo(token, parsed.data);
}

/** GET /v3/auth/tokens: validates a token and returns its catalog; undefined when the token is no longer valid. */
export async function validateToken(cloud: CloudConfig, token: string): Promise<TokenInfo | undefined> {
  const res = await osFetch(cloud, `${cloud.authUrl}/auth/tokens`, {
    service: 'identity',
    method: 'GET',
    headers: { 'x-auth-token': token, 'x-subject-token': token, accept: 'application/json' },
  });
  if (res.status === 401 || res.status === 404) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.ok) throw await keystoneError(res);
  const parsed = TokenBodySchema.safeParse(await readJson(res, 'Keystone'));
  if (!parsed.success) throw new HttpError(502, 'Keystone token validation response is malformed');
  return toTokenInfo(token, parsed.data);
}

/**
 * DELETE /v3/auth/tokens. Best effort: the token may already be gone, and logging out must still clear the cookie
 * when Keystone is down or slow (hence the short timeout). Keystone revokes by the token's audit id: tokens rescoped
 * from this one stay valid, so every token a session held must be revoked on its own. Answers whether Keystone
 * confirmed (204, or 404 for a token already gone).
 */
export async function revokeToken(cloud: CloudConfig, token: string): Promise<boolean> {
  try {
    const res = await osFetch(cloud, `${cloud.authUrl}/auth/tokens`, {
      service: 'identity',
      method: 'DELETE',
      headers: { 'x-auth-token': token, 'x-subject-token': token },
      signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
    });
    await res.body?.cancel();
    return res.ok || res.status === 404 || res.status === 401;
  } catch {
    return false;
  }
}

/** GET /v3/auth/projects: the projects the token's user can scope to, following pagination links. */
export async function listAuthProjects(cloud: CloudConfig, token: string): Promise<KeystoneProject[]> {
  const out: KeystoneProject[] = [];
  let url: string | undefined = `${cloud.authUrl}/auth/projects`;
  for (let page = 0; url && page < 100; page++) {
    const res = await osFetch(cloud, url, { service: 'identity', method: 'GET', headers: { 'x-auth-token': token, accept: 'application/json' } });
    if (res.status === 401) throw sessionExpired();
    if (!res.ok) throw await keystoneError(res);
    const body = z
      .looseObject({ projects: z.array(ProjectSchema), links: z.looseObject({ next: z.string().nullish() }).optional() })
      .parse(await readJson(res, 'Keystone'));
    out.push(...body.projects);
    const next = body.links?.next;
    // Only follow links that stay on Keystone's own origin.
    url = next && new URL(next, url).origin === new URL(cloud.authUrl).origin ? new URL(next, url).toString() : undefined;
  }
  return out;
}
