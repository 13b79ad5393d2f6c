// Microversions the dashboard speaks, in one map. Sent when the browser did not choose one itself.
// Each must be supported by OpenStack Zed (our reference cloud) and the demo cloud.
export const DEFAULT_MICROVERSION_HEADERS: Record<string, Record<string, string>> = {
  compute: { 'OpenStack-API-Version': 'compute 2.79', 'X-OpenStack-Nova-API-Version': '2.79' },
  volumev3: { 'OpenStack-API-Version': 'volume 3.60' },
  'block-storage': { 'OpenStack-API-Version': 'volume 3.60' },
  baremetal: { 'X-OpenStack-Ironic-API-Version': '1.78' },
  'container-infra': { 'OpenStack-API-Version': 'container-infra 1.10' },
  'key-manager': { 'OpenStack-API-Version': 'key-manager 1.1' },
  // Manila: without the header Zed answers as 2.0 (no share_type_name, access rules' state, export locations list).
  sharev2: { 'X-OpenStack-Manila-API-Version': '2.73' },
};

/** True when the browser already chose a microversion for this request. */
export function hasMicroversion(headers: Headers): boolean {
  return (
    headers.has('openstack-api-version') ||
    headers.has('x-openstack-nova-api-version') ||
    headers.has('x-openstack-ironic-api-version') ||
    headers.has('x-openstack-manila-api-version')
  );
}
