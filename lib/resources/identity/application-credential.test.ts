import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appCredentialCloudName, appCredentialCloudsYaml, appCredentialOpenrc } from '@/lib/credentials/files';
import { definitionOf, findSection } from '../registry';
import { AppCredentialCreateSchema, appCredentialCreateCli, appCredentialCreateRequest, appCredentialDefinition } from './application-credential';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const input = (over: Record<string, unknown> = {}) => ({ name: 'ci', description: '', expiresAt: '', roles: [], unrestricted: false, accessRules: [], now: NOW, ...over });

describe('application credential form', () => {
  it('posts under the user with roles by name, UTC expiry and access rules; blank rule rows are dropped', () => {
    const i = AppCredentialCreateSchema.parse(
      input({ expiresAt: '2027-01-02T03:04', roles: ['reader'], unrestricted: true, accessRules: [{ service: 'compute', method: 'GET', path: '/v2.1/servers' }, { service: '', method: 'GET', path: '' }] }),
    );
    expect(appCredentialCreateRequest('u 1', i)).toEqual({
      method: 'POST',
      path: 'users/u%201/application_credentials',
      body: { application_credential: { name: 'ci', expires_at: '2027-01-02T03:04:00Z', roles: [{ name: 'reader' }], unrestricted: true, access_rules: [{ service: 'compute', method: 'GET', path: '/v2.1/servers' }] } },
    });
  });
  it('sends no roles when none are checked (Keystone then gives all the token has)', () => {
    const body = appCredentialCreateRequest('u', AppCredentialCreateSchema.parse(input())).body as { application_credential: Record<string, unknown> };
    expect(body.application_credential).toEqual({ name: 'ci' });
  });
  it('refuses an empty name, a past expiry and a bad rule, each on its field', () => {
    const r = AppCredentialCreateSchema.safeParse(input({ name: ' ', expiresAt: '2026-12-07T02:59', accessRules: [{ service: 'compute', method: 'GET', path: 'servers' }] }));
    expect(r.success).toBe(false);
    const issues = Object.fromEntries(r.error!.issues.map((x) => [x.path.join('.'), x.message]));
    expect(issues).toEqual({
      name: 'kinds.applicationCredential.errors.nameRequired',
      expiresAt: 'kinds.applicationCredential.errors.pastExpiry',
      'accessRules.0.path': 'kinds.applicationCredential.errors.rulePath',
    });
  });
  it('words the CLI with each role and the rules as JSON', () => {
    expect(appCredentialCreateCli(input({ roles: ['reader', 'member'], accessRules: [{ service: 'image', method: 'GET', path: '/v2/images' }], unrestricted: true }))).toBe(
      `openstack application credential create --role reader --role member --unrestricted --access-rules '[{"service":"image","method":"GET","path":"/v2/images"}]' ci`,
    );
  });
  it('is built per user by the registry, offering the session roles', () => {
    const def = definitionOf(findSection('application-credentials')!, 'p', { userId: 'abc', roles: ['member', 'reader'] })!;
    expect(def.paths.list).toBe('users/abc/application_credentials');
    expect(def.create?.fields.find((f) => f.name === 'roles')?.options?.map((o) => o.value)).toEqual(['member', 'reader']);
    expect(appCredentialDefinition({ userId: 'x', roles: [] }).actions?.[0].request({ id: 'c1', name: 'n' })).toEqual({ method: 'DELETE', path: 'users/x/application_credentials/c1' });
  });
});

describe('application credential files', () => {
  const endpoint = { cloudId: 'demo', authUrl: 'http://k:5000/v3', interface: 'public' as const, region: 'RegionOne' };
  const cred = { id: 'c1', name: 'ci bot', secret: "s'3" };
  it('clouds.yaml logs in with the credential', () => {
    const doc = parse(appCredentialCloudsYaml(endpoint, cred));
    expect(doc.clouds[appCredentialCloudName(endpoint, cred)]).toEqual({
      auth_type: 'v3applicationcredential',
      auth: { auth_url: 'http://k:5000/v3', application_credential_id: 'c1', application_credential_secret: "s'3" },
      region_name: 'RegionOne', interface: 'public', identity_api_version: 3,
    });
    expect(appCredentialCloudName(endpoint, cred)).toBe('demo-ci_bot');
  });
  it('openrc exports the credential, quoted for the shell, and drops password variables', () => {
    const rc = appCredentialOpenrc(endpoint, cred);
    expect(rc).toContain("export OS_APPLICATION_CREDENTIAL_SECRET='s'\\''3'");
    expect(rc).toContain('export OS_AUTH_TYPE=v3applicationcredential');
    expect(rc).toMatch(/^unset OS_USERNAME OS_PASSWORD/m);
  });
});
