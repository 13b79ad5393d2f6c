import { stableUuid } from '../../core/ids';
import type { Transitional } from '../../core/transitions';
import { seedProjectId } from '../identity/seed';

// Ironic nodes and ports as plain JSON (the `baremetal` state slice), and Ironic's provision state
// machine transcribed from ironic/common/states.py (Zed).

export const CONDUCTOR = 'demo-conductor';
export const DRIVER = 'fake-hardware';

export interface Node extends Transitional {
  uuid: string;
  name: string | null;
  created_at: string;
  updated_at: string | null;
  automated_clean: boolean | null;
  bios_interface: string;
  boot_interface: string;
  boot_mode: string | null;
  clean_step: Record<string, unknown>;
  conductor_group: string;
  console_enabled: boolean;
  console_interface: string;
  deploy_interface: string;
  deploy_step: Record<string, unknown>;
  description: string | null;
  driver: string;
  driver_info: Record<string, unknown>;
  driver_internal_info: Record<string, unknown>;
  extra: Record<string, unknown>;
  fault: string | null;
  inspection_finished_at: string | null;
  inspection_started_at: string | null;
  inspect_interface: string;
  instance_info: Record<string, unknown>;
  instance_uuid: string | null;
  last_error: string | null;
  lessee: string | null;
  maintenance: boolean;
  maintenance_reason: string | null;
  management_interface: string;
  network_data: Record<string, unknown>;
  network_interface: string;
  owner: string | null;
  power_interface: string;
  power_state: string | null;
  properties: Record<string, unknown>;
  protected: boolean;
  protected_reason: string | null;
  provision_state: string;
  provision_updated_at: string | null;
  raid_config: Record<string, unknown>;
  raid_interface: string;
  rescue_interface: string;
  /** Conductor holding the node's lock while a transition runs. */
  reservation: string | null;
  resource_class: string | null;
  retired: boolean;
  retired_reason: string | null;
  secure_boot: boolean | null;
  shard: string | null;
  storage_interface: string;
  target_power_state: string | null;
  target_provision_state: string | null;
  target_raid_config: Record<string, unknown>;
  traits: string[];
  vendor_interface: string;
  chassis_uuid: string | null;
  allocation_uuid: string | null;
}

export interface Port {
  uuid: string;
  address: string;
  node_uuid: string;
  created_at: string;
  updated_at: string | null;
  extra: Record<string, unknown>;
  internal_info: Record<string, unknown>;
  is_smartnic: boolean;
  local_link_connection: Record<string, unknown>;
  physical_network: string | null;
  pxe_enabled: boolean;
  portgroup_uuid: string | null;
}

export interface BaremetalState {
  nodes: Node[];
  ports: Port[];
}

/** API targets → state machine events (states.VERBS). */
export const VERBS: Record<string, string> = {
  active: 'deploy',
  deploy: 'deploy',
  deleted: 'delete',
  undeploy: 'delete',
  manage: 'manage',
  provide: 'provide',
  inspect: 'inspect',
  abort: 'abort',
  clean: 'clean',
  adopt: 'adopt',
  rescue: 'rescue',
  unrescue: 'unrescue',
};

// machine.add_transition(from, to, event) of states.py.
const TRANSITIONS: Array<[string, string, string]> = [
  ['available', 'deploying', 'deploy'],
  ['deploying', 'deploy failed', 'fail'],
  ['deploy failed', 'deploying', 'rebuild'],
  ['deploy failed', 'deploying', 'deploy'],
  ['deploying', 'wait call-back', 'wait'],
  ['wait call-back', 'deploying', 'resume'],
  ['wait call-back', 'deploy failed', 'fail'],
  ['deploying', 'active', 'done'],
  ['active', 'deploying', 'rebuild'],
  ['active', 'deleting', 'delete'],
  ['wait call-back', 'deleting', 'delete'],
  ['deploy failed', 'deleting', 'delete'],
  ['deleting', 'error', 'fail'],
  ['deleting', 'cleaning', 'clean'],
  ['cleaning', 'available', 'done'],
  ['cleaning', 'clean failed', 'fail'],
  ['clean wait', 'clean failed', 'fail'],
  ['clean wait', 'clean failed', 'abort'],
  ['cleaning', 'clean wait', 'wait'],
  ['clean wait', 'cleaning', 'resume'],
  ['clean failed', 'manageable', 'manage'],
  ['manageable', 'cleaning', 'provide'],
  ['manageable', 'cleaning', 'clean'],
  ['cleaning', 'manageable', 'manage'],
  ['available', 'manageable', 'manage'],
  ['error', 'deploying', 'rebuild'],
  ['error', 'deleting', 'delete'],
  ['manageable', 'inspecting', 'inspect'],
  ['inspecting', 'manageable', 'done'],
  ['inspecting', 'inspect failed', 'fail'],
  ['inspecting', 'inspect wait', 'wait'],
  ['inspect wait', 'manageable', 'done'],
  ['inspect wait', 'inspect failed', 'fail'],
  ['inspect wait', 'inspect failed', 'abort'],
  ['inspect failed', 'manageable', 'manage'],
  ['inspect failed', 'inspecting', 'inspect'],
  ['active', 'rescuing', 'rescue'],
  ['rescuing', 'rescue', 'done'],
  ['rescuing', 'rescue wait', 'wait'],
  ['rescue wait', 'rescuing', 'resume'],
  ['rescue', 'rescuing', 'rescue'],
  ['rescue', 'deleting', 'delete'],
  ['rescue wait', 'rescue failed', 'fail'],
  ['rescuing', 'rescue failed', 'fail'],
  ['rescue wait', 'rescue failed', 'abort'],
  ['rescue failed', 'rescuing', 'rescue'],
  ['rescue failed', 'unrescuing', 'unrescue'],
  ['rescue failed', 'deleting', 'delete'],
  ['rescue wait', 'deleting', 'delete'],
  ['rescue', 'unrescuing', 'unrescue'],
  ['unrescuing', 'active', 'done'],
  ['unrescuing', 'unrescue failed', 'fail'],
  ['unrescue failed', 'rescuing', 'rescue'],
  ['unrescue failed', 'unrescuing', 'unrescue'],
  ['unrescue failed', 'deleting', 'delete'],
  ['enroll', 'verifying', 'manage'],
  ['verifying', 'manageable', 'done'],
  ['verifying', 'enroll', 'fail'],
  ['manageable', 'adopting', 'adopt'],
  ['adopting', 'active', 'done'],
  ['adopting', 'adopt failed', 'fail'],
  ['adopt failed', 'adopting', 'adopt'],
  ['adopt failed', 'manageable', 'manage'],
];

/** Where `event` leads from `state`, or undefined when it is not actionable there. */
export function transition(state: string, event: string): string | undefined {
  return TRANSITIONS.find(([from, , ev]) => from === state && ev === event)?.[1];
}

/** Every provision state (the filter `?provision_state=` accepts only these). */
export const ALL_STATES = [...new Set(TRANSITIONS.flatMap(([a, b]) => [a, b]))];

/** States a node may be deleted in (DELETE_ALLOWED_STATES + available, allow_deleting_available_nodes). */
export const DELETE_ALLOWED_STATES = ['manageable', 'enroll', 'adopt failed', 'available'];

/** Node fields with the minor version that introduced them (api/controllers/v1/utils.py VERSIONED_FIELDS). */
export const VERSIONED_FIELDS: Record<string, number> = {
  driver_internal_info: 3,
  name: 5,
  inspection_finished_at: 6,
  inspection_started_at: 6,
  clean_step: 7,
  raid_config: 12,
  target_raid_config: 12,
  network_interface: 20,
  resource_class: 21,
  storage_interface: 33,
  traits: 37,
  rescue_interface: 38,
  bios_interface: 40,
  fault: 42,
  deploy_step: 44,
  conductor_group: 46,
  automated_clean: 47,
  protected: 48,
  protected_reason: 48,
  conductor: 49,
  owner: 50,
  description: 51,
  allocation_uuid: 52,
  retired: 61,
  retired_reason: 61,
  lessee: 65,
  network_data: 66,
  boot_mode: 75,
  secure_boot: 75,
  shard: 82,
  boot_interface: 31,
  console_interface: 31,
  deploy_interface: 31,
  inspect_interface: 31,
  management_interface: 31,
  power_interface: 31,
  raid_interface: 31,
  vendor_interface: 31,
};

/** Fields a PATCH may change (the list in Ironic's "Cannot patch" message). */
export const PATCHABLE = [
  'automated_clean', 'bios_interface', 'boot_interface', 'chassis_uuid', 'conductor_group', 'console_interface',
  'deploy_interface', 'description', 'driver', 'driver_info', 'extra', 'inspect_interface', 'instance_info',
  'instance_uuid', 'lessee', 'maintenance', 'management_interface', 'name', 'network_data', 'network_interface',
  'owner', 'power_interface', 'properties', 'protected', 'protected_reason', 'raid_interface', 'rescue_interface',
  'resource_class', 'retired', 'retired_reason', 'shard', 'storage_interface', 'vendor_interface',
];

export function newNode(init: Partial<Node> & { uuid: string; created_at: string }): Node {
  return {
    name: null,
    updated_at: null,
    automated_clean: null,
    bios_interface: 'fake',
    boot_interface: 'fake',
    boot_mode: null,
    clean_step: {},
    conductor_group: '',
    console_enabled: false,
    console_interface: 'fake',
    deploy_interface: 'fake',
    deploy_step: {},
    description: null,
    driver: DRIVER,
    driver_info: {},
    driver_internal_info: {},
    extra: {},
    fault: null,
    inspection_finished_at: null,
    inspection_started_at: null,
    inspect_interface: 'fake',
    instance_info: {},
    instance_uuid: null,
    last_error: null,
    lessee: null,
    maintenance: false,
    maintenance_reason: null,
    management_interface: 'fake',
    network_data: {},
    network_interface: 'noop',
    owner: null,
    power_interface: 'fake',
    power_state: null,
    properties: {},
    protected: false,
    protected_reason: null,
    provision_state: 'enroll',
    provision_updated_at: null,
    raid_config: {},
    raid_interface: 'fake',
    rescue_interface: 'fake',
    reservation: null,
    resource_class: null,
    retired: false,
    retired_reason: null,
    secure_boot: null,
    shard: null,
    storage_interface: 'noop',
    target_power_state: null,
    target_provision_state: null,
    target_raid_config: {},
    traits: [],
    vendor_interface: 'fake',
    chassis_uuid: null,
    allocation_uuid: null,
    ...init,
  };
}

const SEED_TIME = '2026-01-01T00:00:00+00:00';

/** A handful of nodes in mixed states, owned by the admin project, each with one port. */
export function seedBaremetal(failureFixtures: boolean): BaremetalState {
  const owner = seedProjectId('admin');
  const props = (cpus: number, memory: number, disk: number) => ({ cpus, memory_mb: memory, local_gb: disk, cpu_arch: 'x86_64' });
  const node = (name: string, extra: Partial<Node>): Node =>
    newNode({
      uuid: stableUuid('baremetal-node', name),
      name,
      created_at: SEED_TIME,
      updated_at: SEED_TIME,
      provision_updated_at: SEED_TIME,
      owner,
      resource_class: 'baremetal',
      driver_info: { deploy_kernel: 'http://192.0.2.10/ipa.kernel', deploy_ramdisk: 'http://192.0.2.10/ipa.initramfs' },
      properties: props(16, 65536, 480),
      power_state: 'power off',
      ...extra,
    });
  const nodes: Node[] = [
    node('bm-enroll-0', { provision_state: 'enroll', power_state: null, driver_info: {}, resource_class: null, properties: {} }),
    node('bm-manageable-0', { provision_state: 'manageable', properties: props(8, 32768, 240) }),
    node('bm-available-0', { provision_state: 'available' }),
    node('bm-available-1', { provision_state: 'available', properties: props(32, 131072, 960) }),
    node('bm-active-0', {
      provision_state: 'active',
      power_state: 'power on',
      instance_uuid: stableUuid('baremetal-instance', 'bm-active-0'),
      instance_info: { display_name: 'db-primary', image_source: stableUuid('image', 'ubuntu-22.04'), root_gb: '40' },
    }),
    node('bm-maint-0', { provision_state: 'available', maintenance: true, maintenance_reason: 'Replacing a failed DIMM in slot B2' }),
  ];
  if (failureFixtures) {
    nodes.push(node('fail-bm-0', {
      provision_state: 'deploy failed',
      target_provision_state: 'active',
      last_error: 'Deploy step deploy.deploy failed: Timeout reached while waiting for callback for node fail-bm-0.',
    }));
  }
  const ports: Port[] = nodes.map((n, i) => ({
    uuid: stableUuid('baremetal-port', n.name ?? n.uuid),
    address: `52:54:00:12:34:${(0x10 + i).toString(16).padStart(2, '0')}`,
    node_uuid: n.uuid,
    created_at: SEED_TIME,
    updated_at: null,
    extra: {},
    internal_info: {},
    is_smartnic: false,
    local_link_connection: {},
    physical_network: null,
    pxe_enabled: true,
    portgroup_uuid: null,
  }));
  return { nodes, ports };
}
