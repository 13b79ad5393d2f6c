import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { PRESENTATION_COOKIE, readPresentationCookie } from '@/components/shell/presentation-cookie';
import { Rescope } from '@/components/shell/rescope';
import type { ClientSession } from '@/lib/client/session';
import { DEFAULT_UNDO_SECONDS, validUndoSeconds } from '@/lib/client/undo';
import { getCloud } from '@/lib/config/clouds';
import { catalogRegions, getCatalog, type CatalogEntry } from '@/lib/openstack/catalog';
import { readPageSession, SESSION_COOKIE, type SessionData } from '@/lib/openstack/session';

function loginUrl(here: string, cloud: string, expired = false): string {
  const params = new URLSearchParams();
  if (expired) params.set('reason', 'expired');
  params.set('next', here);
  params.set('cloud', cloud);
  return `/login?${params.toString()}`;
}

/** The undo window for deletes unless a user chose one: STRATUS_UNDO_SECONDS (0-60), default 5. */
function undoDefaultSeconds(): number {
  return validUndoSeconds(process.env.STRATUS_UNDO_SECONDS, DEFAULT_UNDO_SECONDS);
}

function isUnauthorized(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'status' in error && (error as { status: unknown }).status === 401;
}

function toClientSession(session: SessionData, displayName: string, regions: string[]): ClientSession {
  // Only what the browser may see: never the tokens.
  return {
    cloud: { id: session.cloud, displayName },
    user: session.user,
    project: session.project,
    region: session.region,
    regions: regions.length > 0 ? regions : [session.region],
    roles: session.roles,
    expiresAt: session.expiresAt,
    authMethod: session.authMethod,
  };
}

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ cloud: string; projectId: string }>;
}) {
  const { cloud, projectId } = await params;
  const here = (await headers()).get('x-stratus-url') ?? `/${encodeURIComponent(cloud)}/${encodeURIComponent(projectId)}`;
  const session = await readPageSession();
  // A cookie that no longer yields a session means the token expired: say so on the login page.
  if (!session) redirect(loginUrl(here, cloud, (await cookies()).has(SESSION_COOKIE)));
  if (session.cloud !== cloud) redirect(loginUrl(here, cloud));

  const displayName = getCloud(cloud)?.displayName ?? cloud;
  if (session.project.id !== projectId) {
    return (
      <Rescope
        cloud={{ id: cloud, displayName }}
        projectId={projectId}
        currentProject={{ id: session.project.id, name: session.project.name }}
        currentRegion={session.region}
      />
    );
  }

  let catalog: CatalogEntry[];
  try {
    catalog = await getCatalog(session);
  } catch (error) {
    if (isUnauthorized(error)) redirect(loginUrl(here, cloud, true));
    throw error;
  }

  return (
    <AppShell
      session={toClientSession(session, displayName, catalogRegions(catalog))}
      catalogTypes={[...new Set(catalog.map((e) => e.type))]}
      undoDefault={undoDefaultSeconds()}
      presentation={readPresentationCookie((await cookies()).get(PRESENTATION_COOKIE)?.value)}
    >
      {children}
    </AppShell>
  );
}
