// Heat v1 over HTTP against an in-process cloud: stacks that create real demo-cloud resources, their
// events, outputs, updates, actions, failures with rollback, and autoscaling.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';

let cloud: DemoCloud;
let token: string;
let project: string;
let heat: string;

type Row = Record<string, unknown>;

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 200, failureFixtures: true });
  token = await login(cloud, 'demo', 'demo');
  const r = await call(cloud, 'GET', '/identity/v3/auth/tokens', { token, headers: { 'X-Subject-Token': token } });
  project = ((r.body as { token: { project: { id: string } } }).token.project.id);
  heat = `/orchestration/v1/${project}`;
});
afterAll(() => cloud.close());

const get = (path: string) => call(cloud, 'GET', `${heat}${path}`, { token });
const post = (path: string, body: unknown) => call(cloud, 'POST', `${heat}${path}`, { token, body });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function createStack(name: string, template: unknown, extra: Row = {}): Promise<string> {
  const r = await post('/stacks', { stack_name: name, template, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as { stack: { id: string } }).stack.id;
}

/** Polls the stack until its status stops being *_IN_PROGRESS. */
async function settle(name: string, id: string): Promise<Row> {
  for (let i = 0; i < 400; i++) {
    const s = (await get(`/stacks/${name}/${id}`)).body as { stack: Row };
    if (!String(s.stack.stack_status).endsWith('_IN_PROGRESS')) return s.stack;
    await sleep(20);
  }
  throw new Error(`stack ${name} never settled`);
}

async function events(name: string, id: string, query = '?sort_dir=asc'): Promise<string[]> {
  const r = (await get(`/stacks/${name}/${id}/events${query}`)).body as { events: Row[] };
  return r.events.map((e) => `${String(e.resource_name)} ${String(e.resource_status)}`);
}

const HOT = '2018-08-31';

describe('orchestration: service', () => {
  it('is in the catalog with the project in its URL, and lists versions', async () => {
    const r = await call(cloud, 'GET', '/identity/v3/auth/catalog', { token });
    const entry = (r.body as { catalog: Array<{ type: string; name: string; endpoints: Array<{ url: string }> }> }).catalog.find((c) => c.type === 'orchestration');
    expect(entry?.name).toBe('heat');
    expect(entry?.endpoints[0].url.endsWith(`/orchestration/v1/${project}`)).toBe(true);
    const v = await call(cloud, 'GET', '/orchestration/');
    expect(v.status).toBe(300);
    expect(v.body).toMatchObject({ versions: [{ id: 'v1.0', status: 'CURRENT' }] });
  });

  it('answers Heat errors: 401, 403 for another tenant, 404 page for unknown URLs', async () => {
    expect((await call(cloud, 'GET', `${heat}/stacks`)).status).toBe(401);
    const other = await call(cloud, 'GET', '/orchestration/v1/0123456789abcdef0123456789abcdef/stacks', { token });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 403, error: { type: 'HTTPForbidden' } });
    const missing = await get('/stacks/nope');
    expect(missing.body).toEqual({ code: 404, title: 'Not Found', explanation: 'The resource could not be found.', error: { type: 'EntityNotFound', traceback: null, message: 'The Stack (nope) could not be found.' } });
  });

  it('validates templates', async () => {
    const good = await post('/validate', { template: { heat_template_version: HOT, description: 'd', parameters: { p: { type: 'string', default: 'ab', hidden: true, constraints: [{ length: { min: 1, max: 4 } }] } } } });
    expect(good.body).toEqual({
      Description: 'd',
      Parameters: { p: { Type: 'String', Description: '', NoEcho: 'true', Label: 'p', Default: 'ab', MinLength: 1, MaxLength: 4 } },
      Environment: { resource_registry: { resources: {} }, parameters: {}, parameter_defaults: {}, event_sinks: [] },
    });
    const bad = await post('/validate', { template: { heat_template_version: HOT, resources: { a: { type: 'OS::Bad::Thing' } } } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { type: 'HTTPBadRequest', message: 'The Resource Type (OS::Bad::Thing) could not be found.' } });
    const prop = await post('/validate', { template: { heat_template_version: HOT, resources: { a: { type: 'OS::Heat::RandomString', properties: { bogus: 1 } } } } });
    expect(prop.body).toMatchObject({ error: { message: 'Property error: resources.a.properties: Unknown Property bogus' } });
  });

  it('lists resource types and shows their recorded schemas', async () => {
    const list = (await get('/resource_types')).body as { resource_types: string[] };
    expect(list.resource_types).toContain('OS::Nova::Server');
    expect(list.resource_types).toContain('OS::Heat::AutoScalingGroup');
    const some = (await get('/resource_types?name=OS::Heat::Random*&with_description=true')).body as { resource_types: Row[] };
    expect(some.resource_types).toHaveLength(1);
    const show = (await get('/resource_types/OS::Heat::RandomString')).body as Row;
    expect(show).toMatchObject({ resource_type: 'OS::Heat::RandomString', properties: { length: { type: 'integer', default: 32 } } });
    expect((await get('/resource_types/OS::Nope::X')).status).toBe(404);
    const versions = (await get('/template_versions')).body as { template_versions: Row[] };
    expect(versions.template_versions.map((v) => v.version)).toContain('heat_template_version.2021-04-16');
  });
});

describe('orchestration: a stack of real resources', () => {
  const template = {
    heat_template_version: HOT,
    description: 'net and subnet',
    parameters: { len: { type: 'number', default: 8, constraints: [{ range: { min: 4, max: 32 } }] }, cidr: { type: 'string', default: '10.91.0.0/24' } },
    resources: {
      rs: { type: 'OS::Heat::RandomString', properties: { length: { get_param: 'len' } } },
      net: { type: 'OS::Neutron::Net', properties: { name: { list_join: ['-', ['hw', { get_param: 'OS::stack_name' }]] } } },
      sub: { type: 'OS::Neutron::Subnet', depends_on: ['rs'], properties: { network: { get_resource: 'net' }, cidr: { get_param: 'cidr' } } },
    },
    outputs: { rnd: { description: 'the random', value: { get_attr: ['rs', 'value'] } }, cidr: { value: { get_attr: ['sub', 'cidr'] } }, sid: { value: { get_resource: 'sub' } } },
  };
  let id: string;

  it('creates it in dependency order, with events for every transition', async () => {
    id = await createStack('netstack', template, { parameters: { len: '12' }, tags: 'a,b', timeout_mins: 10 });
    const s = await settle('netstack', id);
    expect(s).toMatchObject({ stack_status: 'CREATE_COMPLETE', stack_status_reason: 'Stack CREATE completed successfully', tags: ['a', 'b'], timeout_mins: 10, disable_rollback: true });
    expect(s.parameters).toMatchObject({ len: '12', 'OS::stack_name': 'netstack', 'OS::stack_id': id, 'OS::project_id': project });
    const ev = await events('netstack', id);
    expect(ev[0]).toBe('netstack CREATE_IN_PROGRESS');
    expect(ev.at(-1)).toBe('netstack CREATE_COMPLETE');
    expect(ev.indexOf('sub CREATE_IN_PROGRESS')).toBeGreaterThan(ev.indexOf('rs CREATE_COMPLETE'));
    expect(ev.indexOf('sub CREATE_IN_PROGRESS')).toBeGreaterThan(ev.indexOf('net CREATE_COMPLETE'));
  });

  it('made a real network and subnet, shown in resources and outputs', async () => {
    const res = ((await get(`/stacks/netstack/${id}/resources`)).body as { resources: Row[] }).resources;
    const net = res.find((r) => r.resource_name === 'net')!;
    expect(net).toMatchObject({ resource_type: 'OS::Neutron::Net', resource_status: 'CREATE_COMPLETE', required_by: ['sub'] });
    const n = await call(cloud, 'GET', `/network/v2.0/networks/${String(net.physical_resource_id)}`, { token });
    expect(n.body).toMatchObject({ network: { name: 'hw-netstack' } });
    const outputs = ((await get(`/stacks/netstack/${id}/outputs`)).body as { outputs: Row[] }).outputs;
    expect(outputs.map((o) => o.output_key).sort()).toEqual(['cidr', 'rnd', 'sid']);
    const rnd = ((await get(`/stacks/netstack/${id}/outputs/rnd`)).body as { output: Row }).output;
    expect(String(rnd.output_value)).toMatch(/^[A-Za-z0-9]{12}$/);
    const cidr = ((await get(`/stacks/netstack/${id}/outputs/cidr`)).body as { output: Row }).output;
    expect(cidr.output_value).toBe('10.91.0.0/24');
    const show = ((await get(`/stacks/netstack/${id}/resources/sub`)).body as { resource: Row }).resource;
    expect(show.attributes).toMatchObject({ cidr: '10.91.0.0/24', network_id: net.physical_resource_id });
  });

  it('redirects name lookups to the canonical URL', async () => {
    const r = await fetch(`${cloud.url}${heat}/stacks/netstack/resources?x=1`, { headers: { 'X-Auth-Token': token }, redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`${cloud.url}${heat}/stacks/netstack/${id}/resources?x=1`);
  });

  it('lists every project\'s stacks for nobody: global_tenant=true is stacks:global_index, denied by default', async () => {
    const admin = await login(cloud, 'admin', 'admin');
    const r = await call(cloud, 'GET', `${heat}/stacks?global_tenant=true`, { token: admin });
    expect([r.status, (r.body as { error: Row }).error]).toEqual([403, { type: 'Forbidden', traceback: null, message: 'You are not authorized to use stacks:global_index.' }]);
    expect((await get('/stacks?global_tenant=false')).status).toBe(200);
  });

  it('previews an update: replaced, added, unchanged', async () => {
    const next = structuredClone(template) as typeof template & { resources: Record<string, unknown> };
    next.resources.extra = { type: 'OS::Heat::None' };
    const r = await call(cloud, 'PUT', `${heat}/stacks/netstack/${id}/preview`, { token, body: { template: next, parameters: { len: '12', cidr: '10.92.0.0/24' } } });
    const changes = (r.body as { resource_changes: Record<string, Row[]> }).resource_changes;
    const names = (k: string) => changes[k].map((x) => x.resource_name);
    expect([names('added'), names('replaced'), names('unchanged').sort(), names('updated'), names('deleted')]).toEqual([['extra'], ['sub'], ['net', 'rs'], [], []]);
  });

  it('updates with PATCH: replaces what cannot change in place, then cleans up', async () => {
    const before = ((await get(`/stacks/netstack/${id}/resources/sub`)).body as { resource: Row }).resource.physical_resource_id;
    const r = await call(cloud, 'PATCH', `${heat}/stacks/netstack/${id}`, { token, body: { parameters: { cidr: '10.92.0.0/24' } }, headers: { Accept: 'application/json' } });
    // webob words its 202 page as JSON for a JSON client (heatclient), as real Heat 19 does.
    expect([r.status, r.body]).toEqual([202, { message: 'The request is accepted for processing.<br /><br />\n\n\n', code: '202 Accepted', title: 'Accepted' }]);
    const s = await settle('netstack', id);
    expect(s.stack_status).toBe('UPDATE_COMPLETE');
    expect(s.parameters).toMatchObject({ len: '12', cidr: '10.92.0.0/24' });
    const after = ((await get(`/stacks/netstack/${id}/resources/sub`)).body as { resource: Row }).resource.physical_resource_id;
    expect(after).not.toBe(before);
    expect((await call(cloud, 'GET', `/network/v2.0/subnets/${String(before)}`, { token })).status).toBe(404);
    const ev = await events('netstack', id, '?sort_dir=asc&resource_name=sub');
    expect(ev.slice(-6)).toEqual(['sub UPDATE_IN_PROGRESS', 'sub UPDATE_COMPLETE', 'sub CREATE_IN_PROGRESS', 'sub CREATE_COMPLETE', 'sub DELETE_IN_PROGRESS', 'sub DELETE_COMPLETE']);
  });

  it('suspends, resumes and checks', async () => {
    for (const [action, label] of [['suspend', 'SUSPEND_COMPLETE'], ['resume', 'RESUME_COMPLETE'], ['check', 'CHECK_COMPLETE']]) {
      const r = await post(`/stacks/netstack/${id}/actions`, { [action]: null });
      expect(r.status).toBe(200);
      expect((await settle('netstack', id)).stack_status).toBe(label);
    }
    const s = ((await get(`/stacks/netstack/${id}`)).body as { stack: Row }).stack;
    expect(s.stack_status_reason).toBe("Stack CHECK completed successfully. 'CHECK' not fully supported (see resources)");
    const cancel = await post(`/stacks/netstack/${id}/actions`, { cancel_update: null });
    expect(cancel.body).toMatchObject({ error: { type: 'NotSupported', message: 'Cancelling update when stack is CHECK_COMPLETE is not supported.' } });
  });

  it('deletes it and its network', async () => {
    const net = ((await get(`/stacks/netstack/${id}/resources/net`)).body as { resource: Row }).resource.physical_resource_id;
    expect((await call(cloud, 'DELETE', `${heat}/stacks/netstack/${id}`, { token })).status).toBe(204);
    expect((await settle('netstack', id)).stack_status).toBe('DELETE_COMPLETE');
    expect((await call(cloud, 'GET', `/network/v2.0/networks/${String(net)}`, { token })).status).toBe(404);
    expect((await get('/stacks/netstack')).status).toBe(404);
    const list = (await get('/stacks?show_deleted=True')).body as { stacks: Row[] };
    expect(list.stacks.find((x) => x.id === id)?.stack_status).toBe('DELETE_COMPLETE');
  });
});

describe('orchestration: template sources and environments', () => {
  it('fetches template_url, reads a YAML environment (parameter_defaults, registry aliases) and files', async () => {
    const yaml = [
      'heat_template_version: 2021-04-16',
      'parameters:',
      '  who: {type: string}',
      '  greeting: {type: string, default: hello}',
      'resources:',
      '  v: {type: My::Value, properties: {value: {str_replace: {template: {get_file: greet.txt}, params: {$g: {get_param: greeting}, $w: {get_param: who}}}}}}',
      'outputs:',
      '  text: {value: {get_attr: [v, value]}}',
    ].join('\n');
    const server = createServer((_req, res) => res.end(yaml));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/t.yaml`;
      const environment = 'parameters: {who: world}\nparameter_defaults: {greeting: hi}\nresource_registry: {"My::Value": "OS::Heat::Value"}\n';
      const id = await createStack('fromurl', undefined, { template_url: url, environment, files: { 'greet.txt': '$g, $w!' } });
      expect((await settle('fromurl', id)).stack_status).toBe('CREATE_COMPLETE');
      expect(((await get(`/stacks/fromurl/${id}/outputs/text`)).body as { output: Row }).output.output_value).toBe('hi, world!');
      expect((await get(`/stacks/fromurl/${id}/environment`)).body).toEqual({
        resource_registry: { 'My::Value': 'OS::Heat::Value', resources: {} },
        parameters: { who: 'world' },
        parameter_defaults: { greeting: 'hi' },
        event_sinks: [],
        encrypted_param_names: [],
      });
      expect((await get(`/stacks/fromurl/${id}/files`)).body).toEqual({ 'greet.txt': '$g, $w!' });
      const types = ((await get(`/stacks/fromurl/${id}/resources`)).body as { resources: Row[] }).resources.map((r) => r.resource_type);
      expect(types).toEqual(['My::Value']);
    } finally {
      server.close();
    }
  });
});

describe('orchestration: failures', () => {
  it('rejects bad parameters and duplicate names before creating anything', async () => {
    const t = { heat_template_version: HOT, parameters: { n: { type: 'number', constraints: [{ range: { min: 1, max: 3 } }] } } };
    const r = await post('/stacks', { stack_name: 'badparam', template: t, parameters: { n: '9' } });
    expect(r.body).toMatchObject({ code: 400, error: { type: 'StackValidationFailed', message: "Parameter 'n' is invalid: 9 is out of range (min: 1, max: 3)" } });
    await createStack('dupe', { heat_template_version: HOT });
    const again = await post('/stacks', { stack_name: 'dupe', template: { heat_template_version: HOT } });
    expect(again.body).toMatchObject({ code: 409, error: { type: 'StackExists', message: 'The Stack (dupe) already exists.' } });
    const image = await post('/stacks', { stack_name: 'badimage', template: { heat_template_version: HOT, resources: { s: { type: 'OS::Nova::Server', properties: { image: 'nope-image', flavor: 'm1.tiny' } } } } });
    expect(image.body).toMatchObject({ error: { message: "Property error: : resources.s.properties.image: : Error validating value 'nope-image': No images matching {'name': 'nope-image'}." } });
  });

  it('fails with the failing resource\'s reason, and rolls back when asked', async () => {
    const t = {
      heat_template_version: HOT,
      resources: { ok: { type: 'OS::Heat::RandomString' }, boom: { type: 'OS::Heat::TestResource', depends_on: 'ok', properties: { fail: true } } },
    };
    const kept = await createStack('failkept', t);
    const s = await settle('failkept', kept);
    expect(s).toMatchObject({ stack_status: 'CREATE_FAILED', stack_status_reason: 'Resource CREATE failed: ValueError: resources.boom: Test Resource failed boom' });
    const rolled = await createStack('failrolled', t, { disable_rollback: false });
    const r = await settle('failrolled', rolled);
    expect(r).toMatchObject({ stack_status: 'ROLLBACK_COMPLETE', stack_status_reason: 'Stack ROLLBACK completed successfully' });
    expect(((await get(`/stacks/failrolled/${rolled}/resources`)).body as { resources: Row[] }).resources).toEqual([]);
    const ev = await events('failrolled', rolled);
    expect(ev).toContain('failrolled CREATE_FAILED');
    expect(ev.slice(-1)).toEqual(['failrolled ROLLBACK_COMPLETE']);
  });
});

describe('orchestration: scaling policies', () => {
  it('adjusts within min/max, waits out the cooldown, and leaves no event when nothing happens', async () => {
    const t = {
      heat_template_version: HOT,
      resources: {
        g: { type: 'OS::Heat::AutoScalingGroup', properties: { min_size: 1, max_size: 4, resource: { type: 'OS::Heat::RandomString' } } },
        up: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: { get_resource: 'g' }, scaling_adjustment: 1, cooldown: 60 } },
        exact: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'exact_capacity', auto_scaling_group_id: { get_resource: 'g' }, scaling_adjustment: 9, cooldown: 0 } },
        half: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'percent_change_in_capacity', auto_scaling_group_id: { get_resource: 'g' }, scaling_adjustment: -50, cooldown: 0 } },
      },
      outputs: { size: { value: { get_attr: ['g', 'current_size'] } } },
    };
    const id = await createStack('policies', t);
    await settle('policies', id);
    const size = async () => ((await get(`/stacks/policies/${id}/outputs/size`)).body as { output: Row }).output.output_value;
    const idle = async () => {
      for (let i = 0; i < 200; i++) {
        const md = ((await get(`/stacks/policies/${id}/resources/g/metadata`)).body as { metadata: Row }).metadata;
        if (md.scaling_in_progress === false) return;
        await sleep(10);
      }
    };
    const signal = async (policy: string) => {
      expect((await post(`/stacks/policies/${id}/resources/${policy}/signal`, { previous: 'ok', current: 'alarm', reason: 'cpu' })).status).toBe(200);
      await idle();
    };
    await signal('up');
    expect(await size()).toBe(2);
    await signal('up'); // cooling down (60 nominal seconds = 300 ms here): nothing happens
    expect(await size()).toBe(2);
    const reasons = ((await get(`/stacks/policies/${id}/resources/up/events?sort_dir=asc`)).body as { events: Row[] }).events.map((e) => `${String(e.resource_status)} ${String(e.resource_status_reason)}`);
    expect(reasons.filter((r) => r.startsWith('SIGNAL'))).toEqual(['SIGNAL_COMPLETE alarm state changed from ok to alarm (cpu)']);
    await sleep(350);
    await signal('up');
    expect(await size()).toBe(3);
    await signal('exact'); // the group's cooldown (from `up`) holds every policy
    expect(await size()).toBe(3);
    await sleep(350);
    await signal('exact'); // 9, capped at max_size 4
    expect(await size()).toBe(4);
    await signal('half');
    expect(await size()).toBe(2);
  });
});

describe('orchestration: update rollback and cancel (event sequences as real Heat 19 records them)', () => {
  const t = (value: string, extra: Row = {}) => ({
    heat_template_version: HOT,
    resources: { a: { type: 'OS::Heat::RandomString' }, t: { type: 'OS::Heat::TestResource', depends_on: 'a', properties: { value, ...extra } } },
  });
  let id: string;
  const since = async (n: number) => (await events('seq', id)).slice(n);

  it('rolls a failed update back: the failed resource is replaced by one made from the old definition', async () => {
    id = await createStack('seq', t('v1'), { disable_rollback: false });
    await settle('seq', id);
    const before = (await events('seq', id)).length;
    await call(cloud, 'PUT', `${heat}/stacks/seq/${id}`, { token, body: { template: t('v2', { fail: true }), disable_rollback: false } });
    expect((await settle('seq', id)).stack_status).toBe('ROLLBACK_COMPLETE');
    expect(await since(before)).toEqual([
      'seq UPDATE_IN_PROGRESS', 't UPDATE_IN_PROGRESS', 't UPDATE_FAILED', 'seq UPDATE_FAILED', 'seq ROLLBACK_IN_PROGRESS',
      't CREATE_IN_PROGRESS', 't CREATE_COMPLETE', 't DELETE_IN_PROGRESS', 't DELETE_COMPLETE', 'seq ROLLBACK_COMPLETE',
    ]);
  });

  it('cancel_update starts the rollback at once; the running update finishes under it', async () => {
    const before = (await events('seq', id)).length;
    await call(cloud, 'PUT', `${heat}/stacks/seq/${id}`, { token, body: { template: t('v3', { wait_secs: 100 }) } });
    for (let i = 0; i < 100 && !(await since(before)).includes('t UPDATE_IN_PROGRESS'); i++) await sleep(10);
    expect((await post(`/stacks/seq/${id}/actions`, { cancel_update: null })).status).toBe(200);
    expect((await settle('seq', id)).stack_status).toBe('ROLLBACK_COMPLETE');
    expect(await since(before)).toEqual([
      'seq UPDATE_IN_PROGRESS', 't UPDATE_IN_PROGRESS', 'seq ROLLBACK_IN_PROGRESS', 't UPDATE_COMPLETE', 't UPDATE_IN_PROGRESS', 't UPDATE_COMPLETE', 'seq ROLLBACK_COMPLETE',
    ]);
    const shown = ((await get(`/stacks/seq/${id}/template`)).body as { resources: { t: { properties: Row } } }).resources.t.properties;
    expect(shown.value).toBe('v1');
  });
});

describe('orchestration: servers and autoscaling', () => {
  const asg = {
    heat_template_version: HOT,
    resources: {
      asg: {
        type: 'OS::Heat::AutoScalingGroup',
        properties: { min_size: 2, max_size: 3, resource: { type: 'OS::Nova::Server', properties: { image: 'cirros', flavor: 'm1.tiny', networks: [{ network: 'private' }] } } },
      },
      up: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: { get_resource: 'asg' }, scaling_adjustment: 1, cooldown: 0 } },
      down: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: { get_resource: 'asg' }, scaling_adjustment: -1, cooldown: 0 } },
    },
    outputs: { size: { value: { get_attr: ['asg', 'current_size'] } }, refs: { value: { get_attr: ['asg', 'refs'] } }, url: { value: { get_attr: ['up', 'signal_url'] } } },
  };
  let id: string;
  const output = async (key: string) => ((await get(`/stacks/scaled/${id}/outputs/${key}`)).body as { output: Row }).output.output_value;
  const servers = async () => ((await call(cloud, 'GET', '/compute/v2.1/servers', { token })).body as { servers: Row[] }).servers.map((x) => String(x.id));

  it('creates a group of two servers that Nova lists', async () => {
    id = await createStack('scaled', asg);
    const s = await settle('scaled', id);
    expect(s.stack_status, String(s.stack_status_reason)).toBe('CREATE_COMPLETE');
    expect(await output('size')).toBe(2);
    const refs = (await output('refs')) as string[];
    expect(refs).toHaveLength(2);
    const all = await servers();
    for (const ref of refs) expect(all).toContain(ref);
    const nested = ((await get(`/stacks/scaled/${id}/resources?nested_depth=1`)).body as { resources: Row[] }).resources;
    expect(nested.filter((r) => r.resource_type === 'OS::Nova::Server' && r.parent_resource === 'asg')).toHaveLength(2);
    expect(String(await output('url'))).toContain(`/stacks/scaled/${id}/resources/up/signal`);
  });

  it('grows to three on a scale-up signal, never past max, and shrinks on scale-down', async () => {
    const waitSize = async (n: number) => {
      for (let i = 0; i < 300 && (await output('size')) !== n; i++) await sleep(20);
      expect(await output('size')).toBe(n);
    };
    expect((await post(`/stacks/scaled/${id}/resources/up/signal`, undefined)).status).toBe(200);
    await waitSize(3);
    for (let i = 0; i < 300; i++) {
      const md = ((await get(`/stacks/scaled/${id}/resources/asg/metadata`)).body as { metadata: Row }).metadata;
      if (md.scaling_in_progress === false && 'cooldown_end' in md && String(Object.values(md.cooldown_end as Row)[0]).startsWith('change_in_capacity')) break;
      await sleep(20);
    }
    const ev = await events('scaled', id, '?resource_name=up');
    expect(ev[0]).toBe('up SIGNAL_COMPLETE');
    await post(`/stacks/scaled/${id}/resources/up/signal`, undefined);
    await sleep(100);
    expect(await output('size')).toBe(3);
    await post(`/stacks/scaled/${id}/resources/down/signal`, undefined);
    await waitSize(2);
  });

  it('suspends and resumes the group\'s servers through the nested stack', async () => {
    const status = async () => {
      const refs = (await output('refs')) as string[];
      return Promise.all(refs.map(async (r) => ((await call(cloud, 'GET', `/compute/v2.1/servers/${r}`, { token })).body as { server: Row }).server.status));
    };
    await post(`/stacks/scaled/${id}/actions`, { suspend: null });
    expect((await settle('scaled', id)).stack_status).toBe('SUSPEND_COMPLETE');
    expect(new Set(await status())).toEqual(new Set(['SUSPENDED']));
    expect(await events('scaled', id, '?sort_dir=asc&nested_depth=1&resource_status=IN_PROGRESS&resource_action=SUSPEND')).toContain('asg SUSPEND_IN_PROGRESS');
    await post(`/stacks/scaled/${id}/actions`, { resume: null });
    expect((await settle('scaled', id)).stack_status).toBe('RESUME_COMPLETE');
    expect(new Set(await status())).toEqual(new Set(['ACTIVE']));
  });

  it('deletes the stack and its servers', async () => {
    const refs = (await output('refs')) as string[];
    await call(cloud, 'DELETE', `${heat}/stacks/scaled/${id}`, { token });
    expect((await settle('scaled', id)).stack_status).toBe('DELETE_COMPLETE');
    let all = await servers();
    for (let i = 0; i < 300 && refs.some((r) => all.includes(r)); i++) {
      await sleep(20);
      all = await servers();
    }
    for (const ref of refs) expect(all).not.toContain(ref);
  });
});

describe('orchestration: a server on a subnet', () => {
  it('puts the server\'s security groups on the port Heat makes for the subnet, and deletes that port with it', async () => {
    const tpl = {
      heat_template_version: HOT,
      resources: {
        net: { type: 'OS::Neutron::Net', properties: { name: 'portnet' } },
        sub: { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: 'net' }, cidr: '10.91.0.0/24' } },
        sg: { type: 'OS::Neutron::SecurityGroup', properties: { name: 'portsg', rules: [] } },
        vm: { type: 'OS::Nova::Server', properties: { image: 'cirros', flavor: 'm1.tiny', networks: [{ subnet: { get_resource: 'sub' } }], security_groups: [{ get_resource: 'sg' }, 'default'] } },
      },
    };
    const id = await createStack('subnetvm', tpl);
    const s = await settle('subnetvm', id);
    expect(s.stack_status, String(s.stack_status_reason)).toBe('CREATE_COMPLETE');
    const res = Object.fromEntries(((await get(`/stacks/subnetvm/${id}/resources`)).body as { resources: Row[] }).resources.map((r) => [String(r.resource_name), String(r.physical_resource_id)]));
    const ports = ((await call(cloud, 'GET', `/network/v2.0/ports?device_id=${res.vm}`, { token })).body as { ports: Row[] }).ports;
    expect(ports).toHaveLength(1);
    const groups = ((await call(cloud, 'GET', '/network/v2.0/security-groups?name=default', { token })).body as { security_groups: Row[] }).security_groups;
    expect([...(ports[0].security_groups as string[])].sort()).toEqual([res.sg, String(groups[0].id)].sort());
    await call(cloud, 'DELETE', `${heat}/stacks/subnetvm/${id}`, { token });
    expect((await settle('subnetvm', id)).stack_status).toBe('DELETE_COMPLETE');
    expect((await call(cloud, 'GET', `/network/v2.0/ports/${String(ports[0].id)}`, { token })).status).toBe(404);
  });
});
