import { stableHexId } from './ids';

// The Keystone catalog is built from the registered services: each contributes type, name and
// an endpoint path template. Every service is offered in both regions with the three interfaces,
// on the host the caller reached us at. Keystone is one for the whole cloud; every other service of a region
// after the first lives under `/<region>` (its own state: server.ts), as a second region's endpoints would.

export const REGIONS = ['RegionOne', 'RegionTwo'] as const;

/** The path prefix of a region's endpoints: none for the first region and for Keystone. */
export function regionPrefix(region: string, type: string): string {
  return region === REGIONS[0] || type === 'identity' ? '' : `/${region}`;
}
export const INTERFACES = ['public', 'internal', 'admin'] as const;

export interface CatalogSource {
  type: string;
  name: string;
  /** Path on this server, may contain `{project_id}` (Cinder `/volume/v3/{project_id}`, Swift `AUTH_{project_id}`). */
  endpointPath: string;
  description?: string;
}

export interface EndpointRecord {
  id: string;
  interface: (typeof INTERFACES)[number];
  region: string;
  region_id: string;
  url: string;
  service_id: string;
}

export interface CatalogEntry {
  id: string;
  type: string;
  name: string;
  endpoints: Array<Omit<EndpointRecord, 'service_id'>>;
}

export const serviceId = (s: CatalogSource): string => stableHexId('service', s.type, s.name);

/**
 * Endpoint URLs for a service. With a project the `{project_id}` template is filled in (token
 * catalogs); without one it is rendered as Keystone stores it, `$(project_id)s` (/v3/endpoints).
 */
export function endpointsOf(s: CatalogSource, baseUrl: string, projectId: string | null): EndpointRecord[] {
  const path = s.endpointPath.replace(/\{project_id\}/g, projectId ?? '$(project_id)s');
  const sid = serviceId(s);
  return REGIONS.flatMap((region) =>
    INTERFACES.map((iface) => ({
      id: stableHexId('endpoint', s.type, s.name, region, iface),
      interface: iface,
      region,
      region_id: region,
      url: `${baseUrl}${regionPrefix(region, s.type)}${path}`,
      service_id: sid,
    })),
  );
}

export function buildCatalog(services: readonly CatalogSource[], baseUrl: string, projectId: string | null): CatalogEntry[] {
  return services.map((s) => ({
    endpoints: endpointsOf(s, baseUrl, projectId).map(({ service_id: _omit, ...e }) => {
      void _omit;
      return e;
    }),
    id: serviceId(s),
    type: s.type,
    name: s.name,
  }));
}
