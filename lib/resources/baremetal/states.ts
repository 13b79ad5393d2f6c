// Ironic's provision state machine, from the dashboard's side: which verbs (PUT /v1/nodes/{id}/states/provision
// targets) each provision_state accepts, transcribed from ironic/common/states.py (Zed, API 1.78), and which states
// are transitional (a conductor is working: poll) or failures. Pure data, unit-tested in states.test.ts.
import type { MsgKey } from '@/lib/i18n/msg';

export const BAREMETAL_SERVICE = 'baremetal';
/** The API version of the states below; sent by the browser too, so the fields are there whatever the proxy's default becomes. */
export const IRONIC_HEADERS = { 'X-OpenStack-Ironic-API-Version': '1.78' };
export const IRONIC = { service: BAREMETAL_SERVICE, headers: IRONIC_HEADERS } as const;

/** Verbs the dashboard offers, with the API `target` each sends and the stable state it aims at (shown at once). */
export const PROVISION_VERBS = {
  manage: { target: 'manage', goal: 'manageable', label: 'kinds.node.actions.manage', cli: 'manage' },
  inspect: { target: 'inspect', goal: 'manageable', label: 'kinds.node.actions.inspect', cli: 'inspect' },
  provide: { target: 'provide', goal: 'available', label: 'kinds.node.actions.provide', cli: 'provide' },
  deploy: { target: 'active', goal: 'active', label: 'kinds.node.actions.deploy', cli: 'deploy' },
  rebuild: { target: 'rebuild', goal: 'active', label: 'kinds.node.actions.rebuild', cli: 'rebuild' },
  undeploy: { target: 'deleted', goal: 'available', label: 'kinds.node.actions.undeploy', cli: 'undeploy' },
  clean: { target: 'clean', goal: 'manageable', label: 'kinds.node.actions.clean', cli: 'clean' },
  unrescue: { target: 'unrescue', goal: 'active', label: 'kinds.node.actions.unrescue', cli: 'unrescue' },
  abort: { target: 'abort', goal: null, label: 'kinds.node.actions.abort', cli: 'abort' },
} as const satisfies Record<string, { target: string; goal: string | null; label: MsgKey; cli: string }>;
export type ProvisionVerb = keyof typeof PROVISION_VERBS;

/** provision_state -> verbs Ironic accepts there (states.py add_transition; rescue needs a password and is left out). */
export const ALLOWED_VERBS: Readonly<Record<string, readonly ProvisionVerb[]>> = {
  enroll: ['manage'],
  verifying: [],
  manageable: ['provide', 'inspect', 'clean'],
  inspecting: [],
  'inspect wait': ['abort'],
  'inspect failed': ['manage', 'inspect'],
  cleaning: [],
  'clean wait': ['abort'],
  'clean failed': ['manage'],
  available: ['manage', 'deploy'],
  deploying: [],
  'wait call-back': ['undeploy'],
  'deploy failed': ['deploy', 'rebuild', 'undeploy'],
  active: ['rebuild', 'undeploy'],
  deleting: [],
  error: ['rebuild', 'undeploy'],
  rescuing: [],
  'rescue wait': ['abort', 'undeploy'],
  rescue: ['unrescue', 'undeploy'],
  'rescue failed': ['unrescue', 'undeploy'],
  unrescuing: [],
  'unrescue failed': ['unrescue', 'undeploy'],
  adopting: [],
  'adopt failed': ['manage'],
};

/** A conductor is moving the node (target_provision_state is set in these). */
export const TRANSITIONAL_STATES = [
  'verifying', 'inspecting', 'inspect wait', 'cleaning', 'clean wait', 'deploying', 'wait call-back', 'deleting', 'rescuing', 'rescue wait', 'unrescuing', 'adopting',
] as const;

/** Failures: Ironic keeps target_provision_state set in some of them (clean failed -> manageable), yet nothing runs. */
export const FAILED_STATES = ['inspect failed', 'clean failed', 'deploy failed', 'error', 'rescue failed', 'unrescue failed', 'adopt failed'] as const;

export const PROVISION_STATES = Object.keys(ALLOWED_VERBS);

/** States in which DELETE /v1/nodes/{id} is accepted without maintenance (conductor DELETE_ALLOWED_STATES + available). */
export const DELETE_STATES = ['manageable', 'enroll', 'adopt failed', 'available'] as const;

export interface NodeStateFields {
  provision_state: string | null;
  target_provision_state?: string | null;
  target_power_state?: string | null;
  power_state?: string | null;
  maintenance?: boolean;
  instance_uuid?: string | null;
}

export const isFailed = (n: NodeStateFields) => (FAILED_STATES as readonly string[]).includes(n.provision_state ?? '');

/** A conductor holds the node (Ironic answers 409 NodeLocked to most calls): a provision or power transition runs. */
export function isBusy(n: NodeStateFields): boolean {
  if (n.target_power_state) return true;
  if (isFailed(n)) return false;
  return !!n.target_provision_state || (TRANSITIONAL_STATES as readonly string[]).includes(n.provision_state ?? '');
}

/** Verbs to offer for a node now. Busy nodes get only abort (where the state allows it); maintenance blocks deploy/rebuild. */
export function allowedVerbs(n: NodeStateFields): ProvisionVerb[] {
  const verbs = ALLOWED_VERBS[n.provision_state ?? ''] ?? [];
  if (n.target_power_state) return [];
  return verbs.filter((v) => {
    if (v === 'abort') return true;
    if (n.maintenance && (v === 'deploy' || v === 'rebuild')) return false;
    // wait states have no conductor lock: undeploy from wait call-back is valid although target is set.
    if (isBusy(n) && !(n.provision_state === 'wait call-back' || n.provision_state === 'rescue wait')) return false;
    return true;
  });
}

export type PowerVerb = 'on' | 'off' | 'reboot';
export const POWER_TARGETS: Record<PowerVerb, string> = { on: 'power on', off: 'power off', reboot: 'rebooting' };

export function allowedPower(n: NodeStateFields): PowerVerb[] {
  if (isBusy(n)) return [];
  if (n.power_state === 'power on') return ['off', 'reboot'];
  return ['on'];
}

/** DELETE is accepted in the delete states, or in maintenance; never while a conductor works on it. */
export function canDeleteNode(n: NodeStateFields): boolean {
  if (n.target_power_state || (TRANSITIONAL_STATES as readonly string[]).includes(n.provision_state ?? '')) return false;
  if (n.maintenance) return true;
  return (DELETE_STATES as readonly string[]).includes(n.provision_state ?? '') && !n.instance_uuid;
}
