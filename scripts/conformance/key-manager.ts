// CLI conformance steps for Barbican (python3-barbicanclient).
import { check, mustFail, oneLine, type Row, type Step } from './harness';

const secretName = () => `cli-${process.pid}-secret`;
const PAYLOAD = 'cli conformance payload';

export const keyManagerSteps: Step[] = [
  {
    name: 'key-manager: secret store --payload as demo',
    async run(env) {
      const s = await env.json<Row>(env.password('demo'), ['secret', 'store', '--name', secretName(), '--payload', PAYLOAD, '-f', 'json']);
      check(typeof s['Secret href'] === 'string' && String(s['Secret href']).includes('/v1/secrets/'), `href ${String(s['Secret href'])}`);
      check(s.Name === secretName(), `name ${String(s.Name)}`);
      env.vars.secretHref = String(s['Secret href']);
    },
  },
  {
    name: 'key-manager: secret get shows ACTIVE metadata',
    async run(env) {
      const s = await env.json<Row>(env.password('demo'), ['secret', 'get', env.vars.secretHref, '-f', 'json']);
      check(s.Status === 'ACTIVE', `status ${String(s.Status)}`);
      check(/text\/plain|octet-stream/.test(JSON.stringify(s['Content types'])), `content types ${JSON.stringify(s['Content types'])}`);
      check(s['Secret type'] === 'opaque', `secret type ${String(s['Secret type'])}`);
    },
  },
  {
    name: 'key-manager: secret get --payload round-trips',
    async run(env) {
      const s = await env.json<Row>(env.password('demo'), ['secret', 'get', env.vars.secretHref, '--payload', '-f', 'json']);
      check(s.Payload === PAYLOAD, `payload ${String(s.Payload).length} chars differs`);
    },
  },
  {
    name: 'key-manager: secret list shows it',
    async run(env) {
      const rows = await env.json(env.password('demo'), ['secret', 'list', '--name', secretName(), '-f', 'json']);
      check(rows.some((r) => r['Secret href'] === env.vars.secretHref), `not listed: ${JSON.stringify(rows).slice(0, 300)}`);
    },
  },
  {
    name: 'key-manager: secret store with a past expiration fails',
    run: (env) =>
      mustFail(env, env.password('demo'), ['secret', 'store', '--name', `${secretName()}-old`, '--payload', 'x', '--expiration', '2020-01-01T00:00:00', '-f', 'json'], /before current time/),
  },
  {
    name: 'key-manager: secret delete, then get fails',
    async run(env) {
      const r = await env.run(env.password('demo'), ['secret', 'delete', env.vars.secretHref]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      await mustFail(env, env.password('demo'), ['secret', 'get', env.vars.secretHref, '-f', 'json'], /Not Found|404/);
    },
  },
];
