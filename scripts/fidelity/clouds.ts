// The two clouds a fidelity run compares, each with a demo-user and an admin-user session.
import fs from 'node:fs';
import { parse } from 'yaml';
import type { Vars } from './types';

export type CatalogEndpoint = { interface: string; region_id?: string; region?: string; url: string };
export type Session = { token: string; catalog: { type: string; endpoints: CatalogEndpoint[] }[] };
export type Target = { name: string; authUrl: string; sessions: Record<'demo' | 'admin', Session>; vars: Vars };

export async function login(authUrl: string, user: string, password: string, project: string): Promise<Session> {
  const res = await fetch(`${authUrl.replace(/\/+$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } },
        scope: { project: { name: project, domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`${authUrl}: login as ${user} failed with ${res.status}`);
  const body = (await res.json()) as { token: { catalog: Session['catalog'] } };
  return { token: res.headers.get('x-subject-token') ?? '', catalog: body.token.catalog };
}

export async function target(name: string, authUrl: string): Promise<Target> {
  return {
    name,
    authUrl,
    sessions: { demo: await login(authUrl, 'demo', 'demo', 'demo'), admin: await login(authUrl, 'admin', 'admin', 'admin') },
    vars: {},
  };
}

export function endpointOf(t: Target, who: 'demo' | 'admin', type: string, region = 'RegionOne'): string | undefined {
  const entry = t.sessions[who].catalog.find((e) => e.type === type);
  return entry?.endpoints.find((e) => e.interface === 'public' && (e.region_id ?? e.region) === region)?.url;
}

/** The realcloud's auth URL from the clouds.yaml its up.sh writes, if it is there. */
export function realcloudAuthUrl(file = process.env.REALCLOUD_CLOUDS_YAML ?? '/var/lib/realcloud/clouds.yaml'): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const doc = parse(fs.readFileSync(file, 'utf8')) as { clouds?: Record<string, { auth?: { auth_url?: string } }> };
  return doc.clouds?.['realcloud-demo']?.auth?.auth_url;
}
