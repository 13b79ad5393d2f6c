import type { Scenario, Vars } from '../types';

// The Magnum calls Stratus makes, at the dashboard's microversion 1.10. The real test cloud's clusters
// never complete, so the scenario stops at CREATE_IN_PROGRESS and deletes the cluster.
const MV = { 'OpenStack-API-Version': 'container-infra 1.10' };
const NAME = `fid-ct-${process.pid}`;
type Obj = Record<string, unknown>;

export const containerInfra: Scenario = {
  name: 'container-infra',
  service: 'container-infra',
  calls: [
    // Magnum needs an image with os_distro: fedora-coreos on the real cloud, ubuntu-22.04 in the demo.
    {
      name: 'image lookup (for the template)', service: 'image', path: 'v2/images?name=fedora-coreos',
      capture: (b, _h, v) => (v.image = (b as { images: Obj[] }).images.length > 0 ? 'fedora-coreos' : 'ubuntu-22.04'),
    },
    { name: 'v1 document', service: 'container-infra', path: '', headers: MV },
    { name: 'unsupported microversion', service: 'container-infra', path: 'clustertemplates', headers: { 'OpenStack-API-Version': 'container-infra 1.99' } },
    { name: 'cluster template list', service: 'container-infra', path: 'clustertemplates', headers: MV },
    {
      name: 'cluster template create', service: 'container-infra', method: 'POST', path: 'clustertemplates', headers: MV,
      body: (v: Vars) => ({ name: NAME, coe: 'kubernetes', image_id: v.image, external_network_id: 'public', flavor_id: 'm1.small', master_flavor_id: 'm1.small', network_driver: 'flannel', docker_volume_size: 5, labels: { purpose: 'fidelity' } }),
      capture: (b, _h, v) => (v.ct = String((b as Obj).uuid)),
    },
    { name: 'cluster template create, no coe', service: 'container-infra', method: 'POST', path: 'clustertemplates', headers: MV, body: (v: Vars) => ({ name: `${NAME}-x`, image_id: v.image }) },
    { name: 'cluster template create, unknown image', service: 'container-infra', method: 'POST', path: 'clustertemplates', headers: MV, body: { name: `${NAME}-x`, coe: 'kubernetes', image_id: 'nope' } },
    { name: 'cluster template create, unknown flavor', service: 'container-infra', method: 'POST', path: 'clustertemplates', headers: MV, body: (v: Vars) => ({ name: `${NAME}-x`, coe: 'kubernetes', image_id: v.image, flavor_id: 'm9.nope' }) },
    { name: 'cluster template create, malformed JSON', service: 'container-infra', method: 'POST', path: 'clustertemplates', headers: MV, rawBody: '{"name":' },
    { name: 'cluster template show', service: 'container-infra', path: (v) => `clustertemplates/${v.ct}`, headers: MV },
    { name: 'cluster template show, unknown', service: 'container-infra', path: 'clustertemplates/does-not-exist', headers: MV },
    { name: 'cluster template patch', service: 'container-infra', method: 'PATCH', path: (v) => `clustertemplates/${v.ct}`, headers: MV, body: [{ op: 'replace', path: '/docker_volume_size', value: 8 }] },
    { name: 'cluster list (empty or not)', service: 'container-infra', path: 'clusters', headers: MV },
    { name: 'cluster create, no template', service: 'container-infra', method: 'POST', path: 'clusters', headers: MV, body: { name: `${NAME}-x` } },
    { name: 'cluster create, unknown template', service: 'container-infra', method: 'POST', path: 'clusters', headers: MV, body: { name: `${NAME}-x`, cluster_template_id: 'does-not-exist' } },
    {
      name: 'cluster create', service: 'container-infra', method: 'POST', path: 'clusters', headers: MV,
      body: (v: Vars) => ({ name: `${NAME}-cl`, cluster_template_id: v.ct, node_count: 1, master_count: 1 }),
      capture: (b, _h, v) => (v.cluster = String((b as Obj).uuid)),
    },
    { name: 'cluster show (in progress)', service: 'container-infra', path: (v) => `clusters/${v.cluster}`, headers: MV },
    { name: 'cluster list', service: 'container-infra', path: 'clusters', headers: MV },
    { name: 'cluster nodegroups', service: 'container-infra', path: (v) => `clusters/${v.cluster}/nodegroups`, headers: MV },
    { name: 'cluster show, unknown', service: 'container-infra', path: 'clusters/does-not-exist', headers: MV },
    { name: 'cluster template delete, in use', service: 'container-infra', method: 'DELETE', path: (v) => `clustertemplates/${v.ct}`, headers: MV },
    { name: 'cluster delete', service: 'container-infra', method: 'DELETE', path: (v) => `clusters/${v.cluster}`, headers: MV },
    { name: 'cluster gone', service: 'container-infra', path: (v) => `clusters/${v.cluster}`, headers: MV, until: (_b, s) => s === 404 },
    { name: 'cluster template delete', service: 'container-infra', method: 'DELETE', path: (v) => `clustertemplates/${v.ct}`, headers: MV },
  ],
};
