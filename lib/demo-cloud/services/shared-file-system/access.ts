// Access rules: validation as manila/api/common.py does it, the rule's state machine (queued_to_apply ->
// applying -> active, queued_to_deny -> denying -> gone), and the driver's verdict: the demo backend accepts
// the pairs a real backend of each protocol takes, and puts other rules in `error` as the dummy driver does.
import { isIPv6 } from 'node:net';
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { schedule } from '../../core/transitions';
import { bad, notFound } from './errors';
import { visibleShare } from './lookup';
import type { ManilaRouter, View } from './microversion';
import { stamp, type AccessRule, type ManilaState, type Share } from './model';
import { ruleView } from './render';
import { metadataOf, type Body } from './request';

/** Which access type each protocol's backend honours (NFS: ip, CIFS: user, CephFS: cephx, GlusterFS: cert, HDFS/MapR-FS: user). */
export const ACCESS_FOR_PROTOCOL: Record<string, string> = { NFS: 'ip', CIFS: 'user', CEPHFS: 'cephx', GLUSTERFS: 'cert', HDFS: 'user', MAPRFS: 'user' };
const TIMING = { queued: 0.5, apply: 1, deny: 1 };

/** Python's ipaddress.ip_network(strict=True) verdict, with its messages. */
function validateIp(to: string) {
  const [addr, prefix, extra] = to.split('/');
  if (extra === undefined && isIPv6(addr) && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= 128))) return;
  const octets = addr.split('.');
  const ok4 = octets.length === 4 && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
  const bits = prefix === undefined ? 32 : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
  if (!ok4 || extra !== undefined || !(bits >= 0 && bits <= 32)) throw bad(`'${to}' does not appear to be an IPv4 or IPv6 network`);
  const value = octets.reduce((n, o) => n * 256 + Number(o), 0);
  if (bits < 32 && value % 2 ** (32 - bits) !== 0) throw bad(`${to} has host bits set`);
}

export function validateAccess(type: string, to: string) {
  if (type === 'ip') return validateIp(to);
  if (type === 'user') {
    if (/^[\s|.]+$/.test(to)) throw bad('Invalid user or group name,cannot consist solely of periods or spaces.');
    if (!/^.[^"/\\[\]:;|=,+*?<>]{3,254}$/.test(to)) {
      throw bad('Invalid user or group name. Must be 4-255 characters and consist of alphanumeric characters and exclude special characters "/\\[]:;|=,+*?<>');
    }
    return;
  }
  if (type === 'cert') {
    if (!(to.trim().length > 0 && to.trim().length < 65)) throw bad('Invalid CN (common name). Must be 1-64 chars long.');
    return;
  }
  if (type === 'cephx') {
    if (!to) throw bad('Ceph IDs may not be empty.');
    if (!/^[\x20-\x7e\t\n\r\x0b\x0c]*$/.test(to)) throw bad('Ceph IDs must consist of ASCII printable characters.');
    if (to.includes('.')) throw bad('Ceph IDs may not contain periods.');
    return;
  }
  throw bad("Only 'ip', 'user', 'cert' or 'cephx' access types are supported.");
}

export function allowAccess(core: CloudCore, s: ManilaState, share: Share, b: Body): AccessRule {
  const type = String(b.access_type ?? '');
  const to = String(b.access_to ?? '');
  validateAccess(type, to);
  const level = b.access_level ?? 'rw';
  if (level !== 'rw' && level !== 'ro') throw bad(`Invalid access rule: Invalid share access level: ${String(level)}.`);
  const metadata = metadataOf(b.metadata);
  if (s.rules.some((r) => r.share_id === share.id && r.access_type === type && r.access_to === to)) throw bad(`Share access ${type}:${to} exists.`);
  if (share.status !== 'available') {
    throw bad('New access rules cannot be applied while the share or any of its replicas or migration copies lacks a valid host or is in an invalid state.');
  }
  const now = stamp(core.clock.now());
  const rule: AccessRule = {
    id: uuid(), share_id: share.id, access_type: type, access_to: to, access_level: level, access_key: null,
    state: 'queued_to_apply', metadata, created_at: now, updated_at: null,
  };
  const accepted = ACCESS_FOR_PROTOCOL[share.share_proto] === type;
  schedule(rule, core.clock, [[TIMING.queued, { state: 'applying' }], [TIMING.apply, { state: accepted ? 'active' : 'error' }]]);
  s.rules.push(rule);
  return rule;
}

export function denyAccess(core: CloudCore, s: ManilaState, share: Share, accessId: unknown) {
  const rule = s.rules.find((r) => r.id === accessId && r.share_id === share.id);
  if (!rule) throw notFound('Resource could not be found.');
  rule.state = 'queued_to_deny';
  schedule(rule, core.clock, [[TIMING.queued, { state: 'denying' }], [TIMING.deny, { gone: true }]]);
}

export const rulesOf = (s: ManilaState, shareId: string) => s.rules.filter((r) => r.share_id === shareId);

/** /share-access-rules (2.45+): the list needs `share_id`; `metadata` filters by the rule's metadata. */
export function accessRuleRoutes(r: ManilaRouter, s: ManilaState) {
  const since45 = (v: View) => {
    if (v.mv < 45) throw notFound();
  };
  r.get('/share-access-rules', (v) => {
    since45(v);
    const shareId = v.ctx.query.get('share_id');
    if (!shareId) throw bad("The field 'share_id' has to be specified.");
    const share = visibleShare(s, v, shareId, `Share ${shareId} could not be found.`);
    return json(200, { access_list: rulesOf(s, share.id).map((x) => ruleView(v, x)) });
  });
  const findRule = (v: View, own = false) => {
    since45(v);
    const rule = s.rules.find((x) => x.id === v.ctx.params.id);
    const share = rule && s.shares.find((x) => x.id === rule.share_id);
    const allowed = share && (v.isAdmin || share.project_id === v.projectId || (!own && share.is_public));
    if (!rule || !allowed) throw notFound(`Share access rule ${v.ctx.params.id} not found.`);
    return rule;
  };
  r.get('/share-access-rules/{id}', (v) => json(200, { access: ruleView(v, findRule(v), { withShare: true }) }));
  // `openstack share access set/unset --property`: merge into, or drop a key from, the rule's metadata.
  r.put('/share-access-rules/{id}/metadata', async (v) => {
    const rule = findRule(v, true);
    const body = (await v.ctx.json()) as { metadata?: unknown } | null;
    if (typeof body !== 'object' || body === null || body.metadata === undefined) throw bad('Malformed request body');
    rule.metadata = { ...rule.metadata, ...metadataOf(body.metadata) };
    v.ctx.markDirty();
    return json(200, { metadata: { ...rule.metadata } });
  });
  r.delete('/share-access-rules/{id}/metadata/{key}', (v) => {
    const rule = findRule(v, true);
    if (rule.metadata[v.ctx.params.key] === undefined) throw notFound('Share access rule metadata does not exist.');
    delete rule.metadata[v.ctx.params.key];
    v.ctx.markDirty();
    return { status: 200 };
  });
}
