import { expect, it } from 'vitest';
import { createdSelection, kindOfKey } from './heat';
import { LAUNCH_AND_ATTACH, SERVER, VOLUME } from './fixtures';
import type { RecordedCall } from './recording';

const HEAT_KINDS = new Set(['server', 'volume', 'network', 'subnet', 'router', 'floating-ip', 'security-group']);

it('kindOfKey', () => {
  expect(['server', 'floatingip', 'security_group', 'volumeAttachment'].map(kindOfKey)).toEqual(['server', 'floating-ip', 'security-group', 'volumeAttachment']);
});

it('selects what the recording created and did not delete, of the kinds Heat exports', () => {
  expect(createdSelection(LAUNCH_AND_ATTACH, (k) => HEAT_KINDS.has(k))).toEqual([
    { kind: 'server', id: SERVER },
    { kind: 'volume', id: VOLUME },
  ]);
  const more: RecordedCall[] = [
    ...LAUNCH_AND_ATTACH,
    { at: 9, method: 'DELETE', service: 'compute', path: `servers/${SERVER}`, outcome: 'sent', status: 204 },
    { at: 10, method: 'POST', service: 'network', path: 'v2.0/floatingips', outcome: 'dry-run', created: { key: 'floatingip', id: 'f' } },
    { at: 11, method: 'POST', service: 'network', path: 'v2.0/security-groups', outcome: 'sent', created: { key: 'security_group', id: 'g', name: 'web' } },
  ];
  expect(createdSelection(more, (k) => HEAT_KINDS.has(k))).toEqual([
    { kind: 'volume', id: VOLUME },
    { kind: 'security-group', id: 'g' },
  ]);
});
