// Log in, rescope and re-authenticate: turns Keystone tokens into the session cookie.
import 'server-only';
import { cookies } from 'next/headers';
import type { CloudConfig } from '@/lib/config/clouds';
import { cacheCatalog, catalogRegions, forgetCatalog } from './catalog';
import { HttpError } from './errors';
import { authenticate, listAuthProjects, revokeToken, type KeystoneProject, type TokenInfo } from './keystone';
import { getSessionHandle, type SessionData } from './session';

const LAST_PROJECT_COOKIE = (cloudId: string) => `stratus_last_project_${cloudId}`;
const SEALED_LIMIT = 3800;

export function pickRegion(cloud: CloudConfig, regions: string[], wanted?: string): string {
  if (wanted && regions.includes(wanted)) return wanted;
  const configured = cloud.regions.find((r) => regions.includes(r));
  return configured ?? regions[0] ?? cloud.regions[0] ?? 'RegionOne';
}

/** Store a project-scoped token in the sealed cookie and its catalog in memory. */
export async function saveSession(cloud: CloudConfig, scoped: TokenInfo, authMethod: SessionData['authMethod'], unscopedToken: string | undefined, wantedRegion?: string): Promise<SessionData> {
  if (!scoped.project) throw new HttpError(502, 'Keystone returned a token without a project scope');
  const catalog = scoped.catalog ?? [];
  cacheCatalog(scoped.token, catalog, scoped.expiresAt);
  const data: SessionData = {
    cloud: cloud.id,
    user: scoped.user,
    project: scoped.project,
    region: pickRegion(cloud, catalogRegions(catalog), wantedRegion),
    roles: scoped.roles,
    expiresAt: scoped.expiresAt,
    authMethod,
    token: scoped.token,
    ...(unscopedToken ? { unscopedToken } : {}),
  };
  const handle = await getSessionHandle();
  Object.assign(handle, data);
  await handle.save();
  const store = await cookies();
  const sealedSize = store.get('stratus_session')?.value.length ?? 0;
  if (sealedSize > SEALED_LIMIT) throw new HttpError(500, `Session cookie too large (${sealedSize} bytes)`);
  store.set(LAST_PROJECT_COOKIE(cloud.id), data.project.id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
  return data;
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
  const projects = await listAuthProjects(cloud, unscoped.token);
  const last = (await cookies()).get(LAST_PROJECT_COOKIE(cloud.id))?.value;
  const project = chooseProject(projects, wantedProjectId, last);
  if (!project) {
    await revokeToken(cloud, unscoped.token);
    throw new HttpError(403, `User ${creds.username} has no role on any enabled project of this cloud`);
  }
  const scoped = await authenticate(cloud, { kind: 'token', token: unscoped.token }, { id: project.id });
  return saveSession(cloud, scoped, 'password', unscoped.token, wantedRegion);
}

export async function applicationCredentialLogin(cloud: CloudConfig, id: string, secret: string, wantedRegion?: string): Promise<SessionData> {
  const scoped = await authenticate(cloud, { kind: 'application_credential', id, secret });
  return saveSession(cloud, scoped, 'application_credential', undefined, wantedRegion);
}

/** Rescope the session to another project the user has a role on. */
export async function switchProject(cloud: CloudConfig, session: SessionData, projectId: string): Promise<SessionData> {
  if (projectId === session.project.id) return session;
  if (session.authMethod === 'application_credential' || !session.unscopedToken) {
    throw new HttpError(403, `You have no access to project ${projectId}: an application credential is bound to project ${session.project.name}`);
  }
  const projects = await listAuthProjects(cloud, session.unscopedToken);
  if (!projects.some((p) => p.id === projectId && p.enabled !== false)) {
    throw new HttpError(403, `You have no access to project ${projectId}`);
  }
  const scoped = await authenticate(cloud, { kind: 'token', token: session.unscopedToken }, { id: projectId });
  const old = session.token;
  const next = await saveSession(cloud, scoped, 'password', session.unscopedToken, session.region);
  forgetCatalog(old);
  await revokeToken(cloud, old);
  return next;
}

/** Re-enter the password before the token expires: new tokens, same project and region, same page. */
export async function reauthenticate(cloud: CloudConfig, session: SessionData, password: string): Promise<SessionData> {
  const unscoped = await authenticate(cloud, { kind: 'password-user-id', userId: session.user.id, password });
  const scoped = await authenticate(cloud, { kind: 'token', token: unscoped.token }, { id: session.project.id });
  const olds = [session.token, session.unscopedToken].filter((t): t is string => Boolean(t));
  const next = await saveSession(cloud, scoped, 'password', unscoped.token, session.region);
  for (const t of olds) {
    forgetCatalog(t);
    await revokeToken(cloud, t);
  }
  return next;
}
