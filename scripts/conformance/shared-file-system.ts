// CLI conformance steps for Manila (python3-manilaclient's `openstack share ...`). Both backends run every
// step: the real cloud's dummy driver takes NFS with ip rules and CIFS with user rules and refuses other
// pairs, which is what these steps use. Shares, snapshots and networks are passed by name.
import { check, mustFail, names, type Creds, type Env, type Row, type Step } from './harness';

const tag = `cli-${process.pid}`;
const share = `${tag}-nfs`;
const cifs = `${tag}-cifs`;
const snap = `${tag}-snap`;
const net = `${tag}-net`;
const secsvc = `${tag}-ldap`;
const type = `${tag}-type`;
const demo = (env: Env) => env.password('demo');
const admin = (env: Env) => env.password('admin');

/** Polls a `-f json` command until `want` holds (the dummy driver sleeps up to 4 s per call). */
async function waitFor<T>(env: Env, creds: Creds, args: string[], want: (x: T) => boolean, what: string, seconds = 90): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const x = await env.json<T>(creds, [...args, '-f', 'json']);
    if (want(x)) return x;
    check(Date.now() < deadline, `${what} never happened: ${JSON.stringify(x).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const showShare = (env: Env, name: string, want: (s: Row) => boolean, what: string) => waitFor<Row>(env, demo(env), ['share', 'show', name], want, what);
const rules = (env: Env, name: string, want: (rows: Row[]) => boolean, what: string) => waitFor<Row[]>(env, demo(env), ['share', 'access', 'list', name], want, what);

/** Deletes a share by name and waits until the CLI no longer finds it. */
async function deleteShare(env: Env, name: string) {
  const r = await env.run(demo(env), ['share', 'delete', name, '--wait']);
  check(r.code === 0, `share delete ${name}: ${r.stderr}`);
  const rows = await env.json(demo(env), ['share', 'list', '--name', name, '-f', 'json']);
  check(rows.length === 0, `${name} still listed: ${JSON.stringify(rows)}`);
}

export const sharedFileSystemSteps: Step[] = [
  {
    name: 'share: type list shows the default type without share servers, with snapshot and revert support',
    async run(env) {
      const rows = await env.json(demo(env), ['share', 'type', 'list', '-f', 'json']);
      const def = rows.find((r) => r['Is Default'] === true);
      check(def, `no default type in ${JSON.stringify(rows)}`);
      check((def['Required Extra Specs'] as Row).driver_handles_share_servers === 'False', `required ${JSON.stringify(def['Required Extra Specs'])}`);
      const optional = def['Optional Extra Specs'] as Row;
      check(optional.snapshot_support === 'True' && optional.revert_to_snapshot_support === 'True', `optional ${JSON.stringify(optional)}`);
    },
  },
  {
    name: 'share: availability zone list has nova',
    async run(env) {
      check(names(await env.json(demo(env), ['share', 'availability', 'zone', 'list', '-f', 'json'])).includes('nova'), 'no nova zone');
    },
  },
  {
    name: 'share: create NFS 1 GiB answers creating, then show by name reaches available',
    async run(env) {
      const s = await env.json<Row>(demo(env), [
        'share', 'create', 'NFS', '1', '--name', share, '--description', 'cli conformance', '--property', 'team=files', '--share-type', 'default', '--availability-zone', 'nova', '-f', 'json',
      ]);
      check(s.status === 'creating' && s.share_proto === 'NFS' && s.size === 1, `created ${String(s.status)} ${String(s.share_proto)} ${String(s.size)}`);
      check(s.project_id === env.ids.demoProject && s.share_type_name === 'default' && s.is_public === false, `project ${String(s.project_id)} type ${String(s.share_type_name)}`);
      const done = await showShare(env, share, (x) => x.status === 'available', 'available');
      check(done.availability_zone === 'nova' && done.access_rules_status === 'active' && done.progress === '100%', `zone ${String(done.availability_zone)} rules ${String(done.access_rules_status)}`);
      check(JSON.stringify(done.properties ?? done.metadata).includes('files'), `properties ${JSON.stringify(done.properties)}`);
    },
  },
  {
    name: 'share: list filters by name and shows the share available',
    async run(env) {
      const rows = await env.json(demo(env), ['share', 'list', '--name', share, '-f', 'json']);
      check(rows.length === 1 && rows[0].Status === 'available' && rows[0]['Share Proto'] === 'NFS', JSON.stringify(rows));
    },
  },
  {
    name: 'share: export location list gives the preferred path and a second one',
    async run(env) {
      const rows = await env.json(demo(env), ['share', 'export', 'location', 'list', share, '-f', 'json']);
      check(rows.length === 2, `${rows.length} export locations`);
      check(rows.every((r) => /^\d+\.\d+\.\d+\.\d+:\/path\/to\/fake\/share\/share_/.test(String(r.Path))), JSON.stringify(rows));
      check(rows.filter((r) => r.Preferred === true).length === 1, `preferred ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'share: set updates the description and adds a property',
    async run(env) {
      const r = await env.run(demo(env), ['share', 'set', share, '--description', 'changed', '--property', 'tier=gold']);
      check(r.code === 0, r.stderr);
      const s = await env.json<Row>(demo(env), ['share', 'show', share, '-f', 'json']);
      check(s.description === 'changed' && JSON.stringify(s.properties).includes('gold'), `description ${String(s.description)} ${JSON.stringify(s.properties)}`);
    },
  },
  {
    name: 'share: unset drops a property; a member may not make the share public',
    async run(env) {
      const r = await env.run(demo(env), ['share', 'unset', share, '--property', 'tier']);
      check(r.code === 0, r.stderr);
      const s = await env.json<Row>(demo(env), ['share', 'show', share, '-f', 'json']);
      check(!JSON.stringify(s.properties).includes('gold'), `properties ${JSON.stringify(s.properties)}`);
      await mustFail(env, demo(env), ['share', 'set', share, '--public', 'true'], /not authorized to set 'is_public'/);
    },
  },
  {
    name: 'share: admin lists every project\'s shares and sees the demo share',
    async run(env) {
      const rows = await env.json(admin(env), ['share', 'list', '--all-projects', '-f', 'json']);
      check(names(rows).includes(share), `${share} missing from ${JSON.stringify(names(rows))}`);
    },
  },
  {
    name: 'share: create with an unknown protocol fails',
    run: (env) => mustFail(env, demo(env), ['share', 'create', 'XFS', '1', '--name', `${tag}-bad`], /Invalid share protocol provided: XFS/),
  },
  {
    name: 'share: create beyond the gigabytes quota fails with 413',
    run: (env) => mustFail(env, demo(env), ['share', 'create', 'NFS', '5000', '--name', `${tag}-huge`], /ShareSizeExceedsAvailableQuota.*HTTP 413/),
  },
  {
    name: 'share: access create ip read-only for a subnet goes queued_to_apply, then active',
    async run(env) {
      const a = await env.json<Row>(demo(env), ['share', 'access', 'create', share, 'ip', '10.0.0.0/24', '--access-level', 'ro', '-f', 'json']);
      check(a.state === 'queued_to_apply' && a.access_level === 'ro' && a.access_type === 'ip', `rule ${String(a.state)} ${String(a.access_level)}`);
      env.vars.shareRule = String(a.id);
      const rows = await rules(env, share, (x) => x.length === 1 && x[0].State === 'active', 'rule active');
      check(rows[0]['Access To'] === '10.0.0.0/24', JSON.stringify(rows));
      const s = await env.json<Row>(demo(env), ['share', 'show', share, '-f', 'json']);
      check(s.access_rules_status === 'active', `access_rules_status ${String(s.access_rules_status)}`);
    },
  },
  {
    name: 'share: access set and unset a rule property, access show',
    async run(env) {
      let r = await env.run(demo(env), ['share', 'access', 'set', env.vars.shareRule, '--property', 'owner=team']);
      check(r.code === 0, r.stderr);
      let a = await env.json<Row>(demo(env), ['share', 'access', 'show', env.vars.shareRule, '-f', 'json']);
      check(String(a.properties).includes('owner') && a.state === 'active' && a.access_to === '10.0.0.0/24', `rule ${JSON.stringify(a)}`);
      r = await env.run(demo(env), ['share', 'access', 'unset', env.vars.shareRule, '--property', 'owner']);
      check(r.code === 0, r.stderr);
      a = await env.json<Row>(demo(env), ['share', 'access', 'show', env.vars.shareRule, '-f', 'json']);
      check(!String(a.properties).includes('owner'), `properties ${String(a.properties)}`);
    },
  },
  {
    name: 'share: access create with an invalid address or a duplicate fails',
    async run(env) {
      await mustFail(env, demo(env), ['share', 'access', 'create', share, 'ip', '10.0.0.300'], /does not appear to be an IPv4 or IPv6 network/);
      await mustFail(env, demo(env), ['share', 'access', 'create', share, 'ip', '10.0.0.0/24'], /Share access ip:10\.0\.0\.0\/24 exists/);
    },
  },
  {
    name: 'share: snapshot create by share name reaches available',
    async run(env) {
      const s = await env.json<Row>(demo(env), ['share', 'snapshot', 'create', share, '--name', snap, '-f', 'json']);
      check(s.status === 'creating' && s.size === 1, `snapshot ${String(s.status)} ${String(s.size)}`);
      await waitFor<Row>(env, demo(env), ['share', 'snapshot', 'show', snap], (x) => x.status === 'available', 'snapshot available');
      const rows = await env.json(demo(env), ['share', 'snapshot', 'list', '--name', snap, '-f', 'json']);
      check(rows.length === 1 && rows[0].Name === snap, JSON.stringify(rows));
    },
  },
  {
    name: 'share: create from the snapshot reaches available, then is deleted',
    async run(env) {
      const snapId = String((await env.json<Row>(demo(env), ['share', 'snapshot', 'show', snap, '-f', 'json'])).id);
      const r = await env.run(demo(env), ['share', 'create', 'NFS', '1', '--name', `${tag}-copy`, '--snapshot-id', snapId, '--wait']);
      check(r.code === 0, r.stderr);
      const s = await showShare(env, `${tag}-copy`, (x) => x.status === 'available', 'copy available');
      check(s.snapshot_id === snapId && s.size === 1, `snapshot_id ${String(s.snapshot_id)}`);
      await deleteShare(env, `${tag}-copy`);
    },
  },
  {
    name: 'share: delete while a snapshot exists fails with 403',
    run: (env) => mustFail(env, demo(env), ['share', 'delete', share], /Invalid share.*HTTP 403/),
  },
  {
    name: 'share: resize to 2 extends, beyond the quota is refused (403), to 1 shrinks',
    async run(env) {
      let r = await env.run(demo(env), ['share', 'resize', share, '2', '--wait']);
      check(r.code === 0, `extend: ${r.stderr}`);
      check((await showShare(env, share, (x) => x.status === 'available', 'extended')).size === 2, 'size after extend');
      await mustFail(env, demo(env), ['share', 'resize', share, '5000'], /exceeds allowed project\/user or share type gigabytes quota.*HTTP 403/);
      r = await env.run(demo(env), ['share', 'resize', share, '1', '--wait']);
      check(r.code === 0, `shrink: ${r.stderr}`);
      check((await showShare(env, share, (x) => x.status === 'available', 'shrunk')).size === 1, 'size after shrink');
    },
  },
  {
    name: 'share: revert to the latest snapshot returns to available',
    async run(env) {
      const r = await env.run(demo(env), ['share', 'revert', snap, '--wait']);
      check(r.code === 0, `revert: ${r.stderr}`);
      const s = await showShare(env, share, (x) => x.status === 'available', 'reverted');
      check(s.size === 1, `size ${String(s.size)}`);
    },
  },
  {
    name: 'share: access delete removes the rule',
    async run(env) {
      const r = await env.run(demo(env), ['share', 'access', 'delete', share, env.vars.shareRule, '--wait']);
      check(r.code === 0, r.stderr);
      await rules(env, share, (x) => x.length === 0, 'rule gone');
    },
  },
  {
    name: 'share: a cephx rule on an NFS share ends in error, and so does the share access_rules_status',
    async run(env) {
      const a = await env.json<Row>(demo(env), ['share', 'access', 'create', share, 'cephx', 'alice', '-f', 'json']);
      check(a.state === 'queued_to_apply', `state ${String(a.state)}`);
      await rules(env, share, (x) => x.length === 1 && x[0].State === 'error', 'rule error');
      const s = await env.json<Row>(demo(env), ['share', 'show', share, '-f', 'json']);
      check(s.access_rules_status === 'error', `access_rules_status ${String(s.access_rules_status)}`);
    },
  },
  {
    name: 'share: snapshot delete, then share delete by name',
    async run(env) {
      const r = await env.run(demo(env), ['share', 'snapshot', 'delete', snap, '--wait']);
      check(r.code === 0, r.stderr);
      await deleteShare(env, share);
    },
  },
  {
    name: 'share: CIFS share with a user rule reaches active, then is deleted',
    async run(env) {
      const r = await env.run(demo(env), ['share', 'create', 'CIFS', '1', '--name', cifs, '--wait']);
      check(r.code === 0, r.stderr);
      await env.json<Row>(demo(env), ['share', 'access', 'create', cifs, 'user', 'alice', '-f', 'json']);
      await rules(env, cifs, (x) => x.length === 1 && x[0].State === 'active', 'user rule active');
      await deleteShare(env, cifs);
    },
  },
  {
    name: 'share: network create, security service create and link, delete refused while linked, then both deleted',
    async run(env) {
      const n = await env.json<Row>(demo(env), ['share', 'network', 'create', '--name', net, '--description', 'cli', '-f', 'json']);
      check(n.name === net && n.status === 'active', `network ${JSON.stringify(n).slice(0, 200)}`);
      const ss = await env.json<Row>(demo(env), ['share', 'security', 'service', 'create', 'ldap', '--name', secsvc, '--server', 'ldap.example.com', '--dns-ip', '10.0.0.2', '-f', 'json']);
      check(ss.type === 'ldap' && ss.status === 'new', `security service ${String(ss.type)} ${String(ss.status)}`);
      let r = await env.run(demo(env), ['share', 'network', 'set', net, '--new-security-service', secsvc]);
      check(r.code === 0, r.stderr);
      const shown = await env.json<Row>(demo(env), ['share', 'network', 'show', net, '-f', 'json']);
      check(JSON.stringify(shown.security_services).includes(secsvc), `security_services ${JSON.stringify(shown.security_services)}`);
      check(names(await env.json(demo(env), ['share', 'network', 'list', '-f', 'json'])).includes(net), 'network not listed');
      await mustFail(env, demo(env), ['share', 'security', 'service', 'delete', secsvc], /assigned to share network/);
      r = await env.run(demo(env), ['share', 'network', 'delete', net]);
      check(r.code === 0, r.stderr);
      r = await env.run(demo(env), ['share', 'security', 'service', 'delete', secsvc]);
      check(r.code === 0, r.stderr);
      check(!names(await env.json(demo(env), ['share', 'security', 'service', 'list', '-f', 'json'])).includes(secsvc), 'security service still listed');
    },
  },
  {
    name: 'share: admin type create (private, DHSS false) and delete; a member may not create one',
    async run(env) {
      const t = await env.json<Row>(admin(env), ['share', 'type', 'create', type, 'false', '--snapshot-support', 'true', '--public', 'false', '-f', 'json']);
      check(t.name === type && t.visibility === 'private', `type ${JSON.stringify(t).slice(0, 300)}`);
      check(names(await env.json(admin(env), ['share', 'type', 'list', '--all', '-f', 'json'])).includes(type), 'type not listed for admin');
      await mustFail(env, demo(env), ['share', 'type', 'create', `${type}-member`, 'false'], /HTTP 403/);
      const r = await env.run(admin(env), ['share', 'type', 'delete', type]);
      check(r.code === 0, r.stderr);
    },
  },
  {
    name: 'share: quota show and defaults, absolute limits',
    async run(env) {
      const q = await env.json<Row>(demo(env), ['share', 'quota', 'show', env.ids.demoProject, '-f', 'json']);
      check(q.shares === 50 && q.gigabytes === 1000 && q.snapshots === 50, `quota ${JSON.stringify(q)}`);
      const d = await env.json<Row>(demo(env), ['share', 'quota', 'show', env.ids.demoProject, '--defaults', '-f', 'json']);
      check(d.share_networks === 10, `defaults ${JSON.stringify(d)}`);
      const limits = await env.json(demo(env), ['share', 'limits', 'show', '--absolute', '-f', 'json']);
      const max = limits.find((l) => l.Name === 'maxTotalShares');
      check(max?.Value === 50, `limits ${JSON.stringify(limits).slice(0, 300)}`);
    },
  },
  {
    name: 'share: quota update is refused to a member',
    run: (env) => mustFail(env, demo(env), ['share', 'quota', 'set', env.ids.demoProject, '--shares', '1'], /HTTP 403/),
  },
  {
    name: 'share: a share given a share network on a type without share servers goes error, with a user message',
    async run(env) {
      const n = await env.json<Row>(demo(env), ['share', 'network', 'create', '--name', `${net}-2`, '-f', 'json']);
      const s = await env.json<Row>(demo(env), ['share', 'create', 'NFS', '1', '--name', `${tag}-refused`, '--share-network', `${net}-2`, '-f', 'json']);
      check(s.status === 'creating' && s.share_network_id === n.id, `created ${String(s.status)} ${String(s.share_network_id)}`);
      await showShare(env, `${tag}-refused`, (x) => x.status === 'error', 'error');
      const msgs = await env.json(demo(env), ['share', 'message', 'list', '--resource-id', String(s.id), '-f', 'json']);
      check(msgs.length === 1 && /Driver does not expect share-network/.test(String(msgs[0]['User Message'])), `messages ${JSON.stringify(msgs)}`);
      check(msgs[0]['Action ID'] === '002' && msgs[0]['Detail ID'] === '003' && msgs[0]['Resource Type'] === 'SHARE', `message ${JSON.stringify(msgs[0])}`);
      const r = await env.run(demo(env), ['share', 'message', 'delete', String(msgs[0].ID)]);
      check(r.code === 0, r.stderr);
      check((await env.json(demo(env), ['share', 'message', 'list', '--resource-id', String(s.id), '-f', 'json'])).length === 0, 'message still listed');
      await deleteShare(env, `${tag}-refused`);
      const d = await env.run(demo(env), ['share', 'network', 'delete', `${net}-2`]);
      check(d.code === 0, d.stderr);
    },
  },
];
