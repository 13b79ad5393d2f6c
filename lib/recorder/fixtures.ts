// A recorded launch-and-attach, as the dashboard records it: shared by the recorder's unit tests.
import type { RecordedCall } from './recording';

export const IMAGE = '11111111-1111-4111-8111-111111111111';
export const NET = '22222222-2222-4222-8222-222222222222';
export const SERVER = '33333333-3333-4333-8333-333333333333';
export const VOLUME = '44444444-4444-4444-8444-444444444444';

export const LAUNCH_AND_ATTACH: RecordedCall[] = [
  {
    at: 1,
    method: 'POST',
    service: 'compute',
    path: 'servers',
    body: { server: { name: 'web 1', flavorRef: '1', imageRef: IMAGE, min_count: 1, max_count: 1, networks: [{ uuid: NET }], security_groups: [{ name: 'default' }] } },
    cli: `openstack server create --image ${IMAGE} --flavor 1 --network ${NET} --security-group default 'web 1'`,
    outcome: 'sent',
    status: 202,
    created: { key: 'server', id: SERVER, name: 'web 1' },
    names: { [IMAGE]: { kind: 'image', name: 'cirros' }, '1': { kind: 'flavor', name: 'm1.tiny' }, [NET]: { kind: 'network', name: 'private' } },
  },
  {
    at: 2,
    method: 'POST',
    service: 'volumev3',
    path: 'volumes',
    body: { volume: { size: 1, name: "data's" } },
    cli: `openstack volume create --size 1 'data'\\''s'`,
    outcome: 'sent',
    status: 202,
    created: { key: 'volume', id: VOLUME, name: "data's" },
  },
  {
    at: 3,
    method: 'POST',
    service: 'compute',
    path: `servers/${SERVER}/os-volume_attachments`,
    body: { volumeAttachment: { volumeId: VOLUME } },
    cli: `openstack server add volume ${SERVER} ${VOLUME}`,
    outcome: 'sent',
    status: 200,
    created: { key: 'volumeAttachment', id: VOLUME },
  },
];
