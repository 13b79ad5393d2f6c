// What is in this cloud: every catalog service with its endpoints and the API versions it advertises.
import 'server-only';
import { z } from 'zod';
import { getCloud } from '@/lib/config/clouds';
import { msg } from '@/lib/i18n/msg';
import { getCatalog } from './catalog';
import { osFetch } from './http';
import type { SessionData } from './session';

import type { ServiceInfo, ServiceVersion } from '@/lib/client/service-info';

export type { ServiceInfo, ServiceVersion };

const VersionSchema = z.looseObject({
  id: z.string(),
  status: z.string().default(''),
  min_version: z.string().nullish(),
  version: z.string().nullish(),
  max_version: z.string().nullish(),
});
const DiscoverySchema = z.union([
  z.looseObject({ version: VersionSchema }).transform((d) => [d.version]),
  z.looseObject({ versions: z.array(VersionSchema) }).transform((d) => d.versions),
  z.looseObject({ versions: z.looseObject({ values: z.array(VersionSchema) }) }).transform((d) => d.versions.values),
]);

export function parseDiscovery(body: unknown): ServiceVersion[] | undefined {
  const parsed = DiscoverySchema.safeParse(body);
  if (!parsed.success) return undefined;
  return parsed.data.map((v) => ({
    id: v.id,
    status: v.status,
    minVersion: v.min_version || undefined,
    maxVersion: v.version || v.max_version || undefined,
  }));
}

/** Swift's capabilities document sits at the proxy's root, beside the /v1/AUTH_<project> path. */
export function swiftInfoUrl(endpoint: string): string | undefined {
  const u = new URL(endpoint);
  const at = u.pathname.search(/\/v1(\/|$)/);
  return at < 0 ? undefined : `${u.origin}${u.pathname.slice(0, at)}/info`;
}

const SwiftInfoSchema = z.looseObject({ swift: z.looseObject({ version: z.string() }) });

/**
 * Candidate discovery URLs: the endpoint itself, then with trailing path segments removed (e.g. Cinder's
 * /v3/<project>). A path that ends in the project's ID is a project's resource root, never a version document (Cinder
 * and Heat answer 404 there): it is not asked.
 */
export function discoveryCandidates(endpoint: string, projectId?: string): string[] {
  const u = new URL(endpoint);
  const parts = u.pathname.split('/').filter(Boolean);
  const out: string[] = [];
  for (let n = parts.length; n >= Math.max(0, parts.length - 2); n--) {
    if (projectId && n > 0 && parts[n - 1] === projectId) continue;
    out.push(`${u.origin}/${parts.slice(0, n).join('/')}${n ? '/' : ''}`);
  }
  return out;
}

/** The endpoint with the project's ID taken out: the same service of the same cloud for every project. */
const serviceRoot = (endpoint: string, projectId: string) => (projectId ? endpoint.split(projectId).join('{project_id}') : endpoint);

const TIMEOUT_MS = 4000;
/**
 * What each service of a cloud advertises, per service root (not per login or project: the versions a service
 * offers are the same for everyone). A login used to cost 15 discovery calls; now the first one on a cloud does.
 */
type Probe = Pick<ServiceInfo, 'versions' | 'error' | 'note'>;
const probes = new Map<string, { until: number; probe: Promise<Probe> }>();
const TTL_MS = 60 * 60_000;
/** A service that answered no version document may have been down for a moment: asked again sooner. */
const ERROR_TTL_MS = 5 * 60_000;

/** The cached probe of a service root, or a new one; concurrent pages share one probe. */
function probeOnce(key: string, run: () => Promise<Probe>): Promise<Probe> {
  const hit = probes.get(key);
  if (hit && Date.now() < hit.until) return hit.probe;
  const probe = run();
  const entry = { until: Date.now() + TTL_MS, probe };
  probes.set(key, entry);
  void probe.then((p) => {
    if (p.error) entry.until = Date.now() + ERROR_TTL_MS;
  });
  return probe;
}

export async function discoverServices(session: SessionData): Promise<ServiceInfo[]> {
  const cloud = getCloud(session.cloud);
  const catalog = await getCatalog(session);
  const iface = cloud?.interface ?? 'public';
  const info = await Promise.all(
    catalog.map(async (entry): Promise<ServiceInfo> => {
      const endpoints = entry.endpoints.map((e) => ({ interface: e.interface, region: e.region_id ?? e.region ?? '', url: e.url }));
      const here = endpoints.find((e) => e.region === session.region && e.interface === iface);
      const base: ServiceInfo = { type: entry.type, name: entry.name, endpoints, versions: [] };
      if (!here || !cloud) return { ...base, error: here ? undefined : msg('server.discovery.noEndpoint', { interface: iface, region: session.region }) };
      const key = `${session.cloud}|${entry.type}|${serviceRoot(here.url, session.project.id)}`;
      return { ...base, ...(await probeOnce(key, () => probe(entry.type, here.url))) };
    }),
  );
  return info;

  async function probe(type: string, endpoint: string): Promise<Probe> {
    if (!cloud) return { versions: [] };
    // Swift publishes no version document (its endpoint is the account: a GET lists containers); /info names the
    // release instead, so the version-document candidates are not tried for it.
    const info = type === 'object-store' ? swiftInfoUrl(endpoint) : undefined;
    if (info) {
      try {
        const res = await osFetch(cloud, info, { service: type, headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
        const parsed = SwiftInfoSchema.safeParse(await res.json());
        if (parsed.success) return { versions: [], note: msg('server.discovery.swiftNote', { version: parsed.data.swift.version }) };
      } catch {
        // /info disabled or unreachable: reported as for any service without a version document.
      }
      return { versions: [], error: 'server.discovery.noVersionDocument' };
    }
    for (const url of discoveryCandidates(endpoint, session.project.id)) {
      try {
        const res = await osFetch(cloud, url, {
          service: type,
          headers: { accept: 'application/json', 'x-auth-token': session.token },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = await res.text();
        let versions: ServiceVersion[] | undefined;
        try {
          versions = parseDiscovery(JSON.parse(text));
        } catch {
          versions = undefined;
        }
        if (versions?.length) return { versions };
      } catch {
        // Try the next candidate; report below if none answers.
      }
    }
    return { versions: [], error: 'server.discovery.noVersionDocument' };
  }
}
