// What the compute definitions say, in English: whole messages render the sentences the pieces used to make.
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { cellText } from '@/lib/resources/cells';
import type { CellValue } from '../types';
import { flavorDefinition, type Flavor } from './flavor';
import { keypairDefinition } from './keypair';
import { launchCli, launchProblems, launchRequest, listStatus, serverDefinition, serverStatus, type Server, type ServerCreate } from './server';

/** A cell or overview value as an English page shows it. */
const shown = (v: CellValue) => cellText(v, (t) => en(t)!);

const server = (name: string, over: Partial<Server> = {}) => ({ id: `id-${name}`, name, status: 'ACTIVE', flavor: {}, image: '', addresses: {}, created: '', ...over }) as Server;
const action = (id: string) => serverDefinition.actions!.find((a) => a.id === id)!;

describe('server texts', () => {
  it('names one or several instances in confirmations, cutting a long selection', () => {
    const stop = action('stop').confirm!;
    expect(en(stop.title([server('a')]))).toBe('Stop instance?');
    expect(en(stop.title([server('a'), server('b')]))).toBe('Stop 2 instances?');
    expect(en(stop.body([server('a')]))).toBe('This shuts down a. Running processes are stopped.');
    const del = action('delete').confirm!;
    expect(en(del.title([server('a')]))).toBe('Delete instance?');
    expect(en(del.body([server('a')]))).toBe('This permanently destroys a and its local disks. Attached volumes are detached, not deleted.');
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => server(n));
    expect(en(del.body(five))).toBe('This permanently destroys a, b, c and 2 more and their local disks. Attached volumes are detached, not deleted.');
    expect(en(action('reboot-hard').confirm!.body([server('a')]))).toBe('a is power-cycled; unsaved data in memory is lost.');
  });
  it('words a deleting server and a task state', () => {
    expect(en(serverStatus(server('a', { 'OS-EXT-STS:task_state': 'deleting' })).label)).toBe('Deleting');
    expect(en(serverStatus(server('a', { status: 'BUILD', 'OS-EXT-STS:task_state': 'spawning' })).label)).toBe('BUILD (spawning)');
    expect(en(serverStatus(server('a', { status: 'SHUTOFF' })).label)).toBe('SHUTOFF');
  });
  it("the list's badge leaves the task to the Task column beside it (a 1440 px table stays one screen wide)", () => {
    const building = server('a', { status: 'BUILD', 'OS-EXT-STS:task_state': 'spawning' });
    expect(listStatus(building)).toEqual({ label: 'BUILD', tone: 'busy' });
    expect(en(listStatus(server('a', { 'OS-EXT-STS:task_state': 'deleting' })).label)).toBe('Deleting');
    expect(listStatus(server('a', { status: 'ACTIVE' }))).toEqual(serverStatus(server('a', { status: 'ACTIVE' })));
  });
  it('words launch problems', () => {
    const flavor = { id: '1', vcpus: 2, ram: 512, disk: 1 };
    const p = launchProblems({ count: 1, source: 'image' }, flavor, { min_ram: 1024 }, undefined);
    expect(en(p.flavorId)).toBe('Too small for this image: it needs 1024 MiB RAM, the flavor has 512 MiB');
    expect(en(launchProblems({ count: 2, source: 'image' }, flavor, {}, { instances: 1, cores: 10, ram: 10000 }).count)).toBe('Over quota: 1 more instance allowed');
    expect(en(launchProblems({ count: 3, source: 'image' }, flavor, {}, { instances: 9, cores: 4, ram: 10000 }).count)).toBe('Over quota: needs 6 vCPUs, 4 left');
  });
});

describe('server values', () => {
  const ctx = { lookups: { images: { i1: 'cirros' } } };
  const field = (label: string) => serverDefinition.overview!.find((f) => f.label === label)!;
  it('names the image, or the volume an instance boots from', () => {
    const image = serverDefinition.columns.find((c) => c.id === 'image')!;
    expect(image.value(server('a', { image: { id: 'i1' } }), ctx)).toBe('cirros');
    expect(shown(image.value(server('a'), ctx))).toBe('Volume');
  });
  it('words the flavor and the power state', () => {
    const s = server('a', { flavor: { original_name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 }, 'OS-EXT-STS:power_state': 1 });
    expect(shown(field('kinds.server.columns.flavor').value(s, ctx))).toBe('m1.small (1 vCPU, 2048 MiB RAM, 20 GiB disk)');
    expect(shown(field('kinds.server.overview.powerState').value(s, ctx))).toBe('RUNNING');
    expect(shown(field('kinds.server.overview.powerState').value(server('a', { 'OS-EXT-STS:power_state': 4 }), ctx))).toBe('SHUTDOWN');
    expect(field('kinds.server.overview.powerState').value(server('a', { 'OS-EXT-STS:power_state': 2 }), ctx)).toBe('');
  });
});

describe('flavor and key pair texts', () => {
  it('says whether a flavor is public', () => {
    const pub = flavorDefinition.columns.find((c) => c.id === 'public')!;
    expect(shown(pub.value({ 'os-flavor-access:is_public': false } as Flavor, { lookups: {} }))).toBe('No');
    expect(shown(pub.value({} as Flavor, { lookups: {} }))).toBe('Yes');
  });
  it('words their deletes', () => {
    const flavors = [{ name: 'm1.tiny' }, { name: 'm1.small' }] as Flavor[];
    const del = flavorDefinition.actions![0].confirm!;
    expect(en(del.title(flavors))).toBe('Delete 2 flavors?');
    expect(en(del.body(flavors.slice(0, 1)))).toBe('This deletes the flavor m1.tiny. Existing instances keep running; no new ones can use it.');
    expect(en(keypairDefinition.actions![0].confirm!.body([{ name: 'k1' }, { name: 'k2' }]))).toBe(
      'This deletes the key pairs k1, k2 from the cloud. Instances that already have the key keep it; your local private key is not touched.',
    );
  });
  it('offers a generated private key once', () => {
    const secret = keypairDefinition.create!.oneTimeSecret!({ keypair: { name: 'k1', private_key: 'PRIVATE' } })!;
    expect(en(secret.message)).toBe('Key pair k1 created. Download the private key now: it is shown only once and the cloud does not keep it.');
    expect(en(secret.saved)).toBe('Saved k1.pem. Keep it safe: ');
    expect(secret.savedCommand).toBe('chmod 600 k1.pem');
  });
});

describe('launch command line', () => {
  const input: ServerCreate = { name: 'web 1', count: 1, source: 'image', imageId: 'img', flavorId: 'f1', networks: ['n1'], keyName: '', securityGroups: ['default'], userData: '', availabilityZone: '' };
  it('names each network', () => {
    expect(launchCli(input)).toBe("openstack server create --image img --flavor f1 --network n1 --security-group default 'web 1'");
  });
  it('says --nic none (microversion 2.37) when the request has no network, not the CLI default "auto"', () => {
    const none = { ...input, networks: [] };
    expect((launchRequest(none).body as { server: { networks: unknown } }).server.networks).toBe('none');
    expect(launchCli(none)).toBe("openstack --os-compute-api-version 2.37 server create --image img --flavor f1 --nic none --security-group default 'web 1'");
  });
});
