// Log in, rescope, re-authenticate and log out: turns Keystone tokens into the session cookie, and ends sessions.
//
// A log-in (password or application credential) starts a new session: a new id and nothing from the cookie it
// replaces, whose session is ended (id revoked, Keystone tokens revoked). A rescope or re-authentication keeps the
// id and rewrites every other field, so nothing stale survives either. Logout ends the session even when Keystone
// is down: the cookie is cleared and the id revoked in the session store, which is what kills copies of the cookie.
import 'server-only';
import { cookies } from 'next/headers';
import { getCloud, type CloudConfig } from '@/lib/config/clouds';
import { cacheCatalog, catalogRegions, forgetCatalog } from './catalog';
import { msg } from '@/lib/i18n/msg';
import { HttpError, sessionExpired } from './errors';
import { authenticate, listAuthProjects, revokeToken, type KeystoneProject, type TokenInfo } from './keystone';
import { getSessionHandle, isSessionRevoked, newSessionId, revokeSessionId, SESSION_COOKIE, type SessionData } from './session';
import { SessionStoreUnavailable } from './session-store';

const LAST_PROJECT_COOKIE = (cloudId: string) => `stratus_last_project_${cloudId}`;
const SEALED_LIMIT = 3800;

export function pickRegion(cloud: CloudConfig, regions: string[], wanted?: string): string {
  if (wanted && regions.includes(wanted)) return wanted;
  const configured = cloud.regions.find((r) => regions.includes(r));
  return configured ?? regions[0] ?? cloud.regions[0] ?? 'RegionOne';
}

/** Everything a session holds, from a project-scoped token; the catalog goes to memory, never to the cookie. */
function sessionData(
  cloud: CloudConfig,
  scoped: TokenInfo,
  sid: string,
  authMethod: SessionData['authMethod'],
  unscopedToken: string | undefined,
  wantedRegion: string | undefined,
): SessionData {
  if (!scoped.project) throw new HttpError(502, 'Keystone returned a token without a project scope');
  const catalog = scoped.catalog ?? [];
  cacheCatalog(scoped.token, catalog, scoped.expiresAt);
  return {
    sid,
    cloud: cloud.id,
    user: scoped.user,
    project: scoped.project,
    region: pickRegion(cloud, catalogRegions(catalog), wantedRegion),
    roles: scoped.roles,
    expiresAt: scoped.expiresAt,
    authMethod,
    token: scoped.token,
    // Application-credential sessions never hold an unscoped token.
    ...(authMethod === 'password' && unscopedToken ? { unscopedToken } : {}),
  };
}

/** Seal exactly `data` into the cookie: whatever fields the cookie held before are dropped, not merged. */
async function writeSession(data: SessionData): Promise<SessionData> {
  const handle = await getSessionHandle();
  for (const key of Object.keys(handle)) delete (handle as Record<string, unknown>)[key];
  Object.assign(handle, data);
  await handle.save();
  const store = await cookies();
  const sealedSize = store.get(SESSION_COOKIE)?.value.length ?? 0;
  if (sealedSize > SEALED_LIMIT) throw new HttpError(500, `Session cookie too large (${sealedSize} bytes)`);
  store.set(LAST_PROJECT_COOKIE(data.cloud), data.project.id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
  return data;
}

function tokensOf(s: Partial<SessionData>): string[] {
  return [s.token, s.unscopedToken].filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** Revoke tokens with Keystone, all at once, best effort (a token may be gone already, Keystone may be down). */
async function revokeAll(cloud: CloudConfig | undefined, tokens: readonly string[]): Promise<void> {
  for (const t of tokens) forgetCatalog(t);
  if (cloud) await Promise.all(tokens.map((t) => revokeToken(cloud, t)));
}

/**
 * End a session wherever its cookie went: its id on the store's revocation list (every process then refuses every
 * copy of the cookie), and each of its Keystone tokens revoked. Keystone revokes by audit id, so the unscoped token
 * and the scoped one are revoked separately; the scoped tokens a session held before a project switch were revoked
 * by that switch. Throws SessionStoreUnavailable when the id could not be revoked (the tokens are revoked anyway).
 */
export async function endSession(old: Partial<SessionData>): Promise<void> {
  const cloud = typeof old.cloud === 'string' ? getCloud(old.cloud) : undefined;
  const [sid] = await Promise.allSettled([
    typeof old.sid === 'string' && old.sid ? revokeSessionId(old.sid) : Promise.resolve(),
    revokeAll(cloud, tokensOf(old)),
  ]);
  if (sid.status === 'rejected') throw sid.reason;
}

/** A log-in: a new session id and nothing carried over; the session the cookie held before is ended. */
async function startSession(cloud: CloudConfig, scoped: TokenInfo, authMethod: SessionData['authMethod'], unscopedToken: string | undefined, wantedRegion?: string): Promise<SessionData> {
  try {
    const previous: Partial<SessionData> = { ...(await getSessionHandle()) };
    await endSession(previous);
    return await writeSession(sessionData(cloud, scoped, newSessionId(), authMethod, unscopedToken, wantedRegion));
  } catch (e) {
    await revokeAll(cloud, [scoped.token, ...(unscopedToken ? [unscopedToken] : [])]);
    throw e;
  }
}

/**
 * A rescope or re-authentication: same session id, every other field rewritten. A session that ended while
 * Keystone answered (logout in another tab or process) is not written back; the fresh tokens are revoked.
 */
async function continueSession(cloud: CloudConfig, session: SessionData, scoped: TokenInfo, minted: string[], unscopedToken: string | undefined): Promise<SessionData> {
  try {
    if (await isSessionRevoked(session.sid)) throw sessionExpired();
    return await writeSession(sessionData(cloud, scoped, session.sid, session.authMethod, unscopedToken, session.region));
  } catch (e) {
    await revokeAll(cloud, minted);
    throw e;
  }
}

function chooseProject(projects: KeystoneProject[], wanted: string | undefined, last: string | undefined): KeystoneProject | undefined {
  const enabled = projects.filter((p) => p.enabled !== false);
  return (
    enabled.find((p) => p.id === wanted) ??
    enabled.find((p) => p.id === last) ??
    [...enabled].sort((a, b) => a.name.localeCompare(b.name))[0]
  );
}

export async function passwordLogin(
  cloud: CloudConfig,
  creds: { username: string; password: string; userDomain: string },
  wantedProjectId?: string,
  wantedRegion?: string,
): Promise<SessionData> {
  const unscoped = await authenticate(cloud, { kind: 'password', ...creds });
  return scopeAndStart(cloud, unscoped, creds.username, wantedProjectId, wantedRegion);
}

/** The second step of a multi-factor log-in: the first step's receipt and a TOTP passcode give the unscoped token. */
export async function totpLogin(
  cloud: CloudConfig,
  step: { userId: string; userName: string; receipt: string; passcode: string },
  wantedProjectId?: string,
  wantedRegion?: string,
): Promise<SessionData> {
  const unscoped = await authenticate(cloud, { kind: 'totp', userId: step.userId, passcode: step.passcode, receipt: step.receipt });
  return scopeAndStart(cloud, unscoped, step.userName, wantedProjectId, wantedRegion);
}

/** From a user's unscoped token: the project to work in (wanted, last, or the first by name), scoped, and the session. */
async function scopeAndStart(cloud: CloudConfig, unscoped: TokenInfo, username: string, wantedProjectId: string | undefined, wantedRegion: string | undefined): Promise<SessionData> {
  let scoped: TokenInfo;
  try {
    const projects = await listAuthProjects(cloud, unscoped.token);
    const last = (await cookies()).get(LAST_PROJECT_COOKIE(cloud.id))?.value;
    const project = chooseProject(projects, wantedProjectId, last);
    if (!project) {
      throw new HttpError(403, `User ${username} has no role on any enabled project of this cloud`, {
        text: msg('server.errors.noProject', { user: username }),
      });
    }
    scoped = await authenticate(cloud, { kind: 'token', token: unscoped.token }, { id: project.id });
  } catch (e) {
    await revokeAll(cloud, [unscoped.token]);
    throw e;
  }
  return startSession(cloud, scoped, 'password', unscoped.token, wantedRegion);
}

export async function applicationCredentialLogin(cloud: CloudConfig, id: string, secret: string, wantedRegion?: string): Promise<SessionData> {
  const scoped = await authenticate(cloud, { kind: 'application_credential', id, secret });
  return startSession(cloud, scoped, 'application_credential', undefined, wantedRegion);
}

/** Rescope the session to another project the user has a role on; the previous scoped token is revoked. */
export async function switchProject(cloud: CloudConfig, session: SessionData, projectId: string): Promise<SessionData> {
  if (projectId === session.project.id) return session;
  if (session.authMethod === 'application_credential' || !session.unscopedToken) {
    throw new HttpError(403, `You have no access to project ${projectId}: an application credential is bound to project ${session.project.name}`, {
      text: msg('server.errors.noAccessBound', { project: projectId, bound: session.project.name }),
    });
  }
  const projects = await listAuthProjects(cloud, session.unscopedToken);
  if (!projects.some((p) => p.id === projectId && p.enabled !== false)) {
    throw new HttpError(403, `You have no access to project ${projectId}`, { text: msg('server.errors.noAccess', { project: projectId }) });
  }
  const scoped = await authenticate(cloud, { kind: 'token', token: session.unscopedToken }, { id: projectId });
  const next = await continueSession(cloud, session, scoped, [scoped.token], session.unscopedToken);
  await revokeAll(cloud, [session.token]);
  return next;
}

/** Re-enter the password before the token expires: new tokens, same session, project and region, same page. */
export async function reauthenticate(cloud: CloudConfig, session: SessionData, password: string): Promise<SessionData> {
  const unscoped = await authenticate(cloud, { kind: 'password-user-id', userId: session.user.id, password });
  let scoped: TokenInfo;
  try {
    scoped = await authenticate(cloud, { kind: 'token', token: unscoped.token }, { id: session.project.id });
  } catch (e) {
    await revokeAll(cloud, [unscoped.token]);
    throw e;
  }
  const next = await continueSession(cloud, session, scoped, [scoped.token, unscoped.token], unscoped.token);
  await revokeAll(cloud, tokensOf(session));
  return next;
}

/**
 * Log out: the cookie is cleared first, then the session is ended (id revoked, tokens revoked). When Keystone is
 * down the tokens stay valid until they expire, but no copy of the cookie is accepted any more. When the session
 * store is down, the answer is 503: this browser is logged out, but copies could not be refused.
 */
export async function logout(): Promise<void> {
  const handle = await getSessionHandle();
  const old: Partial<SessionData> = { ...handle };
  // iron-session 8: destroy() clears the cookie; never save() after it.
  handle.destroy();
  try {
    await endSession(old);
  } catch (e) {
    if (e instanceof SessionStoreUnavailable) {
      throw new HttpError(503, 'Session store unavailable: you are logged out in this browser, but copies of the session could not be ended', {
        text: 'server.errors.logoutIncomplete',
      });
    }
    throw e;
  }
}
