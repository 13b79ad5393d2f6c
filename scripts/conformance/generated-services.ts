// The dashboard's CLI hints for the other services (network, DNS, secrets, cluster templates, bare metal), run as a
// user would paste them: the lines come from the builders the forms and actions call (lib/resources/**), with awkward
// names (spaces, quotes) where the service allows them. Each step checks the command succeeded AND did what the
// dashboard said, and removes what it made even when a check fails.
import { nodeCreateCli, nodeCreateRequest, nodeDefinition, type NodeCreate } from '../../lib/resources/baremetal/node';
import { sh } from '../../lib/resources/cli';
import { clusterTemplateCreateCli, clusterTemplateDefinition, type ClusterTemplateCreate } from '../../lib/resources/container-infra/cluster-template';
import { buildRecordset, emptyEntry, recordsetCreateCli, recordsetDefinition, type RecordsetFormValues } from '../../lib/resources/dns/recordset';
import { zoneDefinition } from '../../lib/resources/dns/zone';
import { secretDefinition, secretPayloadCli, secretStoreCli, type SecretCreateInput } from '../../lib/resources/key-manager/secret';
import { networkCreateCli, networkDefinition } from '../../lib/resources/network/network';
import { emptySubnetValues, subnetCreateCli, subnetDefinition, type SubnetValues } from '../../lib/resources/network/subnet';
import type { AnyDefinition } from '../../lib/resources/types';
import { actionCli, demo, gone, shellOk, until } from './generated';
import { check, oneLine, type Creds, type Env, type Row, type Step } from './harness';

const pid = process.pid;
const admin = (env: Env) => env.password('admin');
const parse = (out: string) => JSON.parse(out.slice(out.indexOf('{'))) as Row;
const show = (def: unknown, row: unknown) => (def as AnyDefinition).cli.show(row);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Best-effort removal (the step already failed, or the resource is gone): never throws. */
async function cleanup(env: Env, creds: Creds, args: string[]): Promise<void> {
  await env.run(creds, args).catch(() => undefined);
}

const netName = `gen net 'quoted' ${pid}`;
const netDescription = "it's the generated network";

const zoneName = `gen-${pid}.example.com.`;
const secretName = `gen secret 'quoted' ${pid}`;
const fileSecretName = `gen file secret ${pid}`;
const templateName = `gen template 'quoted' ${pid}`;
const nodeName = `gen-bm-${pid}`;

export const generatedServiceSteps: Step[] = [
  {
    name: 'generated: network create form commands (network, subnets), show and delete',
    async run(env) {
      const ids: { net?: string; subnets: string[] } = { subnets: [] };
      try {
        // What the form shows with admin state off and the first subnet filled in (DNS, a pool), plus an IPv6 one
        // from the network page's subnet form (SLAAC modes).
        const net = parse(await shellOk(env, networkCreateCli({ name: netName, description: netDescription, adminStateUp: false }), true));
        ids.net = String(net.id);
        check(net.name === netName && net.description === netDescription, `created ${JSON.stringify([net.name, net.description])}`);
        check(net.admin_state_up === false || net.admin_state_up === 'DOWN', `admin_state_up ${JSON.stringify(net.admin_state_up)}: the form said --disable`);
        const third = 1 + (pid % 250);
        const v4: SubnetValues = { ...emptySubnetValues(`10.213.${third}.0/24`), name: `${netName}-subnet`, dns: '192.0.2.53', pools: `10.213.${third}.10-10.213.${third}.99` };
        const v6: SubnetValues = { ...emptySubnetValues(`fd00:213:${third.toString(16)}::/64`), ipVersion: '6', name: `${netName} v6`, ipv6AddressMode: 'slaac', ipv6RaMode: 'slaac' };
        for (const v of [v4, v6]) {
          // The form names the network by its name (it has no id yet): the CLI resolves the quoted name.
          const s = parse(await shellOk(env, subnetCreateCli(netName, v), true));
          ids.subnets.push(String(s.id));
          check(s.name === v.name && s.cidr === v.cidr && s.network_id === ids.net, `subnet ${JSON.stringify([s.name, s.cidr, s.network_id])}, the form said ${JSON.stringify([v.name, v.cidr, ids.net])}`);
          check(s.ip_version === Number(v.ipVersion), `ip_version ${String(s.ip_version)}`);
          if (v === v4) {
            check(JSON.stringify(s.dns_nameservers).includes('192.0.2.53'), `dns_nameservers ${JSON.stringify(s.dns_nameservers)}`);
            check(JSON.stringify(s.allocation_pools).includes(`10.213.${third}.10`) && JSON.stringify(s.allocation_pools).includes(`10.213.${third}.99`), `allocation_pools ${JSON.stringify(s.allocation_pools)}`);
          } else {
            check(s.ipv6_address_mode === 'slaac' && s.ipv6_ra_mode === 'slaac', `ipv6 modes ${String(s.ipv6_address_mode)}/${String(s.ipv6_ra_mode)}`);
          }
          const shown = parse(await shellOk(env, show(subnetDefinition, { id: s.id, name: s.name }), true));
          check(shown.id === s.id && shown.cidr === v.cidr, `subnet show printed ${JSON.stringify([shown.id, shown.cidr])}`);
        }
        const shown = parse(await shellOk(env, show(networkDefinition, { id: ids.net, name: netName }), true));
        check(shown.name === netName && JSON.stringify(shown.subnets).includes(ids.subnets[0]), `network show printed ${JSON.stringify([shown.name, shown.subnets])}`);
        for (const id of ids.subnets) {
          await shellOk(env, actionCli(subnetDefinition, 'delete', { id, name: '' }));
          await gone(env, ['subnet', 'show', id], 'subnet');
        }
        ids.subnets = [];
        await shellOk(env, actionCli(networkDefinition, 'delete', { id: ids.net, name: netName }));
        await gone(env, ['network', 'show', ids.net], 'network');
        ids.net = undefined;
      } finally {
        for (const id of ids.subnets) await cleanup(env, demo(env), ['subnet', 'delete', id]);
        if (ids.net) await cleanup(env, demo(env), ['network', 'delete', ids.net]);
      }
    },
  },
  {
    name: 'generated: DNS zone and recordset form commands, show and delete',
    async run(env) {
      let zoneId: string | undefined;
      try {
        const description = "gen zone, it's quoted";
        const z = parse(await shellOk(env, zoneDefinition.create!.cli({ name: zoneName, email: 'hostmaster@example.com', ttl: '3600', description }), true));
        zoneId = String(z.id);
        check(z.name === zoneName && z.email === 'hostmaster@example.com' && z.ttl === 3600 && z.description === description, `zone ${JSON.stringify([z.name, z.email, z.ttl, z.description])}`);
        await until(env, ['zone', 'show', zoneId], (x) => x.status === 'ACTIVE', 'zone', 90_000);
        // The recordset form: a TXT value typed bare (the form quotes it), an MX with its parts, relative names.
        const forms: Array<{ v: RecordsetFormValues; want: string[] }> = [
          {
            v: { type: 'TXT', name: 'gen-txt', ttl: '300', description: "it's a generated record", entries: [{ ...emptyEntry(), value: 'it\'s "generated" text' }] },
            want: ['"it\'s \\"generated\\" text"'],
          },
          {
            v: { type: 'MX', name: '@', ttl: '', description: '', entries: [{ ...emptyEntry(), priority: '10', target: `mail.${zoneName}` }, { ...emptyEntry(), priority: '20', target: `mx2.${zoneName}` }] },
            want: [`10 mail.${zoneName}`, `20 mx2.${zoneName}`],
          },
        ];
        for (const { v, want } of forms) {
          const built = buildRecordset(v, zoneName);
          if (!('input' in built)) throw new Error(`the form refuses ${JSON.stringify(v)}: ${JSON.stringify(built.errors)}`);
          const rs = parse(await shellOk(env, recordsetCreateCli(zoneName, built.input, v.name), true));
          check(rs.name === built.input.name && rs.type === v.type, `recordset ${JSON.stringify([rs.name, rs.type])}, the form said ${JSON.stringify([built.input.name, v.type])}`);
          // designateclient prints the records one a line.
          const records = Array.isArray(rs.records) ? rs.records.map(String) : String(rs.records).split('\n');
          check(same([...records].sort(), [...want].sort()), `records ${JSON.stringify(rs.records)}, the form said ${JSON.stringify(want)}`);
          check(built.input.ttl === null ? rs.ttl == null : rs.ttl === built.input.ttl, `ttl ${String(rs.ttl)}`);
          check((rs.description ?? '') === v.description, `description ${JSON.stringify(rs.description)}`);
          const row = { id: String(rs.id), zone_id: zoneId, zone_name: zoneName, name: String(rs.name), type: v.type, records: want, status: 'ACTIVE' };
          const def = recordsetDefinition(zoneId);
          await until(env, ['recordset', 'show', zoneId, row.id], (x) => x.status === 'ACTIVE', 'recordset', 90_000);
          const shown = parse(await shellOk(env, show(def, row), true));
          check(shown.id === row.id && shown.name === row.name, `recordset show printed ${JSON.stringify([shown.id, shown.name])}`);
          await shellOk(env, actionCli(def as AnyDefinition, 'delete', row));
          await gone(env, ['recordset', 'show', zoneId, row.id], 'recordset', 90_000);
        }
        const zrow = { id: zoneId, name: zoneName, status: 'ACTIVE', action: 'NONE' };
        const zshown = parse(await shellOk(env, show(zoneDefinition, zrow), true));
        check(zshown.id === zoneId, `zone show printed ${JSON.stringify(zshown.id)}`);
        await shellOk(env, actionCli(zoneDefinition, 'delete', zrow));
        await gone(env, ['zone', 'show', zoneId], 'zone', 120_000);
        zoneId = undefined;
      } finally {
        if (zoneId) await cleanup(env, demo(env), ['zone', 'delete', zoneId]);
      }
    },
  },
  {
    name: 'generated: secret store form commands (typed payload, file), get and delete',
    async run(env) {
      const refs: string[] = [];
      try {
        // Typed text: the hint's "$PAYLOAD" stands in for it; a `$` inside must not expand twice.
        const payload = 'it\'s the "generated" payload, $HOME stays literal';
        const expiration = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);
        const typed: SecretCreateInput = {
          name: secretName, payload, encoding: 'none', fileName: '', payload_content_type: 'text/plain', secret_type: 'passphrase',
          algorithm: '', bit_length: '', mode: '', expiration, now: Date.now(),
        };
        const s = parse(await shellOk(env, `PAYLOAD=${sh(payload)}; ${secretStoreCli(typed)}`, true));
        const ref = String(s['Secret href']);
        refs.push(ref);
        check(s.Name === secretName, `stored ${JSON.stringify(s.Name)}, the form said ${JSON.stringify(secretName)}`);
        const shown = parse(await shellOk(env, show(secretDefinition, { secret_ref: ref }), true));
        check(shown.Name === secretName && shown['Secret type'] === 'passphrase', `secret get printed ${JSON.stringify([shown.Name, shown['Secret type']])}`);
        check(String(shown.Expiration ?? '').startsWith(expiration), `expiration ${JSON.stringify(shown.Expiration)}, the form said ${expiration}`);
        const got = parse(await shellOk(env, secretPayloadCli({ secret_ref: ref, content_types: { default: 'text/plain' } }), true));
        check(got.Payload === payload, `payload ${JSON.stringify(got.Payload)}, stored ${JSON.stringify(payload)}`);

        // A file (binary bytes, an awkward file name): the form sends it base64-encoded as application/octet-stream.
        const fileName = "gen payload 'file'.bin";
        const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 0x0a, 0x27, 0x22, 0x41]);
        const octal = [...bytes].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
        const w = await env.shell(demo(env), `printf '${octal}' > ${sh(fileName)}`);
        check(w.code === 0, `cannot write the file: ${oneLine(w.stderr)}`);
        const fromFile: SecretCreateInput = { ...typed, name: fileSecretName, payload: bytes.toString('base64'), encoding: 'base64', fileName, payload_content_type: 'application/octet-stream', secret_type: 'opaque', expiration: '' };
        const f = parse(await shellOk(env, secretStoreCli(fromFile), true));
        const fref = String(f['Secret href']);
        refs.push(fref);
        check(f.Name === fileSecretName, `stored ${JSON.stringify(f.Name)}`);
        const fshown = parse(await shellOk(env, show(secretDefinition, { secret_ref: fref }), true));
        check(JSON.stringify(fshown['Content types']).includes('application/octet-stream'), `content types ${JSON.stringify(fshown['Content types'])}`);
        // The detail page's payload hint names the content type (a table of Python bytes for binary); the bytes via --file.
        await shellOk(env, secretPayloadCli({ secret_ref: fref, content_types: { default: 'application/octet-stream' } }));
        const back = await env.shell(demo(env), `openstack secret get --file gen-back.bin --payload_content_type application/octet-stream ${sh(fref)} && od -An -tx1 gen-back.bin`);
        check(back.code === 0, `secret get --file: exit ${back.code}: ${oneLine(back.stderr)}`);
        const hex = back.stdout.split(/\s+/).filter(Boolean).join('');
        check(hex === bytes.toString('hex'), `the stored bytes are ${hex}, the file held ${bytes.toString('hex')}`);

        for (const r of [...refs]) {
          await shellOk(env, actionCli(secretDefinition, 'delete', { secret_ref: r }));
          await gone(env, ['secret', 'get', r], 'secret');
          refs.splice(refs.indexOf(r), 1);
        }
      } finally {
        for (const r of refs) await cleanup(env, demo(env), ['secret', 'delete', r]);
      }
    },
  },
  {
    name: 'generated: cluster template create form command, show and delete',
    async run(env) {
      let uuid: string | undefined;
      try {
        const image = env.target === 'demo' ? 'ubuntu-22.04' : 'fedora-coreos';
        // The form's pickers hold ids; the hint names the image and the external network.
        const img = await env.json<Row>(demo(env), ['image', 'show', image, '-f', 'json']);
        const pub = await env.json<Row>(demo(env), ['network', 'show', 'public', '-f', 'json']);
        const flavor = await env.json<Row>(demo(env), ['flavor', 'show', 'm1.small', '-f', 'json']);
        const input: ClusterTemplateCreate = {
          name: templateName, coe: 'kubernetes', imageId: String(img.id), keypairId: '', externalNetworkId: String(pub.id),
          masterFlavorId: String(flavor.id), flavorId: String(flavor.id), dockerVolumeSize: '5', networkDriver: 'flannel',
          labels: "purpose=gen test\nowner=o'brien", public: false, hidden: false,
        };
        // magnumclient prints "Request to create cluster template X accepted" before the JSON.
        const t = parse(await shellOk(env, clusterTemplateCreateCli(input, { image, network: 'public' }), true));
        uuid = String(t.uuid);
        check(t.name === templateName && t.coe === 'kubernetes', `template ${JSON.stringify([t.name, t.coe])}, the form said ${JSON.stringify(templateName)}`);
        check(t.image_id === image || t.image_id === img.id, `image_id ${String(t.image_id)}`);
        check(t.external_network_id === 'public' || t.external_network_id === pub.id, `external_network_id ${String(t.external_network_id)}`);
        check(t.flavor_id === flavor.id && t.master_flavor_id === flavor.id, `flavors ${String(t.flavor_id)}/${String(t.master_flavor_id)}`);
        check(Number(t.docker_volume_size) === 5 && t.network_driver === 'flannel', `docker_volume_size ${String(t.docker_volume_size)} network_driver ${String(t.network_driver)}`);
        const labels = (typeof t.labels === 'string' ? JSON.parse(t.labels.replace(/'/g, '"')) : t.labels) as Record<string, string>;
        check(labels.purpose === 'gen test' && labels.owner === "o'brien", `labels ${JSON.stringify(t.labels)}`);
        const row = { uuid, name: templateName, coe: 'kubernetes' };
        const shown = parse(await shellOk(env, show(clusterTemplateDefinition, row), true));
        check(shown.uuid === uuid, `template show printed ${JSON.stringify(shown.uuid)}`);
        await shellOk(env, actionCli(clusterTemplateDefinition as AnyDefinition, 'delete', row));
        await gone(env, ['coe', 'cluster', 'template', 'show', uuid], 'cluster template');
        uuid = undefined;
      } finally {
        if (uuid) await cleanup(env, demo(env), ['coe', 'cluster', 'template', 'delete', uuid]);
      }
    },
  },
  {
    name: 'generated: bare metal node enroll form command (admin), show and delete',
    async run(env) {
      let uuid: string | undefined;
      try {
        const input: NodeCreate = {
          name: nodeName, driver: 'fake-hardware', driverInfo: [{ key: 'gen_note', value: "it's quoted, with spaces" }, { key: '', value: '' }],
          cpus: '2', memory_mb: '1024', local_gb: '10', cpu_arch: 'x86_64', resource_class: 'baremetal-gen',
        };
        const n = parse(await shellOk(env, nodeCreateCli(input), true, admin(env)));
        uuid = String(n.uuid);
        const want = nodeCreateRequest(input).body as { driver_info?: Row; properties?: Row };
        check(n.name === nodeName && n.driver === 'fake-hardware' && n.provision_state === 'enroll', `node ${JSON.stringify([n.name, n.driver, n.provision_state])}`);
        check(same((n.driver_info as Row | undefined)?.gen_note, want.driver_info?.gen_note), `driver_info ${JSON.stringify(n.driver_info)}, the form said ${JSON.stringify(want.driver_info)}`);
        for (const [k, v] of Object.entries(want.properties ?? {})) check(same((n.properties as Row)[k], v), `properties.${k} ${JSON.stringify((n.properties as Row)[k])}, the form sends ${JSON.stringify(v)}`);
        check(n.resource_class === 'baremetal-gen', `resource_class ${String(n.resource_class)}`);
        const row = { uuid, name: nodeName, provision_state: 'enroll', power_state: null, maintenance: false };
        const shown = parse(await shellOk(env, show(nodeDefinition, row), true, admin(env)));
        check(shown.uuid === uuid, `node show printed ${JSON.stringify(shown.uuid)}`);
        await shellOk(env, actionCli(nodeDefinition, 'delete', row), false, admin(env));
        await gone(env, ['baremetal', 'node', 'show', uuid], 'node', 60_000, admin(env));
        uuid = undefined;
      } finally {
        if (uuid) await cleanup(env, admin(env), ['baremetal', 'node', 'delete', uuid]);
      }
    },
  },
];
