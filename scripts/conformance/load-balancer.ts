// CLI conformance steps for Octavia (python3-octaviaclient): a load balancer on the private subnet with an
// HTTP listener, a ROUND_ROBIN pool of two members, an HTTP monitor, an L7 policy and rule, the status tree,
// set/unset on each, a 409 while the load balancer is PENDING_UPDATE, a TERMINATED_HTTPS listener from a
// Barbican certificate container, quotas, providers, amphorae, and a cascade delete.
// The real test cloud has no amphora heartbeats and no VIP port in Neutron: operating statuses are only checked
// to be Octavia values there, and the VIP port is checked on the demo cloud only.
import { TEST_CERT_PEM, TEST_KEY_PEM } from '../../lib/demo-cloud/services/load-balancer/test-certificate';
import { check, mustFail, oneLine, type Env, type Row, type Step } from './harness';

const P = `cli-lb-${process.pid}`;
const demo = (env: Env) => env.password('demo');
const admin = (env: Env) => env.password('admin');
const OPERATING = ['ONLINE', 'OFFLINE', 'DEGRADED', 'ERROR', 'DRAINING', 'NO_MONITOR'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ok(env: Env, args: string[], creds = demo(env)): Promise<string> {
  const r = await env.run(creds, args);
  check(r.code === 0, `openstack ${args.join(' ')}: exit ${r.code}: ${oneLine(r.stderr)}`);
  return r.stdout;
}

const show = (env: Env, args: string[]) => env.json<Row>(demo(env), [...args, '-f', 'json']);

/** Polls `args` (a show command) until provisioning_status is `want`, as `--wait` does but every half second. */
async function waitFor(env: Env, args: string[], want = 'ACTIVE'): Promise<Row> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const row = await show(env, args);
    if (row.provisioning_status === want) return row;
    check(!['ERROR'].includes(String(row.provisioning_status)), `${args.join(' ')}: ${String(row.provisioning_status)}`);
    check(Date.now() < deadline, `${args.join(' ')} never became ${want}: ${String(row.provisioning_status)}`);
    await sleep(500);
  }
}

const lbActive = (env: Env) => waitFor(env, ['loadbalancer', 'show', env.vars.lbId]);

/** A create answered PENDING_CREATE (the POST's own body), then the load balancer and the object ACTIVE. */
async function created(env: Env, row: Row, showArgs: string[]): Promise<Row> {
  check(row.provisioning_status === 'PENDING_CREATE', `provisioning_status ${String(row.provisioning_status)}`);
  check(OPERATING.includes(String(row.operating_status)), `operating_status ${String(row.operating_status)}`);
  await lbActive(env);
  return waitFor(env, showArgs);
}

/** A `set`/`unset` then the object ACTIVE again; returns it. */
async function change(env: Env, args: string[], showArgs: string[]): Promise<Row> {
  await ok(env, args);
  await lbActive(env);
  return waitFor(env, showArgs);
}

/**
 * Starts an admin failover (the load balancer goes PENDING_UPDATE) and sends `args`, which must then fail with
 * `expect`. The real test cloud's failover can be over within half a second: when the change arrived too late and
 * succeeded, it is undone (`undo` from its output) and the whole thing tried again.
 */
async function whilePending(env: Env, args: string[], expect: RegExp, undo: (stdout: string) => string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await ok(env, ['loadbalancer', 'failover', env.vars.lbId], admin(env));
    const r = await env.run(demo(env), args);
    await lbActive(env);
    if (r.code !== 0) {
      check(expect.test(r.stderr + r.stdout), `expected ${expect} in the error, got: ${oneLine(r.stderr)}`);
      return;
    }
    check(attempt < 8, `the load balancer was never PENDING_UPDATE when \`${args.slice(0, 3).join(' ')}\` arrived`);
    await ok(env, undo(r.stdout));
    await lbActive(env);
  }
}

export const loadBalancerSteps: Step[] = [
  {
    name: 'load-balancer: provider list shows the amphora provider',
    async run(env) {
      const rows = await env.json(demo(env), ['loadbalancer', 'provider', 'list', '-f', 'json']);
      check(rows.some((r) => r.name === 'amphora'), `providers ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'load-balancer: loadbalancer create on private-subnet answers PENDING_CREATE, then ACTIVE',
    async run(env) {
      env.vars.lbSubnet = (await ok(env, ['subnet', 'show', 'private-subnet', '-f', 'value', '-c', 'id'])).trim();
      const lb = await env.json<Row>(demo(env), ['loadbalancer', 'create', '--name', `${P}-lb`, '--vip-subnet-id', 'private-subnet', '--description', 'cli', '-f', 'json']);
      check(lb.provisioning_status === 'PENDING_CREATE', `provisioning_status ${String(lb.provisioning_status)}`);
      check(lb.provider === 'amphora' && lb.vip_subnet_id === env.vars.lbSubnet, `provider ${String(lb.provider)} subnet ${String(lb.vip_subnet_id)}`);
      check(/^\d+\.\d+\.\d+\.\d+$/.test(String(lb.vip_address)), `vip_address ${String(lb.vip_address)}`);
      check(lb.project_id === env.ids.demoProject, `project ${String(lb.project_id)}`);
      env.vars.lbId = String(lb.id);
      const active = await lbActive(env);
      check(OPERATING.includes(String(active.operating_status)), `operating_status ${String(active.operating_status)}`);
      if (env.target === 'demo') {
        // The demo cloud allocates a real VIP port (the real test cloud's noop network driver makes none).
        const port = await show(env, ['port', 'show', String(lb.vip_port_id)]);
        check(port.device_owner === 'Octavia' && port.name === `octavia-lb-${env.vars.lbId}`, `VIP port ${JSON.stringify(port).slice(0, 300)}`);
        check(JSON.stringify(port.fixed_ips).includes(String(lb.vip_address)), `VIP port addresses ${JSON.stringify(port.fixed_ips)}`);
      }
    },
  },
  {
    name: 'load-balancer: amphora list is for admins and shows the load balancer\'s amphora',
    async run(env) {
      const rows = await env.json(admin(env), ['loadbalancer', 'amphora', 'list', '--loadbalancer', env.vars.lbId, '-f', 'json']);
      check(rows.length === 1 && rows[0].status === 'ALLOCATED', `amphorae ${JSON.stringify(rows)}`);
      await mustFail(env, demo(env), ['loadbalancer', 'amphora', 'list', '-f', 'json'], /Policy does not allow|403/);
    },
  },
  {
    name: 'load-balancer: listener create HTTP:80',
    async run(env) {
      const l = await env.json<Row>(demo(env), ['loadbalancer', 'listener', 'create', '--name', `${P}-http`, '--protocol', 'HTTP', '--protocol-port', '80', env.vars.lbId, '-f', 'json']);
      check(l.protocol === 'HTTP' && l.protocol_port === 80 && l.connection_limit === -1, `listener ${JSON.stringify(l).slice(0, 300)}`);
      check(l.timeout_client_data === 50000 && l.timeout_member_connect === 5000, `timeouts ${String(l.timeout_client_data)}/${String(l.timeout_member_connect)}`);
      env.vars.listenerId = String(l.id);
      await created(env, l, ['loadbalancer', 'listener', 'show', env.vars.listenerId]);
      await mustFail(env, demo(env), ['loadbalancer', 'listener', 'create', '--protocol', 'TCP', '--protocol-port', '80', env.vars.lbId], /already using protocol HTTP and protocol_port 80/);
    },
  },
  {
    name: 'load-balancer: pool create ROUND_ROBIN as the listener\'s default pool',
    async run(env) {
      const p = await env.json<Row>(demo(env), ['loadbalancer', 'pool', 'create', '--name', `${P}-pool`, '--listener', env.vars.listenerId, '--protocol', 'HTTP', '--lb-algorithm', 'ROUND_ROBIN', '-f', 'json']);
      check(p.lb_algorithm === 'ROUND_ROBIN' && p.listeners === env.vars.listenerId, `pool ${JSON.stringify(p).slice(0, 300)}`);
      env.vars.poolId = String(p.id);
      await created(env, p, ['loadbalancer', 'pool', 'show', env.vars.poolId]);
      const l = await show(env, ['loadbalancer', 'listener', 'show', env.vars.listenerId]);
      check(l.default_pool_id === env.vars.poolId, `default_pool_id ${String(l.default_pool_id)}`);
    },
  },
  {
    name: 'load-balancer: two members',
    async run(env) {
      for (const [i, address] of ['10.0.0.51', '10.0.0.52'].entries()) {
        const m = await env.json<Row>(demo(env), [
          'loadbalancer', 'member', 'create', '--name', `${P}-m${i}`, '--address', address, '--protocol-port', '80', '--subnet-id', 'private-subnet', env.vars.poolId, '-f', 'json',
        ]);
        check(m.address === address && m.weight === 1 && m.backup === false && m.subnet_id === env.vars.lbSubnet, `member ${JSON.stringify(m).slice(0, 300)}`);
        check(m.operating_status === 'NO_MONITOR', `operating_status ${String(m.operating_status)} (no monitor yet)`);
        env.vars[`member${i}`] = String(m.id);
        await created(env, m, ['loadbalancer', 'member', 'show', env.vars.poolId, String(m.id)]);
      }
      const rows = await env.json(demo(env), ['loadbalancer', 'member', 'list', env.vars.poolId, '-f', 'json']);
      check(JSON.stringify(rows.map((r) => r.address).sort()) === '["10.0.0.51","10.0.0.52"]', `members ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'load-balancer: HTTP health monitor with Octavia\'s defaults',
    async run(env) {
      const hm = await env.json<Row>(demo(env), [
        'loadbalancer', 'healthmonitor', 'create', '--name', `${P}-hm`, '--type', 'HTTP', '--delay', '5', '--timeout', '3', '--max-retries', '3', '--url-path', '/health', env.vars.poolId, '-f', 'json',
      ]);
      check(hm.http_method === 'GET' && hm.expected_codes === '200' && hm.max_retries_down === 3 && hm.url_path === '/health', `monitor ${JSON.stringify(hm).slice(0, 300)}`);
      env.vars.hmId = String(hm.id);
      const active = await created(env, hm, ['loadbalancer', 'healthmonitor', 'show', env.vars.hmId]);
      check(active.operating_status === 'ONLINE', `monitor operating_status ${String(active.operating_status)}`);
      const pool = await show(env, ['loadbalancer', 'pool', 'show', env.vars.poolId]);
      check(pool.healthmonitor_id === env.vars.hmId, `healthmonitor_id ${String(pool.healthmonitor_id)}`);
      await mustFail(env, demo(env), ['loadbalancer', 'healthmonitor', 'create', '--type', 'TCP', '--delay', '5', '--timeout', '3', '--max-retries', '3', env.vars.poolId], /already has a health monitor/);
    },
  },
  {
    name: 'load-balancer: l7policy REDIRECT_TO_URL with a PATH rule',
    async run(env) {
      const p = await env.json<Row>(demo(env), [
        'loadbalancer', 'l7policy', 'create', '--name', `${P}-pol`, '--action', 'REDIRECT_TO_URL', '--redirect-url', 'http://example.com/', env.vars.listenerId, '-f', 'json',
      ]);
      check(p.position === 1 && p.redirect_http_code === 302 && p.action === 'REDIRECT_TO_URL', `policy ${JSON.stringify(p).slice(0, 300)}`);
      env.vars.policyId = String(p.id);
      await created(env, p, ['loadbalancer', 'l7policy', 'show', env.vars.policyId]);
      const r = await env.json<Row>(demo(env), ['loadbalancer', 'l7rule', 'create', '--type', 'PATH', '--compare-type', 'STARTS_WITH', '--value', '/old', env.vars.policyId, '-f', 'json']);
      check(r.type === 'PATH' && r.value === '/old' && r.invert === false, `rule ${JSON.stringify(r).slice(0, 300)}`);
      env.vars.ruleId = String(r.id);
      await created(env, r, ['loadbalancer', 'l7rule', 'show', env.vars.policyId, env.vars.ruleId]);
      const shown = await show(env, ['loadbalancer', 'l7policy', 'show', env.vars.policyId]);
      check(String(shown.rules).includes(env.vars.ruleId) && shown.operating_status === 'ONLINE', `policy ${JSON.stringify(shown).slice(0, 300)}`);
      await mustFail(env, demo(env), ['loadbalancer', 'l7rule', 'create', '--type', 'PATH', '--compare-type', 'EQUAL_TO', '--value', '/a b', env.vars.policyId], /Error parsing L7Rule: Invalid characters in comparison value/);
    },
  },
  {
    name: 'load-balancer: status show draws the tree with the monitor and both members',
    async run(env) {
      type Tree = { loadbalancer: Row & { listeners: Array<Row & { pools: Array<Row & { health_monitor: Row; members: Row[] }> }> } };
      const tree = JSON.parse(await ok(env, ['loadbalancer', 'status', 'show', env.vars.lbId])) as Tree;
      const lb = tree.loadbalancer;
      check(lb.id === env.vars.lbId && lb.provisioning_status === 'ACTIVE', `load balancer ${JSON.stringify(lb).slice(0, 200)}`);
      const pool = lb.listeners.find((l) => l.id === env.vars.listenerId)?.pools[0];
      check(pool?.id === env.vars.poolId && pool.health_monitor.id === env.vars.hmId, `pool ${JSON.stringify(pool).slice(0, 300)}`);
      check(pool.members.length === 2 && pool.members.every((m) => OPERATING.includes(String(m.operating_status))), `members ${JSON.stringify(pool.members)}`);
    },
  },
  {
    name: 'load-balancer: set and unset on the load balancer, listener, pool, member, monitor, policy and rule',
    async run(env) {
      const lbArgs = ['loadbalancer', 'show', env.vars.lbId];
      let lb = await change(env, ['loadbalancer', 'set', '--name', `${P}-lb2`, '--description', 'changed', env.vars.lbId], lbArgs);
      check(lb.name === `${P}-lb2` && lb.description === 'changed', `set ${String(lb.name)}/${String(lb.description)}`);
      lb = await change(env, ['loadbalancer', 'unset', '--description', env.vars.lbId], lbArgs);
      check(lb.description === '', `unset description ${String(lb.description)}`);
      const lArgs = ['loadbalancer', 'listener', 'show', env.vars.listenerId];
      let l = await change(env, ['loadbalancer', 'listener', 'set', '--connection-limit', '100', '--description', 'x', env.vars.listenerId], lArgs);
      check(l.connection_limit === 100 && l.description === 'x', `listener set ${String(l.connection_limit)}`);
      l = await change(env, ['loadbalancer', 'listener', 'unset', '--connection-limit', '--description', env.vars.listenerId], lArgs);
      check(l.connection_limit === -1 && l.description === '', `listener unset ${String(l.connection_limit)}`);
      const pArgs = ['loadbalancer', 'pool', 'show', env.vars.poolId];
      let p = await change(env, ['loadbalancer', 'pool', 'set', '--lb-algorithm', 'LEAST_CONNECTIONS', '--session-persistence', 'type=APP_COOKIE,cookie_name=sid', env.vars.poolId], pArgs);
      check(p.lb_algorithm === 'LEAST_CONNECTIONS' && String(p.session_persistence).includes('cookie_name=sid'), `pool set ${JSON.stringify(p.session_persistence)}`);
      p = await change(env, ['loadbalancer', 'pool', 'unset', '--session-persistence', env.vars.poolId], pArgs);
      check(p.session_persistence === null, `pool unset ${JSON.stringify(p.session_persistence)}`);
      const mArgs = ['loadbalancer', 'member', 'show', env.vars.poolId, env.vars.member0];
      let m = await change(env, ['loadbalancer', 'member', 'set', '--weight', '7', '--enable-backup', env.vars.poolId, env.vars.member0], mArgs);
      check(m.weight === 7 && m.backup === true, `member set ${String(m.weight)}/${String(m.backup)}`);
      m = await change(env, ['loadbalancer', 'member', 'unset', '--weight', '--backup', env.vars.poolId, env.vars.member0], mArgs);
      check(m.weight === 1 && m.backup === false, `member unset ${String(m.weight)}/${String(m.backup)}`);
      const hArgs = ['loadbalancer', 'healthmonitor', 'show', env.vars.hmId];
      let hm = await change(env, ['loadbalancer', 'healthmonitor', 'set', '--delay', '10', '--expected-codes', '200-204', env.vars.hmId], hArgs);
      check(hm.delay === 10 && hm.expected_codes === '200-204', `monitor set ${String(hm.delay)}/${String(hm.expected_codes)}`);
      hm = await change(env, ['loadbalancer', 'healthmonitor', 'unset', '--expected-codes', env.vars.hmId], hArgs);
      check(hm.expected_codes === '200', `monitor unset ${String(hm.expected_codes)}`);
      const polArgs = ['loadbalancer', 'l7policy', 'show', env.vars.policyId];
      let pol = await change(env, ['loadbalancer', 'l7policy', 'set', '--redirect-http-code', '301', '--description', 'moved', env.vars.policyId], polArgs);
      check(pol.redirect_http_code === 301 && pol.description === 'moved', `policy set ${String(pol.redirect_http_code)}`);
      pol = await change(env, ['loadbalancer', 'l7policy', 'unset', '--description', env.vars.policyId], polArgs);
      check(pol.description === '', `policy unset ${String(pol.description)}`);
      const rArgs = ['loadbalancer', 'l7rule', 'show', env.vars.policyId, env.vars.ruleId];
      let rule = await change(env, ['loadbalancer', 'l7rule', 'set', '--value', '/new', '--invert', env.vars.policyId, env.vars.ruleId], rArgs);
      check(rule.value === '/new' && rule.invert === true, `rule set ${String(rule.value)}/${String(rule.invert)}`);
      rule = await change(env, ['loadbalancer', 'l7rule', 'unset', '--invert', env.vars.policyId, env.vars.ruleId], rArgs);
      check(rule.invert === false, `rule unset ${String(rule.invert)}`);
    },
  },
  {
    name: 'load-balancer: changes while the load balancer is PENDING_UPDATE (an admin failover) get 409',
    async run(env) {
      await mustFail(env, demo(env), ['loadbalancer', 'failover', env.vars.lbId], /Policy does not allow|403/);
      const id = env.vars.lbId;
      await whilePending(env, ['loadbalancer', 'listener', 'create', '--protocol', 'TCP', '--protocol-port', '8080', id, '-f', 'value', '-c', 'id'],
        new RegExp(`Load Balancer ${id} is immutable and cannot be updated`), (out) => ['loadbalancer', 'listener', 'delete', out.trim()]);
      await whilePending(env, ['loadbalancer', 'set', '--name', `${P}-busy`, id], new RegExp(`Invalid state PENDING_UPDATE of loadbalancer resource ${id}`),
        () => ['loadbalancer', 'set', '--name', `${P}-lb2`, id]);
    },
  },
  {
    name: 'load-balancer: TERMINATED_HTTPS listener with a Barbican certificate container',
    async run(env) {
      const store = async (name: string, pem: string) =>
        (await ok(env, ['secret', 'store', '--name', `${P}-${name}`, '--payload-content-type', 'text/plain', '--payload', pem, '-f', 'value', '-c', 'Secret href'])).trim();
      env.vars.certHref = await store('cert', TEST_CERT_PEM);
      env.vars.keyHref = await store('key', TEST_KEY_PEM);
      const c = await env.json<Row>(demo(env), [
        'secret', 'container', 'create', '--name', `${P}-tls`, '--type', 'certificate', '--secret', `certificate=${env.vars.certHref}`, '--secret', `private_key=${env.vars.keyHref}`, '-f', 'json',
      ]);
      env.vars.containerHref = String(c['Container href']);
      const missing = env.vars.containerHref.replace(/[0-9a-f-]{36}$/, '11111111-2222-3333-4444-555555555555');
      const args = ['loadbalancer', 'listener', 'create', '--name', `${P}-tls`, '--protocol', 'TERMINATED_HTTPS', '--protocol-port', '443', env.vars.lbId];
      await mustFail(env, demo(env), [...args, '--default-tls-container-ref', missing], /Could not retrieve certificate/);
      const l = await env.json<Row>(demo(env), [...args, '--default-tls-container-ref', env.vars.containerHref, '-f', 'json']);
      check(l.default_tls_container_ref === env.vars.containerHref, `ref ${String(l.default_tls_container_ref)}`);
      check(JSON.stringify(l.tls_versions) === '["TLSv1.2","TLSv1.3"]' && String(l.tls_ciphers).startsWith('TLS_AES_256_GCM_SHA384:'), `tls ${JSON.stringify(l.tls_versions)}`);
      await created(env, l, ['loadbalancer', 'listener', 'show', String(l.id)]);
    },
  },
  {
    name: 'load-balancer: quota show for the project (-1 = unlimited); defaults need more than load-balancer_member',
    async run(env) {
      const q = await env.json<Row>(demo(env), ['loadbalancer', 'quota', 'show', env.ids.demoProject, '-f', 'json']);
      for (const k of ['load_balancer', 'listener', 'pool', 'health_monitor', 'member', 'l7policy', 'l7rule']) check(q[k] === -1, `${k} ${String(q[k])}`);
      await mustFail(env, demo(env), ['loadbalancer', 'quota', 'defaults', 'show', '-f', 'json'], /Policy does not allow|403/);
      const d = await env.json<Row>(admin(env), ['loadbalancer', 'quota', 'defaults', 'show', '-f', 'json']);
      check(d.load_balancer === -1, `defaults ${JSON.stringify(d)}`);
    },
  },
  {
    name: 'load-balancer: delete without --cascade is refused; with --cascade the tree is gone',
    async run(env) {
      await mustFail(env, demo(env), ['loadbalancer', 'delete', env.vars.lbId], /it has children/);
      await ok(env, ['loadbalancer', 'delete', '--cascade', env.vars.lbId]);
      const deadline = Date.now() + 90_000;
      for (;;) {
        const r = await env.run(demo(env), ['loadbalancer', 'show', env.vars.lbId, '-f', 'json']);
        if (r.code !== 0) {
          check(/Unable to locate|not found/i.test(r.stderr), `show after delete: ${oneLine(r.stderr)}`);
          break;
        }
        const status = (JSON.parse(r.stdout) as Row).provisioning_status;
        check(status === 'PENDING_DELETE' && Date.now() < deadline, `still ${String(status)}`);
        await sleep(500);
      }
      await mustFail(env, demo(env), ['loadbalancer', 'listener', 'show', env.vars.listenerId], /Unable to locate|not found/i);
      await mustFail(env, demo(env), ['loadbalancer', 'pool', 'show', env.vars.poolId], /Unable to locate|not found/i);
      await ok(env, ['secret', 'container', 'delete', env.vars.containerHref]);
      for (const href of [env.vars.certHref, env.vars.keyHref]) await ok(env, ['secret', 'delete', href]);
    },
  },
];
