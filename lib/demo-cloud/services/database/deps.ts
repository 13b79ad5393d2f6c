// The other services, reached only through their contracts (services/<type>/api.ts). Trove builds each
// database instance from a Nova server, a Cinder volume and a Neutron port it owns in its service project.
export { findFlavor, listedFlavors, findServer, createServiceServer, resizeServiceServer, deleteServiceServer, type Flavor } from '../compute/api';
export { createBootVolume, extendServiceVolume } from '../volume/api';
export { findNetwork, visibleNetwork, createServicePort, deleteServicePort, serverAddresses, subnetHasRouter } from '../network/api';
export { imagesNamed } from '../image/api';
/** The admin project stands in for Trove's service project (as for Octavia's amphorae). */
export { seedProjectId } from '../identity/seed';
