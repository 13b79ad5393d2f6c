import { describe, expect, it } from 'vitest';
import { msg } from '@/lib/i18n/msg';
import { stackStatus } from './heat';
import { launchCli, launchRequest, stackNameProblem, templateBody, templateProblem, timeoutProblem, updateRequest, withCurrentValues, type StackOptions } from './launch';
import { paramCli, paramFields, paramProblem, paramProblems, paramValues, ValidateSchema, type ParamField } from './parameters';
import { deleteSummary, groupSizes, policyDirection, previewChanges, previewResources, resourcePage, scalingPolicies } from './resources';
import { constraintText } from './resource-type';
import { stackDefinition } from './stack';

// Real Heat 19's answer to POST /validate for a template with every parameter type and constraint (realcloud).
const VALIDATED = ValidateSchema.parse({
  Description: 't',
  Parameters: {
    s: { Type: 'String', Description: 'an s', NoEcho: 'true', Label: 'The S', Default: 'abc', MinLength: 2, MaxLength: 8, AllowedPattern: '[a-z]+', ConstraintDescription: 'two to eight' },
    n: { Type: 'Number', Description: '', NoEcho: 'false', Label: 'n', MinValue: 1, MaxValue: 5 },
    l: { Type: 'CommaDelimitedList', Description: '', NoEcho: 'false', Label: 'l', Default: 'a,b' },
    j: { Type: 'Json', Description: '', NoEcho: 'false', Label: 'j', Default: { a: 1 } },
    b: { Type: 'Boolean', Description: '', NoEcho: 'false', Label: 'b', Default: false },
    c: { Type: 'String', Description: '', NoEcho: 'false', Label: 'c', Default: 'x', AllowedValues: ['x', 'y'] },
    img: { Type: 'String', Description: '', NoEcho: 'false', Label: 'img', CustomConstraint: 'glance.image' },
  },
  ParameterGroups: [{ label: 'first', parameters: ['img', 'n'] }],
  Environment: { parameters: {} },
});

const byName = (fields: ParamField[]) => Object.fromEntries(fields.map((f) => [f.name, f]));

describe('parameter form from a validate answer', () => {
  const fields = paramFields(VALIDATED);
  const f = byName(fields);
  it('orders the parameter groups first, then the rest as Heat answered them', () => {
    expect(fields.map((x) => x.name)).toEqual(['img', 'n', 's', 'l', 'j', 'b', 'c']);
  });
  it('maps types, defaults, labels, hidden values and constraints', () => {
    expect(f.s).toMatchObject({ kind: 'string', label: 'The S', description: 'an s', initial: 'abc', hasDefault: true, secret: true, minLength: 2, maxLength: 8, pattern: '[a-z]+', constraintText: 'two to eight' });
    expect(f.n).toMatchObject({ kind: 'number', min: 1, max: 5, hasDefault: false, initial: '', secret: false });
    expect(f.l).toMatchObject({ kind: 'list', initial: 'a,b' });
    expect(f.j).toMatchObject({ kind: 'json', initial: '{"a":1}' });
    expect(f.b).toMatchObject({ kind: 'boolean', initial: 'false', hasDefault: true });
    expect(f.c.options).toEqual(['x', 'y']);
    expect(f.img).toMatchObject({ custom: 'glance.image', hasDefault: false });
  });
  it.each([
    ['n', '', 'orchestration.params.required'],
    ['n', 'abc', 'orchestration.params.notNumber'],
    ['n', '0', msg('orchestration.params.atLeast', { min: 1 })],
    ['n', '6', msg('orchestration.params.atMost', { max: 5 })],
    ['n', '3', undefined],
    ['n', '2.5', undefined],
    ['s', 'a', msg('orchestration.params.constraint', { text: 'two to eight' })],
    ['s', 'ABCD', msg('orchestration.params.constraint', { text: 'two to eight' })],
    ['s', 'abcd', undefined],
    ['s', '', undefined],
    ['c', 'z', 'orchestration.params.notAllowed'],
    ['c', 'y', undefined],
    ['j', '{"a":', 'orchestration.params.notJson'],
    ['j', '7', 'orchestration.params.notJson'],
    ['j', '[1,2]', undefined],
    ['b', 'maybe', 'orchestration.params.notBoolean'],
    ['b', 'true', undefined],
  ] as const)('%s = %j → %j', (name, value, problem) => {
    expect(paramProblem(f[name], value)).toEqual(problem);
  });
  it('checks a pattern against the whole value, and names it without a constraint description', () => {
    const p: ParamField = { name: 'p', kind: 'string', label: 'p', description: '', initial: '', hasDefault: false, secret: false, pattern: '[0-9]+' };
    expect(paramProblem(p, '12a')).toEqual(msg('orchestration.params.pattern', { pattern: '[0-9]+' }));
    expect(paramProblem(p, '12')).toBeUndefined();
    expect(paramProblem({ ...p, kind: 'list', pattern: undefined, minLength: 2 }, 'a')).toEqual(msg('orchestration.params.minLength', { min: 2 }));
  });
  it('sends only values that differ from the default, and hides secrets on the CLI line', () => {
    const values = { img: 'cirros', n: '3', s: 'secret', l: 'a,b', j: '{"a":1}', b: 'false', c: 'x' };
    expect(paramProblems(fields, values)).toEqual({});
    expect(paramValues(fields, values)).toEqual({ img: 'cirros', n: '3', s: 'secret' });
    expect(paramCli(fields, values)).toEqual(['--parameter', 'img=cirros', '--parameter', 'n=3', '--parameter', 's=<hidden>']);
    expect(paramProblems(fields, { ...values, n: '' })).toEqual({ n: 'orchestration.params.required' });
  });
  it('on an update starts from the stack’s values, which then need no input; hidden ones start empty', () => {
    const upd = byName(withCurrentValues(fields, { n: '4', s: '******', img: 'cirros' }));
    expect(upd.n).toMatchObject({ initial: '4', hasDefault: true });
    expect(upd.s).toMatchObject({ initial: '', hasDefault: true });
    expect(paramValues(Object.values(upd), { n: '4', img: 'other' })).toEqual({ img: 'other' });
  });
});

describe('launch and update calls', () => {
  const tpl = { source: 'text' as const, text: 'heat_template_version: 2018-08-31\n', url: '', environment: '' };
  const opts: StackOptions = { name: ' web ', template: tpl, fields: paramFields(VALIDATED), values: { n: '2' }, rollback: true, timeout: '30' };
  it('refuses an empty template, a missing file and a bad URL before asking Heat', () => {
    expect(templateProblem({ ...tpl, text: '  ' })).toBe('orchestration.errors.templateRequired');
    expect(templateProblem({ ...tpl, source: 'file', text: '' })).toBe('orchestration.errors.fileRequired');
    expect(templateProblem({ ...tpl, source: 'url', url: '' })).toBe('orchestration.errors.urlRequired');
    expect(templateProblem({ ...tpl, source: 'url', url: 'file:///etc/passwd' })).toBe('orchestration.errors.urlInvalid');
    expect(templateProblem({ ...tpl, source: 'url', url: 'not a url' })).toBe('orchestration.errors.urlInvalid');
    expect(templateProblem({ ...tpl, source: 'url', url: 'https://example.org/t.yaml' })).toBeUndefined();
  });
  it('sends the text as template, a URL as template_url, an environment only when given', () => {
    expect(templateBody(tpl)).toEqual({ template: tpl.text });
    expect(templateBody({ ...tpl, source: 'url', url: ' https://x/t.yaml ', environment: 'parameters: {}' })).toEqual({ template_url: 'https://x/t.yaml', environment: 'parameters: {}' });
  });
  it('checks names and timeouts as Heat does', () => {
    expect(stackNameProblem('')).toBe('orchestration.errors.nameRequired');
    expect(stackNameProblem('1abc')).toBe('orchestration.errors.nameCharacters');
    expect(stackNameProblem('a b')).toBe('orchestration.errors.nameCharacters');
    expect(stackNameProblem('web-1.a_b')).toBeUndefined();
    expect(stackNameProblem(`a${'b'.repeat(255)}`)).toBe('orchestration.errors.nameLength');
    expect(timeoutProblem('')).toBeUndefined();
    expect(timeoutProblem('0')).toEqual(msg('orchestration.errors.timeout', {}));
    expect(timeoutProblem('1.5')).toEqual(msg('orchestration.errors.timeout', {}));
  });
  it('creates, previews and updates with the same body', () => {
    expect(launchRequest(opts)).toEqual({ method: 'POST', path: 'stacks', body: { stack_name: 'web', template: tpl.text, parameters: { n: '2' }, disable_rollback: false, timeout_mins: 30 } });
    expect(launchRequest({ ...opts, rollback: false, timeout: '' }, true)).toEqual({ method: 'POST', path: 'stacks/preview', body: { stack_name: 'web', template: tpl.text, parameters: { n: '2' }, disable_rollback: true } });
    expect(updateRequest({ stack_name: 'web', id: 'u1' }, opts, true)).toMatchObject({ method: 'PATCH', path: 'stacks/web/u1/preview' });
    expect(updateRequest({ stack_name: 'web', id: 'u1' }, opts)).toMatchObject({ method: 'PATCH', path: 'stacks/web/u1' });
    expect(launchCli(opts)).toBe('openstack stack create -t template.yaml --parameter n=2 --timeout 30 --enable-rollback web');
  });
});

describe('stack resources', () => {
  const r = (name: string, type: string, extra: Record<string, string> = {}) => ({ resource_name: name, resource_type: type, physical_resource_id: `${name}-id`, resource_status: 'CREATE_COMPLETE', ...extra });
  it('links a resource to the page Stratus has for it', () => {
    expect(resourcePage(r('web', 'OS::Nova::Server'))).toEqual({ slug: 'instances', id: 'web-id' });
    expect(resourcePage(r('net', 'OS::Neutron::Net'))).toEqual({ slug: 'networks', id: 'net-id' });
    expect(resourcePage(r('fip', 'OS::Neutron::FloatingIP'))).toEqual({ slug: 'floating-ips', id: 'fip-id' });
    expect(resourcePage(r('vol', 'OS::Cinder::Volume'))).toEqual({ slug: 'volumes', id: 'vol-id' });
    expect(resourcePage(r('rs', 'OS::Heat::RandomString'))).toBeUndefined();
    expect(resourcePage(r('web', 'OS::Nova::Server', { physical_resource_id: '' }))).toBeUndefined();
    expect(resourcePage(r('web', 'OS::Nova::Server', { resource_status: 'DELETE_COMPLETE' }))).toBeUndefined();
  });
  const resources = [
    r('asg', 'OS::Heat::AutoScalingGroup'),
    r('scale_up', 'OS::Heat::ScalingPolicy'),
    r('m1', 'OS::Nova::Server', { parent_resource: 'asg' }),
    r('m2', 'OS::Nova::Server', { parent_resource: 'asg' }),
    r('m3', 'OS::Nova::Server', { parent_resource: 'asg', resource_status: 'DELETE_IN_PROGRESS' }),
    r('net', 'OS::Neutron::Net'),
  ];
  it('says what a delete takes: typed resources with their ids, the rest counted', () => {
    expect(deleteSummary(resources)).toEqual([
      msg('orchestration.deleteSummary.typed', { count: 1, type: 'OS::Neutron::Net', ids: 'net-id' }),
      msg('orchestration.deleteSummary.typed', { count: 3, type: 'OS::Nova::Server', ids: 'm1-id, m2-id, m3-id' }),
      msg('orchestration.deleteSummary.other', { count: 2 }),
    ]);
  });
  it('counts a group’s live members', () => {
    expect(groupSizes(resources).map((g) => [g.name, g.size, g.settling])).toEqual([['asg', 2, true]]);
    expect(groupSizes(resources.filter((x) => x.resource_name !== 'm3')).map((g) => g.settling)).toEqual([false]);
  });
  it('reads scaling policies and their direction from the template, parameters resolved', () => {
    const template = {
      resources: {
        asg: { type: 'OS::Heat::AutoScalingGroup' },
        up: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: { get_resource: 'asg' }, scaling_adjustment: 1 } },
        down: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: { get_resource: 'asg' }, scaling_adjustment: { get_param: 'step' } } },
        exact: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'exact_capacity', auto_scaling_group_id: { get_resource: 'asg' }, scaling_adjustment: 4 } },
      },
    };
    const ps = scalingPolicies(template, { step: '-2' });
    expect(ps).toEqual([
      { name: 'down', adjustment: -2, adjustmentType: 'change_in_capacity', group: 'asg' },
      { name: 'exact', adjustment: 4, adjustmentType: 'exact_capacity', group: 'asg' },
      { name: 'up', adjustment: 1, adjustmentType: 'change_in_capacity', group: 'asg' },
    ]);
    expect(ps.map(policyDirection)).toEqual(['down', 'signal', 'up']);
    expect(scalingPolicies(undefined)).toEqual([]);
  });
  it('lists an update’s dry run with the disruptive changes first', () => {
    const { rows, counts } = previewChanges({ resource_changes: { added: [{ resource_name: 'c', resource_type: 'T' }], replaced: [{ resource_name: 'a', resource_type: 'S' }], unchanged: [{ resource_name: 'u' }], updated: [], deleted: null } });
    expect(rows.map((x) => [x.change, x.name])).toEqual([['replaced', 'a'], ['added', 'c'], ['unchanged', 'u']]);
    expect(counts).toEqual({ replaced: 1, updated: 0, added: 1, deleted: 0, unchanged: 1 });
  });
  it('flattens a create preview’s nested lists', () => {
    expect(previewResources([{ resource_name: 'a', resource_type: 'X' }, [{ resource_name: 'b', resource_type: 'Y' }]])).toEqual([{ name: 'a', type: 'X' }, { name: 'b', type: 'Y' }]);
  });
});

describe('stack definition', () => {
  const s = { id: 'u1', stack_name: 'web', stack_status: 'CREATE_COMPLETE' };
  it('addresses a stack by name and id', () => {
    expect(stackDefinition.id(s)).toBe('web/u1');
    expect(stackDefinition.paths.item('web/u1')).toBe('stacks/web/u1');
  });
  it('polls *_IN_PROGRESS, and words failures with Heat’s reason', () => {
    expect(stackStatus({ stack_status: 'UPDATE_IN_PROGRESS' }).tone).toBe('busy');
    expect(stackStatus({ stack_status: 'CREATE_FAILED', stack_status_reason: 'quota' })).toEqual({ label: 'CREATE_FAILED', tone: 'error', detail: 'quota' });
    expect(stackStatus({ stack_status: 'SUSPEND_COMPLETE' }).tone).toBe('ok');
  });
  it('offers each action in the states Heat allows, with its body', () => {
    const a = Object.fromEntries((stackDefinition.actions ?? []).map((x) => [x.id, x]));
    const user = { isAdmin: false };
    expect(a.suspend.allowed(s, user)).toBe(true);
    expect(a.resume.allowed(s, user)).toBe(false);
    expect(a.resume.allowed({ ...s, stack_status: 'SUSPEND_COMPLETE' }, user)).toBe(true);
    expect(a['cancel-update'].allowed(s, user)).toBe(false);
    expect(a['cancel-update'].allowed({ ...s, stack_status: 'UPDATE_IN_PROGRESS' }, user)).toBe(true);
    expect(a.check.allowed({ ...s, stack_status: 'CREATE_IN_PROGRESS' }, user)).toBe(false);
    expect(a.suspend.request(s)).toEqual({ method: 'POST', path: 'stacks/web/u1/actions', body: { suspend: null } });
    expect(a['cancel-update'].request(s)).toEqual({ method: 'POST', path: 'stacks/web/u1/actions', body: { cancel_update: null } });
    expect(a.delete.request(s)).toEqual({ method: 'DELETE', path: 'stacks/web/u1' });
    expect(a.delete.cli(s)).toBe('openstack stack delete --yes web');
  });
  it('writes a resource type’s constraints as a template has them', () => {
    expect(constraintText({ range: { min: 0 } })).toBe('range: {"min":0}');
    expect(constraintText({ allowed_values: ['a', 'b'], description: 'x' })).toBe('allowed_values: ["a","b"]');
  });
});
