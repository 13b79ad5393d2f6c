import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoCloud } from './server';

// npm run demo-cloud -- --host 127.0.0.1 --port 5050 [--speed N] [--state DIR] [--token-ttl S] [--seed-projects N] [--failure-fixtures]

const USAGE = `Usage: demo-cloud [--host H] [--port P] [--speed N] [--state DIR] [--token-ttl SECONDS]
                  [--seed-projects N] [--seed-servers N] [--omit-services T,T] [--public-url URL]
                  [--failure-fixtures] [--quiet]
       demo-cloud reset --state DIR     (forget everything persisted in DIR; the next start reseeds)

  --failure-fixtures  for tests: seed fail-flavor, fail-image and node fail-bm-0, and fail servers, volumes,
                      nodes and cluster templates named fail-* (off by default: nothing fails on demand)`;

function number(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name}: expected a number >= ${min}, got '${raw}'\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      speed: { type: 'string' },
      state: { type: 'string' },
      'token-ttl': { type: 'string' },
      'seed-projects': { type: 'string' },
      'seed-servers': { type: 'string' },
      'omit-services': { type: 'string' },
      'public-url': { type: 'string' },
      'failure-fixtures': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals[0] === 'reset') {
    if (!values.state) {
      console.error(`reset needs --state DIR\n${USAGE}`);
      process.exit(2);
    }
    rmSync(path.join(values.state, 'state.json'), { force: true });
    rmSync(path.join(values.state, 'data'), { recursive: true, force: true });
    console.log(`Demo cloud state in ${values.state} reset; the next start reseeds it.`);
    return;
  }
  if (positionals.length) {
    console.error(`Unknown command '${positionals[0]}'\n${USAGE}`);
    process.exit(2);
  }
  const cloud = await startDemoCloud({
    host: values.host,
    port: number('port', values.port ?? process.env.DEMO_CLOUD_PORT, 5050),
    speed: number('speed', values.speed, 1, Number.MIN_VALUE),
    stateDir: values.state,
    tokenTtlSeconds: number('token-ttl', values['token-ttl'], 3600, 1),
    seedProjects: number('seed-projects', values['seed-projects'], 0),
    seedServers: number('seed-servers', values['seed-servers'], 0),
    omitServices: values['omit-services']?.split(',').map((t) => t.trim()).filter(Boolean),
    publicUrl: values['public-url'],
    failureFixtures: values['failure-fixtures'],
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Demo cloud listening: auth URL ${cloud.authUrl}`);
  console.log('Users: admin/admin (project admin), demo/demo (projects demo, demo-team); domain Default');

  const stop = async () => {
    await cloud.close(); // flushes --state
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
