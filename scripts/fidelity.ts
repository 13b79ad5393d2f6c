// `npm run fidelity`: the same API calls against real OpenStack (../shared/realcloud) and a fresh demo cloud.
// Reports, per call, status codes that differ, response fields the real service returns that the demo cloud
// lacks or types differently, and meaningful response headers it lacks. Prints the total count.
import { startDemoCloud } from '../lib/demo-cloud/server';
import { endpointOf, realcloudAuthUrl, target, type Target } from './fidelity/clouds';
import { scenarios } from './fidelity/scenarios';
import { compareShapes, headerDiffs } from './fidelity/shape';
import type { Call } from './fidelity/types';

type Outcome = { status: number; headers: Headers; body: unknown };

const only = process.argv.slice(2);

async function perform(t: Target, call: Call): Promise<Outcome> {
  const who = call.as ?? 'demo';
  const endpoint = endpointOf(t, who, call.service);
  if (!endpoint) return { status: -1, headers: new Headers(), body: `no ${call.service} endpoint` };
  const path = typeof call.path === 'function' ? call.path(t.vars) : call.path;
  const url = `${endpoint.replace(/\/+$/, '')}/${path}`;
  const extra = typeof call.headers === 'function' ? call.headers(t.vars) : (call.headers ?? {});
  const json = typeof call.body === 'function' ? (call.body as (v: typeof t.vars) => unknown)(t.vars) : call.body;
  const init: RequestInit = {
    method: call.method ?? 'GET',
    headers: { accept: 'application/json', 'x-auth-token': t.sessions[who].token, ...(json !== undefined || call.rawBody ? { 'content-type': 'application/json' } : {}), ...extra },
    body: (call.rawBody as BodyInit | undefined) ?? (json !== undefined ? JSON.stringify(json) : undefined),
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(url, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    if (!call.until || call.until(body, res.status) || Date.now() > deadline) {
      if (res.status < 400) call.capture?.(body, res.headers, t.vars);
      return { status: res.status, headers: res.headers, body };
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  const realUrl = process.env.REALCLOUD_AUTH_URL ?? realcloudAuthUrl();
  if (!realUrl) {
    console.error('fidelity: no real cloud (run ../shared/realcloud/up.sh, or set REALCLOUD_AUTH_URL)');
    process.exit(2);
  }
  const demo = await startDemoCloud({ port: 0, speed: 10 });
  let differences = 0;
  let calls = 0;
  try {
    const real = await target('real', realUrl);
    const fake = await target('demo', demo.authUrl);
    for (const scenario of scenarios) {
      if (only.length && !only.includes(scenario.name)) continue;
      console.log(`\n## ${scenario.name}`);
      for (const call of scenario.calls) {
        calls++;
        const r = await perform(real, call);
        const d = await perform(fake, call);
        const problems: string[] = [];
        if (r.status !== d.status) problems.push(`status ${d.status}, real ${r.status}`);
        for (const h of headerDiffs(r.headers, d.headers)) problems.push(`header ${h} missing`);
        if (call.compareBody !== false && r.body !== undefined && typeof r.body === 'object') {
          for (const diff of compareShapes(r.body, d.body)) {
            problems.push(diff.problem === 'missing' ? `${diff.path} missing (${diff.expected})` : `${diff.path} is ${diff.actual}, real ${diff.expected}`);
          }
        }
        differences += problems.length;
        console.log(`${problems.length ? 'DIFF' : 'same'}  ${call.name}  [${r.status}]${problems.map((p) => `\n      - ${p}`).join('')}`);
      }
    }
  } finally {
    await demo.close();
  }
  console.log(`\nfidelity: ${differences} differences over ${calls} calls`);
  process.exit(differences ? 1 : 0);
}

main().catch((e) => {
  console.error(`fidelity: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
