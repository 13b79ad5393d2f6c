import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import { badRequest, conflict } from '../../core/errors';
import { listedFlavors } from '../compute/api';
import { findImage, imagesNamed, imageVisibleTo, type Image } from '../image/api';
import { visibleNetworks } from '../network/api';

// How Magnum (Zed, magnum/api/attr_validator.py and api/utils.py) finds the OpenStack resources a cluster
// template names: each reference may be a name or an ID, looked up as the requesting user.

/** oslo_utils.uuidutils.is_uuid_like: 32 hex digits once dashes, braces and a urn:uuid: prefix are dropped. */
export function isUuidLike(ref: string): boolean {
  return /^[0-9a-f]{32}$/i.test(ref.replace(/^urn:uuid:/i, '').replace(/[{}-]/g, ''));
}

/** api_utils.get_openstack_resource on Glance: GET by ID when the ref looks like one, else list with name=. */
export function resolveImage(core: CloudCore, auth: ProjectAuthInfo, ref: string): Image | 'missing' | 'ambiguous' {
  if (isUuidLike(ref)) {
    const image = findImage(core, ref);
    return image && imageVisibleTo(core, image, auth.project.id, auth.isAdmin) ? image : 'missing';
  }
  const named = imagesNamed(core, ref, auth.project.id, auth.isAdmin);
  if (named.length > 1) return 'ambiguous';
  return named[0] ?? 'missing';
}

/**
 * The image's os_distro, or Magnum's ClusterTypeNotSupported: enforce_driver_supported runs before anything else
 * and swallows the lookup's errors, so an image it cannot find (or finds twice) leaves the distro Unset, and an
 * image without os_distro leaves it None.
 */
export function imageDistro(core: CloudCore, auth: ProjectAuthInfo, ref: string, serverType: string, coe: string): string {
  const image = resolveImage(core, auth, ref);
  const distro = typeof image === 'string' ? 'Unset' : image.properties?.os_distro ?? 'None';
  if (typeof image === 'string' || !image.properties?.os_distro) throw badRequest(`Cluster type (${serverType}, ${distro}, ${coe}) not supported.`);
  return image.properties.os_distro;
}

/** validate_flavor: the first of the user's flavors whose name or ID matches; 400 otherwise. */
export function checkFlavor(core: CloudCore, auth: ProjectAuthInfo, ref: string): void {
  if (!listedFlavors(core, auth.project.id, auth.isAdmin).some((f) => f.name === ref || f.id === ref)) {
    throw badRequest(`Unable to find flavor ${ref}.`);
  }
}

/** validate_external_network: among the networks with router:external, by name or ID; 400 none, 409 several. */
export function checkExternalNetwork(core: CloudCore, auth: ProjectAuthInfo, ref: string): void {
  const count = visibleNetworks(core, auth.project.id, auth.isAdmin)
    .filter((n) => n['router:external'] && (n.name === ref || n.id === ref)).length;
  if (count === 0) throw badRequest(`Unable to find external network ${ref}.`);
  if (count > 1) throw conflict(`Multiple external networks exist with same name '${ref}'. Please use the external network ID instead.`);
}
