// Keystone admin calls for the realcloud's setup and teardown (a second project for the demo user).
import { request, type APIRequestContext } from '@playwright/test';
import { REALCLOUD_TEAM_PREFIX } from './backends';

type Named = { id: string; name: string };

type Catalog = { type: string; endpoints: { interface: string; url: string }[] }[];

async function adminContext(keystone: string): Promise<{ ctx: APIRequestContext; headers: Record<string, string>; catalog: Catalog }> {
  const ctx = await request.newContext();
  const auth = await ctx.post(`${keystone}/auth/tokens`, {
    data: {
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'admin', password: 'admin', domain: { name: 'Default' } } } },
        scope: { project: { name: 'admin', domain: { name: 'Default' } } },
      },
    },
  });
  if (auth.status() !== 201) {
    await ctx.dispose();
    throw new Error(`admin login at ${keystone} answered ${auth.status()}: ${(await auth.text()).slice(0, 200)}`);
  }
  const { token } = (await auth.json()) as { token: { catalog?: Catalog } };
  return { ctx, headers: { 'X-Auth-Token': auth.headers()['x-subject-token'] }, catalog: token.catalog ?? [] };
}

async function ok(res: import('@playwright/test').APIResponse, what: string) {
  if (!res.ok()) throw new Error(`${what}: ${res.status()} ${(await res.text()).slice(0, 200)}`);
  return res;
}

async function one(ctx: APIRequestContext, url: string, headers: Record<string, string>, key: string, what: string): Promise<Named> {
  const body = (await (await ok(await ctx.get(url, { headers }), what)).json()) as Record<string, Named[]>;
  const found = body[key]?.[0];
  if (!found) throw new Error(`${what}: not found`);
  return found;
}

/** Creates `<prefix><run>` with `user` as `role`, and returns it. Removes stale ones of earlier runs (over 6 h old). */
export async function createTeamProject(keystone: string, user = 'demo', role = 'member'): Promise<Named> {
  const { ctx, headers } = await adminContext(keystone);
  try {
    await removeStaleTeams(ctx, keystone, headers);
    const name = `${REALCLOUD_TEAM_PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const created = await ok(
      await ctx.post(`${keystone}/projects`, {
        headers,
        data: { project: { name, domain_id: 'default', description: 'Stratus e2e: second project of demo (removed by the teardown)', enabled: true } },
      }),
      `create project ${name}`,
    );
    const project = ((await created.json()) as { project: Named }).project;
    const u = await one(ctx, `${keystone}/users?name=${encodeURIComponent(user)}&domain_id=default`, headers, 'users', `user ${user}`);
    const r = await one(ctx, `${keystone}/roles?name=${encodeURIComponent(role)}`, headers, 'roles', `role ${role}`);
    await ok(await ctx.put(`${keystone}/projects/${project.id}/users/${u.id}/roles/${r.id}`, { headers }), `grant ${role} on ${name} to ${user}`);
    return { id: project.id, name: project.name };
  } finally {
    await ctx.dispose();
  }
}

export async function deleteProject(keystone: string, id: string): Promise<void> {
  const { ctx, headers } = await adminContext(keystone);
  try {
    const res = await ctx.delete(`${keystone}/projects/${id}`, { headers });
    if (!res.ok() && res.status() !== 404) throw new Error(`delete project ${id}: ${res.status()} ${(await res.text()).slice(0, 200)}`);
  } finally {
    await ctx.dispose();
  }
}

/** Teams of runs that never reached their teardown; the name carries the creation time (base 36 ms). */
async function removeStaleTeams(ctx: APIRequestContext, keystone: string, headers: Record<string, string>) {
  const res = await ctx.get(`${keystone}/projects?domain_id=default`, { headers });
  if (!res.ok()) return;
  const { projects } = (await res.json()) as { projects: Named[] };
  for (const p of projects) {
    if (!p.name.startsWith(REALCLOUD_TEAM_PREFIX)) continue;
    const created = parseInt(p.name.slice(REALCLOUD_TEAM_PREFIX.length, REALCLOUD_TEAM_PREFIX.length + 8), 36);
    if (Number.isFinite(created) && Date.now() - created > 6 * 3600_000) await ctx.delete(`${keystone}/projects/${p.id}`, { headers });
  }
}

/**
 * Nova's default of 10 instances per project is less than the specs running at once on the real cloud keep: Magnum's
 * cluster nodes, Trove's database servers (Trove boots them in the user's project) and the compute specs' servers
 * all count against demo's quota, and a launch over it is refused by the form. The demo cloud's seeded projects are
 * not involved. Set, not added to, so a rerun leaves the same numbers.
 */
export function raiseComputeQuota(keystone: string, projectName = 'demo', quota = { instances: 40, cores: 80, ram: 204_800 }): Promise<void> {
  return setQuota(keystone, projectName, 'compute', (id) => `os-quota-sets/${id}`, { quota_set: quota });
}

/**
 * Room for the security groups the specs create at once on the real cloud: Neutron's default quota (10 groups, 100
 * rules) is shared with the Magnum clusters' stacks, whose two groups hold 27 rules.
 */
export function raiseNetworkQuota(keystone: string, projectName = 'demo', quota = { security_group: 40, security_group_rule: 400 }): Promise<void> {
  return setQuota(keystone, projectName, 'network', (id) => `v2.0/quotas/${id}`, { quota });
}

/** PUT `body` to the quota path of `projectName` at the admin token's public endpoint of the service `type`. */
async function setQuota(keystone: string, projectName: string, type: string, path: (projectId: string) => string, body: unknown): Promise<void> {
  const { ctx, headers, catalog } = await adminContext(keystone);
  try {
    const url = catalog.find((s) => s.type === type)?.endpoints.find((e) => e.interface === 'public')?.url;
    if (!url) throw new Error(`no public ${type} endpoint in the admin token's catalog`);
    const project = await one(ctx, `${keystone}/projects?name=${encodeURIComponent(projectName)}&domain_id=default`, headers, 'projects', `project ${projectName}`);
    await ok(await ctx.put(`${url.replace(/\/$/, '')}/${path(project.id)}`, { headers, data: body }), `set the ${type} quota of ${projectName}`);
  } finally {
    await ctx.dispose();
  }
}
