import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cloudsYaml, credentialsFileName, openrc, type CredentialsContext } from './files';

const ctx: CredentialsContext = {
  cloudId: 'demo',
  authUrl: 'http://127.0.0.1:5050/identity/v3',
  interface: 'public',
  region: 'RegionOne',
  user: { name: "o'brien" },
  userDomainName: 'Default',
  project: { id: '0123abcd', name: 'demo team', domainId: 'default' },
};

describe('openrc', () => {
  const text = openrc(ctx);
  it('exports every OS_ variable, shell-quoted', () => {
    for (const line of [
      'export OS_AUTH_URL=http://127.0.0.1:5050/identity/v3',
      'export OS_PROJECT_ID=0123abcd',
      "export OS_PROJECT_NAME='demo team'",
      'export OS_USER_DOMAIN_NAME=Default',
      'export OS_PROJECT_DOMAIN_ID=default',
      "export OS_USERNAME='o'\\''brien'",
      'export OS_REGION_NAME=RegionOne',
      'export OS_INTERFACE=public',
      'export OS_IDENTITY_API_VERSION=3',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });
  it('prompts for the password silently and contains none', () => {
    expect(text).toContain('read -sr OS_PASSWORD_INPUT');
    expect(text).toContain('export OS_PASSWORD=$OS_PASSWORD_INPUT');
    expect(text).not.toMatch(/OS_PASSWORD=[^$]/);
    expect(text).not.toMatch(/TOKEN/i);
  });
});

describe('clouds.yaml', () => {
  it('is a clouds: entry without a password', () => {
    const doc = parse(cloudsYaml(ctx)) as { clouds: Record<string, { auth: Record<string, string>; region_name: string; interface: string; identity_api_version: number }> };
    expect(doc.clouds.demo.auth).toEqual({
      auth_url: ctx.authUrl,
      username: "o'brien",
      project_id: '0123abcd',
      project_name: 'demo team',
      user_domain_name: 'Default',
      project_domain_id: 'default',
    });
    expect(doc.clouds.demo.region_name).toBe('RegionOne');
    expect(doc.clouds.demo.identity_api_version).toBe(3);
    expect(JSON.stringify(doc)).not.toContain('password');
  });
});

describe('credentialsFileName', () => {
  it.each([
    ['demo', 'openrc', 'demo-openrc.sh'],
    ['demo team/../x', 'clouds-yaml', 'demo_team_.._x-clouds.yaml'],
    ['', 'openrc', 'project-openrc.sh'],
  ] as const)('%s %s -> %s', (p, k, want) => expect(credentialsFileName(p, k)).toBe(want));
});
