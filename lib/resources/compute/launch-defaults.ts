// What the launch form preselects and how it lists networks: pure functions of what the cloud answers, so the choice
// is the same on every page load and testable without a browser.

/** An image as the launch form reads it (Glance v2): only the fields the default depends on. */
export interface LaunchImage {
  id: string;
  name?: string | null;
  visibility?: unknown;
  created_at?: unknown;
}

/** Images people boot to try a cloud: small, well known, and what `openstack server create --image` examples use. */
const WELL_KNOWN = /cirros|ubuntu|debian/i;

const time = (i: LaunchImage) => (typeof i.created_at === 'string' ? Date.parse(i.created_at) || 0 : 0);
const isPublic = (i: LaunchImage) => i.visibility === 'public';

/** Newest first; equal times by name, then id, so the choice never depends on the API's order. */
function newest<T extends LaunchImage>(images: readonly T[]): T | undefined {
  return [...images].sort((a, b) => time(b) - time(a) || (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id))[0];
}

/**
 * The image the launch form starts with: the newest public image named like cirros, ubuntu or debian, else the newest
 * public image, else the newest of any. Never the alphabetically first one (often a scratch upload of the project).
 */
export function defaultImage<T extends LaunchImage>(images: readonly T[]): T | undefined {
  const pub = images.filter(isPublic);
  return newest(pub.filter((i) => WELL_KNOWN.test(i.name ?? ''))) ?? newest(pub) ?? newest(images);
}

export interface LaunchNetwork {
  id: string;
  name: string;
  shared?: boolean;
  'router:external'?: boolean;
}
export interface LaunchSubnet {
  id: string;
  name: string;
  network_id: string;
  cidr: string;
}

/** A network of the launch form's picker with its subnets ("private: private-subnet 10.0.0.0/24"). */
export interface NetworkChoice<N extends LaunchNetwork = LaunchNetwork> {
  network: N;
  subnets: { id: string; name: string; cidr: string }[];
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => (a.name || a.id).localeCompare(b.name || b.id) || a.id.localeCompare(b.id);

/**
 * The networks an instance can be plugged into (external ones are for floating IPs and router gateways, not instances),
 * by name, each with its subnets by name and then CIDR.
 */
export function networkChoices<N extends LaunchNetwork>(networks: readonly N[], subnets: readonly LaunchSubnet[]): NetworkChoice<N>[] {
  return networks
    .filter((n) => !n['router:external'])
    .sort(byName)
    .map((network) => ({
      network,
      subnets: subnets
        .filter((s) => s.network_id === network.id)
        .sort((a, b) => a.name.localeCompare(b.name) || a.cidr.localeCompare(b.cidr, undefined, { numeric: true }) || a.id.localeCompare(b.id))
        .map(({ id, name, cidr }) => ({ id, name, cidr })),
    }));
}
