import type { Call, Scenario, Vars } from '../types';

// The Heat calls Stratus and the CLI make: template validate, resource types, a preview, then a stack (a random
// string, a network and a subnet) created, shown, listed, with its resources, events, outputs, template and
// environment; an update preview, suspend and resume, check, and delete; and the usual errors.
const NAME = `fid-heat-${process.pid}`;
const TEMPLATE = {
  heat_template_version: '2018-08-31',
  description: 'fidelity',
  parameters: {
    length: { type: 'number', default: 8, constraints: [{ range: { min: 4, max: 32 } }], description: 'Length of the random string' },
    cidr: { type: 'string', default: '10.77.0.0/24' },
  },
  resources: {
    rand: { type: 'OS::Heat::RandomString', properties: { length: { get_param: 'length' } } },
    net: { type: 'OS::Neutron::Net', properties: { name: { list_join: ['-', [{ get_param: 'OS::stack_name' }, 'net']] } } },
    sub: { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: 'net' }, cidr: { get_param: 'cidr' }, ip_version: 4 } },
  },
  outputs: {
    value: { description: 'The random string', value: { get_attr: ['rand', 'value'] } },
    net_id: { value: { get_resource: 'net' } },
  },
};
type Stack = { stack?: { id: string; stack_status?: string } };

const c = (call: Omit<Call, 'service'>): Call => ({ service: 'orchestration', ...call });
const stack = (v: Vars) => `stacks/${NAME}/${v.stack}`;
/** Stack show until the stack reaches `state` (a stack action runs in the engine after the API answered). */
const until = (name: string, state: string): Call => c({ name, path: stack, until: (b) => (b as Stack).stack?.stack_status === state });

export const orchestration: Scenario = {
  name: 'orchestration',
  service: 'orchestration',
  calls: [
    c({ name: 'version document', path: '../../' }),
    c({ name: 'build info', path: 'build_info' }),
    c({ name: 'template versions', path: 'template_versions' }),
    c({ name: 'template functions', path: 'template_versions/heat_template_version.2018-08-31/functions' }),
    c({ name: 'template functions, version without its key', path: 'template_versions/2018-08-31/functions' }),
    c({ name: 'resource type list', path: 'resource_types' }),
    c({ name: 'resource type list with descriptions', path: 'resource_types?with_description=true&name=OS::Heat::' }),
    c({ name: 'resource type show', path: 'resource_types/OS::Heat::RandomString' }),
    c({ name: 'resource type show, unknown', path: 'resource_types/OS::Bogus::Thing' }),
    c({ name: 'resource type template (hot)', path: 'resource_types/OS::Neutron::Net/template?template_type=hot' }),
    c({ name: 'template validate', method: 'POST', path: 'validate', body: { template: TEMPLATE } }),
    c({ name: 'template validate, unknown property', method: 'POST', path: 'validate', body: { template: { ...TEMPLATE, resources: { rand: { type: 'OS::Heat::RandomString', properties: { size: 3 } } }, outputs: {} } } }),
    c({ name: 'template validate, unknown version', method: 'POST', path: 'validate', body: { template: { heat_template_version: '2001-01-01', resources: {} } } }),
    c({ name: 'template validate, no template', method: 'POST', path: 'validate', body: {} }),
    c({ name: 'stack preview', method: 'POST', path: 'stacks/preview', body: { stack_name: NAME, template: TEMPLATE } }),
    c({ name: 'stack create, parameter out of range', method: 'POST', path: 'stacks', body: { stack_name: NAME, template: TEMPLATE, parameters: { length: 2 } } }),
    c({ name: 'stack create, malformed JSON', method: 'POST', path: 'stacks', rawBody: '{"stack_name": ' }),
    c({
      name: 'stack create', method: 'POST', path: 'stacks', body: { stack_name: NAME, template: TEMPLATE, timeout_mins: 10, tags: 'fidelity,heat' },
      capture: (b, _h, v) => (v.stack = (b as Stack).stack!.id),
    }),
    c({ name: 'stack create, same name (409)', method: 'POST', path: 'stacks', body: { stack_name: NAME, template: TEMPLATE } }),
    until('stack show until CREATE_COMPLETE', 'CREATE_COMPLETE'),
    c({ name: 'stack show by name (redirect followed)', path: `stacks/${NAME}` }),
    c({ name: 'stack show, unknown', path: 'stacks/no-such-stack' }),
    c({ name: 'stack list', path: 'stacks' }),
    c({ name: 'stack list by name', path: `stacks?name=${NAME}` }),
    c({ name: 'stack list, tags, limit 1', path: 'stacks?tags=fidelity&limit=1' }),
    c({ name: 'stack list, bad limit', path: 'stacks?limit=abc' }),
    c({ name: 'stack list detail', path: 'stacks/detail' }),
    c({ name: 'stack list (admin, global)', as: 'admin', path: 'stacks?global_tenant=true' }),
    c({ name: 'resource list', path: (v) => `${stack(v)}/resources` }),
    c({ name: 'resource list with detail', path: (v) => `${stack(v)}/resources?with_detail=true` }),
    c({ name: 'resource list, bad filter', path: (v) => `${stack(v)}/resources?bogus=1` }),
    c({ name: 'resource show', path: (v) => `${stack(v)}/resources/net` }),
    c({ name: 'resource show, unknown', path: (v) => `${stack(v)}/resources/nothing` }),
    c({ name: 'resource metadata', path: (v) => `${stack(v)}/resources/rand/metadata` }),
    c({ name: 'event list', path: (v) => `${stack(v)}/events` }),
    c({ name: 'event list of a resource', path: (v) => `${stack(v)}/resources/net/events`, capture: (b, _h, v) => (v.event = (b as { events: Array<{ id: string }> }).events[0].id) }),
    c({ name: 'event list, sorted, limit 2', path: (v) => `${stack(v)}/events?sort_dir=asc&limit=2` }),
    c({ name: 'event show', path: (v) => `${stack(v)}/resources/net/events/${v.event}` }),
    c({ name: 'output list', path: (v) => `${stack(v)}/outputs` }),
    c({ name: 'output show', path: (v) => `${stack(v)}/outputs/value` }),
    c({ name: 'output show, unknown', path: (v) => `${stack(v)}/outputs/nothing` }),
    c({ name: 'template', path: (v) => `${stack(v)}/template` }),
    c({ name: 'environment', path: (v) => `${stack(v)}/environment` }),
    c({ name: 'files', path: (v) => `${stack(v)}/files` }),
    c({ name: 'update preview (replaces the subnet)', method: 'PUT', path: (v) => `${stack(v)}/preview`, body: { template: TEMPLATE, parameters: { cidr: '10.77.1.0/24' } } }),
    c({ name: 'action, none', method: 'POST', path: (v) => `${stack(v)}/actions`, body: {} }),
    c({ name: 'action, unknown', method: 'POST', path: (v) => `${stack(v)}/actions`, body: { explode: null } }),
    c({ name: 'suspend', method: 'POST', path: (v) => `${stack(v)}/actions`, body: { suspend: null } }),
    until('stack show until SUSPEND_COMPLETE', 'SUSPEND_COMPLETE'),
    c({ name: 'resume', method: 'POST', path: (v) => `${stack(v)}/actions`, body: { resume: null } }),
    until('stack show until RESUME_COMPLETE', 'RESUME_COMPLETE'),
    c({ name: 'check', method: 'POST', path: (v) => `${stack(v)}/actions`, body: { check: null } }),
    until('stack show until CHECK_COMPLETE', 'CHECK_COMPLETE'),
    c({ name: 'cancel update when not updating', method: 'POST', path: (v) => `${stack(v)}/actions`, body: { cancel_update: null } }),
    c({ name: 'update (PATCH, new parameter)', method: 'PATCH', path: stack, body: { parameters: { length: 12 } } }),
    until('stack show until UPDATE_COMPLETE', 'UPDATE_COMPLETE'),
    c({ name: 'event list after the update', path: (v) => `${stack(v)}/events?resource_name=rand` }),
    c({ name: 'delete', method: 'DELETE', path: stack }),
    c({ name: 'stack show until gone', path: stack, until: (b, s) => s === 404 || (b as Stack).stack?.stack_status === 'DELETE_COMPLETE' }),
    c({ name: 'stack list after the delete', path: `stacks?name=${NAME}` }),
  ],
};
