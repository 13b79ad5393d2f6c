import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CloudConfigError, cloudFromOsEnv, cloudsYamlCandidates, loadCloudsFromEnvironment, normaliseAuthUrl, parseCloudsYaml } from './clouds-parse';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-clouds-'));

describe('parseCloudsYaml', () => {
  it('reads auth_url, regions, interface, cacert, verify, domains and display name', () => {
    const clouds = parseCloudsYaml(
      `clouds:
  prod:
    display_name: Production
    auth:
      auth_url: https://keystone.example.com:5000
      username: ignored
      password: never-used
      user_domain_name: Corp
      project_domain_name: CorpProjects
    regions:
      - RegionOne
      - name: RegionTwo
        values: {}
    interface: internal
    cacert: /etc/ssl/ca.pem
  lab:
    auth:
      auth_url: http://10.0.0.1/identity/v3/
      domain_name: Lab
    region_name: Lab1
    endpoint_type: adminURL
    verify: false
`,
      'clouds.yaml',
    );
    expect(clouds).toEqual([
      {
        id: 'prod', displayName: 'Production', authUrl: 'https://keystone.example.com:5000/v3', regions: ['RegionOne', 'RegionTwo'],
        interface: 'internal', cacert: '/etc/ssl/ca.pem', verify: true, userDomainName: 'Corp', projectDomainName: 'CorpProjects', demo: false,
      },
      {
        id: 'lab', displayName: 'lab', authUrl: 'http://10.0.0.1/identity/v3', regions: ['Lab1'], interface: 'admin',
        cacert: undefined, verify: false, userDomainName: 'Lab', projectDomainName: 'Lab', demo: false,
      },
    ]);
  });

  it('never keeps passwords', () => {
    const [c] = parseCloudsYaml('clouds:\n  a:\n    auth:\n      auth_url: http://k/v3\n      password: hunter2\n', 'f');
    expect(JSON.stringify(c)).not.toContain('hunter2');
  });

  it.each([
    ['not YAML', 'clouds: [a, b', 'not valid YAML'],
    ['no clouds mapping', 'foo: 1', 'clouds'],
    ['missing auth_url', 'clouds:\n  a:\n    region_name: R\n', 'clouds.a.auth.auth_url is required'],
    ['bad auth_url', 'clouds:\n  a:\n    auth:\n      auth_url: not a url\n', 'auth_url must be an http(s) URL'],
    ['bad interface', 'clouds:\n  a:\n    auth:\n      auth_url: http://k\n    interface: private\n', 'interface'],
    ['unsafe cloud name', 'clouds:\n  "a/b":\n    auth:\n      auth_url: http://k\n', 'cloud name "a/b"'],
    ['a cloud named like a dashboard path', 'clouds:\n  s:\n    auth:\n      auth_url: http://k\n', `cloud name "s" is one of the dashboard's own paths`],
    ['keystone v2', 'clouds:\n  a:\n    auth:\n      auth_url: http://k\n    identity_api_version: 2\n', 'identity_api_version must be 3'],
  ])('%s names the file and the problem', (_n, text, problem) => {
    expect(() => parseCloudsYaml(text, '/etc/openstack/clouds.yaml')).toThrow(CloudConfigError);
    expect(() => parseCloudsYaml(text, '/etc/openstack/clouds.yaml')).toThrow(/\/etc\/openstack\/clouds\.yaml/);
    expect(() => parseCloudsYaml(text, '/etc/openstack/clouds.yaml')).toThrow(problem);
  });
});

describe('normaliseAuthUrl', () => {
  it.each([
    ['http://k:5000', 'http://k:5000/v3'],
    ['http://k:5000/', 'http://k:5000/v3'],
    ['http://k:5000/v3/', 'http://k:5000/v3'],
    ['http://k/identity/v3', 'http://k/identity/v3'],
  ])('%s', (input, out) => expect(normaliseAuthUrl(input)).toBe(out));
});

describe('search order and OS_* variables', () => {
  it('follows os-client-config order', () => {
    expect(cloudsYamlCandidates({ OS_CLIENT_CONFIG_FILE: '/x/c.yaml' }, '/cwd', '/home/u')).toEqual([
      '/x/c.yaml', '/cwd/clouds.yaml', '/home/u/.config/openstack/clouds.yaml', '/etc/openstack/clouds.yaml',
    ]);
  });

  it('builds a cloud from OS_* variables', () => {
    expect(
      cloudFromOsEnv({ OS_AUTH_URL: 'https://k.example/v3', OS_REGION_NAME: 'R1', OS_INTERFACE: 'internal', OS_USER_DOMAIN_NAME: 'U', OS_PROJECT_DOMAIN_NAME: 'P' }),
    ).toMatchObject({ id: 'openstack', displayName: 'k.example', authUrl: 'https://k.example/v3', regions: ['R1'], interface: 'internal', userDomainName: 'U', projectDomainName: 'P' });
    expect(cloudFromOsEnv({})).toBeUndefined();
    expect(() => cloudFromOsEnv({ OS_AUTH_URL: 'nope' })).toThrow('OS_AUTH_URL');
  });

  it('falls back to the demo cloud when nothing is configured', () => {
    const dir = tmp();
    const clouds = loadCloudsFromEnvironment({ STRATUS_DEMO_AUTH_URL: 'http://127.0.0.1:5999/identity/v3' }, dir, dir);
    expect(clouds).toHaveLength(1);
    expect(clouds[0]).toMatchObject({ id: 'demo', demo: true, authUrl: 'http://127.0.0.1:5999/identity/v3' });
  });

  it('uses ./clouds.yaml and OS_* together, without the demo cloud', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'clouds.yaml'), 'clouds:\n  a:\n    auth:\n      auth_url: http://a:5000\n');
    const clouds = loadCloudsFromEnvironment({ OS_AUTH_URL: 'http://b:5000/v3' }, dir, dir);
    expect(clouds.map((c) => c.id)).toEqual(['a', 'openstack']);
  });

  it('refuses a missing OS_CLIENT_CONFIG_FILE and a missing cacert', () => {
    const dir = tmp();
    expect(() => loadCloudsFromEnvironment({ OS_CLIENT_CONFIG_FILE: path.join(dir, 'nope.yaml') }, dir, dir)).toThrow('file not found');
    fs.writeFileSync(path.join(dir, 'c.yaml'), 'clouds:\n  a:\n    auth:\n      auth_url: http://a\n    cacert: /nonexistent/ca.pem\n');
    expect(() => loadCloudsFromEnvironment({ OS_CLIENT_CONFIG_FILE: path.join(dir, 'c.yaml') }, dir, dir)).toThrow('/nonexistent/ca.pem');
  });
});
