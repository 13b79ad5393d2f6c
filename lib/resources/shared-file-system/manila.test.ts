import { describe, expect, it } from 'vitest';
import { accessToProblem, allowAccessCli, allowAccessRequest, isIpOrCidr } from './access';
import { parseManilaDetail, parseManilaLimits } from '../compute/quotas';
import { explainFailure } from '../explain';
import { handlesShareServers, ruleStatus, shareStatus, snapshotStatus, type AccessRule, type ExportLocation } from './manila';
import { mountCommand, mountLines, mountPoint } from './mount';
import { exportPaths, resizeProblem, shareCreateCli, ShareCreateSchema, shareCreateRequest, shareTypeChoice } from './share';
import { canRevert } from './snapshot';

const rule = (over: Partial<AccessRule>): AccessRule => ({ id: 'r1', access_type: 'ip', access_to: '10.0.0.0/24', access_level: 'ro', state: 'active', ...over });
const loc = (over: Partial<ExportLocation>): ExportLocation => ({ id: 'l1', path: '10.0.0.10:/path/to/fake/share/share_1', preferred: true, ...over });
const nfs = { id: 'id-1', name: 'data', share_proto: 'NFS' };

describe('status machines', () => {
  it('polls every transitional share status and stops on available or an error', () => {
    for (const s of ['creating', 'extending', 'shrinking', 'deleting', 'migrating', 'reverting', 'creating_from_snapshot']) expect(shareStatus({ status: s }).tone).toBe('busy');
    expect(shareStatus({ status: 'available' }).tone).toBe('ok');
    expect(shareStatus({ status: 'extending_error' }).tone).toBe('error');
    expect(shareStatus({ status: 'inactive' }).tone).toBe('unknown');
  });
  it("follows a rule's state queued_to_apply → applying → active", () => {
    expect(['queued_to_apply', 'applying', 'queued_to_deny', 'denying'].map((state) => ruleStatus({ state }).tone)).toEqual(['busy', 'busy', 'busy', 'busy']);
    expect(ruleStatus({ state: 'active' }).tone).toBe('ok');
    expect(ruleStatus({ state: 'error' }).tone).toBe('error');
    expect(snapshotStatus({ status: 'creating' }).tone).toBe('busy');
  });
});

describe('mount commands', () => {
  it('mounts NFS read-only for a ro rule, at a safe mount point', () => {
    expect(mountCommand(nfs, '10.0.0.10:/share_1', rule({}))).toBe('mount -t nfs -o ro 10.0.0.10:/share_1 /mnt/data');
    expect(mountCommand(nfs, '10.0.0.10:/share_1', rule({ access_level: 'rw' }))).toBe('mount -t nfs 10.0.0.10:/share_1 /mnt/data');
    expect(mountPoint({ id: 'x', name: '../my share' })).toBe('/mnt/__my_share');
  });
  it('turns a CIFS UNC path into slashes and passes the user', () => {
    expect(mountCommand({ ...nfs, share_proto: 'CIFS' }, '\\\\10.0.0.10\\share_1', rule({ access_type: 'user', access_to: 'alice', access_level: 'rw' }))).toBe('mount -t cifs //10.0.0.10/share_1 /mnt/data -o username=alice');
  });
  it('gives CephFS the cephx id, and nothing for HDFS', () => {
    expect(mountCommand({ ...nfs, share_proto: 'CEPHFS' }, 'mon:6789:/volumes/x', rule({ access_type: 'cephx', access_to: 'bob', access_level: 'ro' }))).toBe('mount -t ceph mon:6789:/volumes/x /mnt/data -o name=bob,ro');
    expect(mountCommand({ ...nfs, share_proto: 'HDFS' }, 'hdfs://x')).toBeUndefined();
  });
  it('lists the preferred location first, each with every granting rule, and leaves out admin-only paths and denied rules', () => {
    const lines = mountLines(
      nfs,
      [loc({ id: 'b', path: '10.0.0.20:/s', preferred: false }), loc({ id: 'a', path: '10.0.0.10:/s' }), loc({ id: 'c', path: '11.0.0.11:/s', is_admin_only: true })],
      [rule({ id: 'r1' }), rule({ id: 'r2', access_to: '10.1.0.0/16', access_level: 'rw' }), rule({ id: 'r3', state: 'queued_to_deny' })],
    );
    expect(lines.map((l) => `${l.location.id}/${l.rule?.id}`)).toEqual(['a/r1', 'a/r2', 'b/r1', 'b/r2']);
    expect(mountLines(nfs, [loc({})], []).map((l) => l.command)).toEqual(['mount -t nfs 10.0.0.10:/path/to/fake/share/share_1 /mnt/data']);
  });
});

describe('access rules', () => {
  it('checks what each access type takes before Manila does', () => {
    expect(isIpOrCidr('10.0.0.0/24')).toBe(true);
    expect(isIpOrCidr('fd00::/64')).toBe(true);
    expect(isIpOrCidr('10.0.0.1')).toBe(true);
    expect(isIpOrCidr('10.0.0.0/33')).toBe(false);
    expect(isIpOrCidr('10.0.0/24')).toBe(false);
    expect(accessToProblem('ip', '')).toBe('kinds.share.access.errors.toRequired');
    expect(accessToProblem('user', 'bob')).toBe('kinds.share.access.errors.user');
    expect(accessToProblem('user', 'alice')).toBeUndefined();
    // Zed refuses these characters ("Invalid user or group name… exclude special characters"), allows the rest.
    expect(accessToProblem('user', 'DOMAIN\\alice')).toBe('kinds.share.access.errors.user');
    expect(accessToProblem('user', 'alice.smith$')).toBeUndefined();
    expect(accessToProblem('cephx', 'client.bob')).toBe('kinds.share.access.errors.cephx');
    expect(accessToProblem('cert', 'x'.repeat(65))).toBe('kinds.share.access.errors.cert');
  });
  it('sends allow_access on the share action', () => {
    const i = { accessType: 'ip' as const, accessTo: '10.0.0.0/24', accessLevel: 'ro' as const, subnet: '10.0.0.0/24' };
    expect(allowAccessRequest('s1', i)).toEqual({ method: 'POST', path: 'shares/s1/action', body: { allow_access: { access_type: 'ip', access_to: '10.0.0.0/24', access_level: 'ro' } } });
    expect(allowAccessCli('s1', i)).toBe('openstack share access create --access-level ro s1 ip 10.0.0.0/24');
  });
});

describe('share create and resize', () => {
  const base = { name: 'data', description: '', protocol: 'NFS' as const, size: '2', shareType: '', shareNetwork: '', availabilityZone: '', isPublic: false };
  it('asks for a share network only for a type with driver_handles_share_servers', () => {
    const dhss = shareTypeChoice({ id: 't1', name: 'dhss', required_extra_specs: { driver_handles_share_servers: 'True' } });
    expect(dhss).toBe('dhss:t1');
    expect(shareTypeChoice({ id: 't2', name: 'plain', required_extra_specs: { driver_handles_share_servers: 'False' } })).toBe('t2');
    expect(ShareCreateSchema.safeParse({ ...base, shareType: dhss }).success).toBe(false);
    expect(shareCreateRequest({ ...base, shareType: dhss, shareNetwork: 'n1' }).body).toEqual({ share: { share_proto: 'NFS', size: 2, is_public: false, name: 'data', share_type: 't1', share_network_id: 'n1' } });
    // A network picked before switching to a type without share servers is not sent (Manila would refuse it).
    expect(shareCreateRequest({ ...base, shareType: 't2', shareNetwork: 'n1' }).body).toEqual({ share: { share_proto: 'NFS', size: 2, is_public: false, name: 'data', share_type: 't2' } });
    expect(shareCreateCli({ ...base, shareType: dhss, shareNetwork: 'n1', isPublic: true })).toBe('openstack share create --name data --share-type t1 --share-network n1 --public true NFS 2');
    expect(handlesShareServers({ extra_specs: { driver_handles_share_servers: 'true' } })).toBe(true);
  });
  it('refuses a size that is not a whole number of GiB', () => {
    expect(ShareCreateSchema.safeParse({ ...base, size: '0' }).success).toBe(false);
    expect(ShareCreateSchema.safeParse({ ...base, size: '1.5' }).success).toBe(false);
  });
  it('extends only upwards and shrinks only downwards', () => {
    expect(resizeProblem('extend', 2, '3')).toBeUndefined();
    expect(resizeProblem('extend', 2, '2')).toEqual({ key: 'kinds.share.errors.extendLarger', values: { size: 2 } });
    expect(resizeProblem('shrink', 2, '3')).toEqual({ key: 'kinds.share.errors.shrinkSmaller', values: { size: 2 } });
    expect(resizeProblem('shrink', 2, 'x')).toBe('kinds.share.errors.size');
  });
  it('offers revert only where the share allows it', () => {
    const snap = { id: 'sn', share_id: 's', status: 'available', size: 1 };
    expect(canRevert({ status: 'available', revert_to_snapshot_support: true }, snap)).toBe(true);
    expect(canRevert({ status: 'available', revert_to_snapshot_support: false }, snap)).toBe(false);
    expect(canRevert({ status: 'extending', revert_to_snapshot_support: true }, snap)).toBe(false);
  });
  it("explains real Manila's unfilled 403 on deleting a share with snapshots", () => {
    expect(explainFailure('Invalid share: %(reason)s.')?.summary).toBe('explain.manilaInvalidShare.summary');
  });
});

describe('Manila quotas on the overview', () => {
  it('reads the quota-set detail (real Manila 15 as the demo user) and the /limits fallback alike', () => {
    const detail = parseManilaDetail({
      quota_set: {
        id: 'p', shares: { limit: 50, in_use: 3, reserved: 0 }, gigabytes: { limit: 1000, in_use: 4, reserved: 0 }, snapshots: { limit: 50, in_use: 1, reserved: 0 },
        snapshot_gigabytes: { limit: 1000, in_use: 1, reserved: 0 }, share_networks: { limit: 10, in_use: 0, reserved: 0 }, share_groups: { limit: 50, in_use: 0, reserved: 0 },
      },
    });
    expect(detail.map((q) => [q.id, q.used, q.limit, q.unit])).toEqual([
      ['shares', 3, 50, 'count'], ['share_gigabytes', 4, 1000, 'GiB'], ['share_snapshots', 1, 50, 'count'], ['snapshot_gigabytes', 1, 1000, 'GiB'], ['share_networks', 0, 10, 'count'],
    ]);
    const limits = parseManilaLimits({
      limits: { rate: [], absolute: { maxTotalShares: 50, maxTotalShareSnapshots: 50, maxTotalShareGigabytes: 1000, maxTotalSnapshotGigabytes: 1000, maxTotalShareNetworks: 10, totalSharesUsed: 3, totalShareSnapshotsUsed: 1, totalShareGigabytesUsed: 4, totalSnapshotGigabytesUsed: 1, totalShareNetworksUsed: 0 } },
    });
    expect(limits.map((q) => [q.id, q.used, q.limit])).toEqual(detail.map((q) => [q.id, q.used, q.limit]));
  });
});

describe('the export locations column', () => {
  it("lists a share's paths a member mounts, the preferred first, from its own export_locations answer", () => {
    const body = { export_locations: [loc({ id: 'b', path: '10.0.0.20:/s', preferred: false }), loc({ id: 'c', path: '11.0.0.11:/s', is_admin_only: true }), loc({ id: 'a', path: '10.0.0.10:/s' })] };
    expect(exportPaths(body)).toEqual(['10.0.0.10:/s', '10.0.0.20:/s']);
    expect(exportPaths({ unexpected: true })).toEqual([]);
  });
});
