// What the command palette searches: one source per resource kind that has a page, read from the kinds'
// definitions. A source lists the project's objects cheaply (summary lists, large pages) and the palette
// matches names and ids (fragments included, which no OpenStack list filter offers) in the browser.
import { flavorDefinition } from './compute/flavor';
import { keypairDefinition } from './compute/keypair';
import { serverDefinition } from './compute/server';
import { imageDefinition } from './image/image';
import type { AnyDefinition } from './types';
import { snapshotDefinition } from './volume/snapshot';
import { volumeDefinition } from './volume/volume';
import { networkDefinition } from './network/network';
import { portDefinition } from './network/port';
import { routerDefinition } from './network/router';
import { floatingIpDefinition } from './network/floating-ip';
import { securityGroupDefinition } from './network/security-group';
import { zoneDefinition } from './dns/zone';
import { secretDefinition } from './key-manager/secret';
import { containerDefinition } from './key-manager/container';
import { clusterDefinition } from './container-infra/cluster';
import { clusterTemplateDefinition } from './container-infra/cluster-template';
import { nodeDefinition } from './baremetal/node';
import type { MaskKind } from './types';

export interface SearchSource {
  kind: string;
  /** Plural label, the heading of its results. */
  label: string;
  service: string;
  headers?: Record<string, string>;
  /** Relative to the service endpoint. */
  path: string;
  /** Response key of the array. */
  key: string;
  /** Page of a result: `<slug>/<id>` when the kind has detail pages, else the list filtered by name. */
  href: (hit: SearchHit) => string;
  id: (o: Record<string, unknown>) => string;
  name: (o: Record<string, unknown>) => string;
  /** Only searched for admins (Ironic nodes). */
  adminOnly?: boolean;
  /** Names presentation mode may mask (secret names). */
  sensitive?: MaskKind;
}

export interface SearchHit {
  id: string;
  name: string;
}

function source(def: AnyDefinition, opts: { path: string; detail: boolean; adminOnly?: boolean }): SearchSource {
  return {
    adminOnly: opts.adminOnly,
    kind: def.kind,
    label: def.label.plural,
    service: def.service,
    headers: def.headers,
    path: opts.path,
    key: def.keys.list,
    href: (hit) => (opts.detail ? `${def.slug}/${encodeURIComponent(hit.id)}` : `${def.slug}?name=${encodeURIComponent(hit.name)}`),
    id: (o) => String(def.id(o) ?? ''),
    name: (o) => String(def.name(o) ?? ''),
    sensitive: def.sensitiveName,
  };
}

/** Nova's key pair list wraps each item: `{"keypair": {...}}`. */
function unwrapKeypair(o: Record<string, unknown>): Record<string, unknown> {
  return o.keypair && typeof o.keypair === 'object' ? (o.keypair as Record<string, unknown>) : o;
}

export function searchSources(projectId: string): SearchSource[] {
  const keypairs = source(keypairDefinition, { path: 'os-keypairs', detail: false });
  return [
    // Summary lists where the API has them: id and name are all a match needs.
    source(serverDefinition, { path: 'servers?limit=1000', detail: true }),
    source(imageDefinition(projectId), { path: 'v2/images?limit=1000', detail: true }),
    source(volumeDefinition, { path: 'volumes?limit=1000', detail: true }),
    source(snapshotDefinition, { path: 'snapshots?limit=1000', detail: true }),
    source(flavorDefinition, { path: 'flavors', detail: false }),
    { ...keypairs, id: (o) => keypairs.id(unwrapKeypair(o)), name: (o) => keypairs.name(unwrapKeypair(o)) },
    // Neutron: only the fields a match needs.
    source(networkDefinition, { path: 'v2.0/networks?fields=id&fields=name', detail: true }),
    source(routerDefinition, { path: 'v2.0/routers?fields=id&fields=name', detail: true }),
    source(floatingIpDefinition, { path: 'v2.0/floatingips?fields=id&fields=floating_ip_address', detail: true }),
    source(securityGroupDefinition, { path: 'v2.0/security-groups?fields=id&fields=name', detail: true }),
    source(portDefinition, { path: 'v2.0/ports?fields=id&fields=name', detail: true }),
    source(zoneDefinition, { path: 'v2/zones?limit=1000', detail: true }),
    source(secretDefinition, { path: 'v1/secrets?limit=100', detail: true }),
    source(containerDefinition, { path: 'v1/containers?limit=100', detail: true }),
    source(clusterDefinition, { path: 'clusters', detail: true }),
    source(clusterTemplateDefinition, { path: 'clustertemplates', detail: true }),
    source(nodeDefinition, { path: 'v1/nodes?fields=uuid,name', detail: true, adminOnly: true }),
  ];
}

/** The objects of one source's answer that match `query` by name or id (case-insensitive substring), best first. */
export function matchHits(src: Pick<SearchSource, 'key' | 'id' | 'name'>, body: unknown, query: string, max = 6): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q || !body || typeof body !== 'object') return [];
  const list = (body as Record<string, unknown>)[src.key];
  if (!Array.isArray(list)) return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const o of list) {
    if (!o || typeof o !== 'object') continue;
    const hit = { id: src.id(o as Record<string, unknown>), name: src.name(o as Record<string, unknown>) };
    const name = hit.name.toLowerCase();
    const id = hit.id.toLowerCase();
    // Exact name, then name prefix, then id prefix, then any substring.
    const score = name === q || id === q ? 0 : name.startsWith(q) ? 1 : id.startsWith(q) ? 2 : name.includes(q) ? 3 : id.includes(q) ? 4 : -1;
    if (score >= 0) scored.push({ hit, score });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name));
  return scored.slice(0, max).map((s) => s.hit);
}
