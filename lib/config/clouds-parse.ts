// clouds.yaml (os-client-config format) and OS_* parsing. Pure apart from reading files, so it is unit-tested.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export type CloudConfig = {
  id: string;
  displayName: string;
  authUrl: string;
  regions: string[];
  interface: 'public' | 'internal' | 'admin';
  cacert?: string;
  verify: boolean;
  userDomainName: string;
  projectDomainName: string;
  demo: boolean;
};

export class CloudConfigError extends Error {
  constructor(file: string, problem: string) {
    super(`Invalid cloud configuration in ${file}: ${problem}`);
    this.name = 'CloudConfigError';
  }
}

export const DEFAULT_DEMO_AUTH_URL = 'http://127.0.0.1:5050/identity/v3';

const InterfaceSchema = z
  .string()
  .transform((s) => s.replace(/URL$/, '').toLowerCase())
  .pipe(z.enum(['public', 'internal', 'admin']));

// Regions are strings or {name, values} objects in os-client-config.
const RegionSchema = z.union([z.string().min(1), z.looseObject({ name: z.string().min(1) }).transform((r) => r.name)]);

const CloudEntrySchema = z.looseObject({
  auth: z
    .looseObject({
      auth_url: z.url({ error: 'auth.auth_url must be an http(s) URL' }).optional(),
      user_domain_name: z.string().optional(),
      user_domain_id: z.string().optional(),
      project_domain_name: z.string().optional(),
      project_domain_id: z.string().optional(),
      domain_name: z.string().optional(),
    })
    .optional(),
  region_name: z.string().optional(),
  regions: z.array(RegionSchema).optional(),
  interface: InterfaceSchema.optional(),
  endpoint_type: InterfaceSchema.optional(),
  cacert: z.string().optional(),
  verify: z.boolean().optional(),
  display_name: z.string().optional(),
  identity_api_version: z.union([z.string(), z.number()]).optional(),
});

const CloudsFileSchema = z.looseObject({
  clouds: z.record(z.string(), CloudEntrySchema, { error: 'a top-level "clouds" mapping is required' }),
});

const CLOUD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** The dashboard's own top-level paths (app/): a cloud of that name would never get its pages. */
const RESERVED_IDS = new Set(['api', 'login', 's']);

/** The clouds.yaml search order of os-client-config. */
export function cloudsYamlCandidates(env: Env, cwd = process.cwd(), home = os.homedir()): string[] {
  const list: string[] = [];
  if (env.OS_CLIENT_CONFIG_FILE) list.push(env.OS_CLIENT_CONFIG_FILE);
  list.push(
    path.join(cwd, 'clouds.yaml'),
    path.join(home, '.config', 'openstack', 'clouds.yaml'),
    '/etc/openstack/clouds.yaml',
  );
  return list;
}

function formatIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export function parseCloudsYaml(text: string, file: string): CloudConfig[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new CloudConfigError(file, `not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = CloudsFileSchema.safeParse(doc);
  if (!parsed.success) throw new CloudConfigError(file, formatIssues(parsed.error));
  const clouds: CloudConfig[] = [];
  for (const [id, entry] of Object.entries(parsed.data.clouds)) {
    if (!CLOUD_ID.test(id)) throw new CloudConfigError(file, `cloud name "${id}" must use letters, digits, ".", "_" or "-" (it appears in URLs)`);
    if (RESERVED_IDS.has(id)) throw new CloudConfigError(file, `cloud name "${id}" is one of the dashboard's own paths (${[...RESERVED_IDS].join(', ')}); rename it`);
    const authUrl = entry.auth?.auth_url;
    if (!authUrl) throw new CloudConfigError(file, `clouds.${id}.auth.auth_url is required`);
    if (entry.identity_api_version !== undefined && String(entry.identity_api_version) !== '3') {
      throw new CloudConfigError(file, `clouds.${id}.identity_api_version must be 3 (Keystone v2 is not supported)`);
    }
    const regions = entry.regions?.length ? entry.regions : entry.region_name ? [entry.region_name] : [];
    const domain = entry.auth?.domain_name;
    clouds.push({
      id,
      displayName: entry.display_name ?? id,
      authUrl: normaliseAuthUrl(authUrl),
      regions,
      interface: entry.interface ?? entry.endpoint_type ?? 'public',
      cacert: entry.cacert,
      verify: entry.verify ?? true,
      userDomainName: entry.auth?.user_domain_name ?? domain ?? 'Default',
      projectDomainName: entry.auth?.project_domain_name ?? domain ?? 'Default',
      demo: false,
    });
  }
  return clouds;
}

/** Keystone v3 base URL without a trailing slash: `http://h:5000` and `http://h:5000/v3/` both give `http://h:5000/v3`. */
export function normaliseAuthUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

export function cloudFromOsEnv(env: Env): CloudConfig | undefined {
  if (!env.OS_AUTH_URL) return undefined;
  const check = z.url().safeParse(env.OS_AUTH_URL);
  if (!check.success) throw new CloudConfigError('OS_AUTH_URL', `"${env.OS_AUTH_URL}" is not an http(s) URL`);
  const iface = env.OS_INTERFACE ?? env.OS_ENDPOINT_TYPE;
  const parsedIface = iface ? InterfaceSchema.safeParse(iface) : undefined;
  if (parsedIface && !parsedIface.success) throw new CloudConfigError('OS_INTERFACE', `"${iface}" must be public, internal or admin`);
  const host = new URL(env.OS_AUTH_URL).hostname;
  return {
    id: env.STRATUS_CLOUD_ID ?? 'openstack',
    displayName: env.STRATUS_CLOUD_NAME ?? host,
    authUrl: normaliseAuthUrl(env.OS_AUTH_URL),
    regions: env.OS_REGION_NAME ? [env.OS_REGION_NAME] : [],
    interface: parsedIface?.data ?? 'public',
    cacert: env.OS_CACERT,
    verify: env.OS_INSECURE ? !/^(1|true|yes)$/i.test(env.OS_INSECURE) : true,
    userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
    projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    demo: false,
  };
}

export function demoCloud(env: Env): CloudConfig {
  return {
    id: 'demo',
    displayName: 'Demo cloud',
    authUrl: normaliseAuthUrl(env.STRATUS_DEMO_AUTH_URL ?? DEFAULT_DEMO_AUTH_URL),
    regions: ['RegionOne', 'RegionTwo'],
    interface: 'public',
    verify: true,
    userDomainName: 'Default',
    projectDomainName: 'Default',
    demo: true,
  };
}

/**
 * Every cloud a browser user may log in to: the first clouds.yaml found, plus OS_* variables.
 * With nothing configured (or STRATUS_DEMO=1) the built-in demo cloud is offered.
 */
export function loadCloudsFromEnvironment(env: Env, cwd?: string, home?: string): CloudConfig[] {
  const clouds: CloudConfig[] = [];
  const file = cloudsYamlCandidates(env, cwd, home).find((f) => fs.existsSync(f));
  if (env.OS_CLIENT_CONFIG_FILE && file !== env.OS_CLIENT_CONFIG_FILE) {
    throw new CloudConfigError(env.OS_CLIENT_CONFIG_FILE, 'file not found (OS_CLIENT_CONFIG_FILE)');
  }
  if (file) clouds.push(...parseCloudsYaml(fs.readFileSync(file, 'utf8'), file));
  const fromEnv = cloudFromOsEnv(env);
  if (fromEnv && !clouds.some((c) => c.id === fromEnv.id)) clouds.push(fromEnv);
  if (clouds.length === 0 || env.STRATUS_DEMO === '1') clouds.push(demoCloud(env));
  for (const c of clouds) {
    if (c.cacert && !fs.existsSync(c.cacert)) throw new CloudConfigError(file ?? 'OS_CACERT', `cacert file ${c.cacert} of cloud "${c.id}" does not exist`);
  }
  return clouds;
}
