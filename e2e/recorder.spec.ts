import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { violations } from './axe';
import { instanceRow, launch, openSection, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';
import { mutationHeaders, withApi } from './proxy-helpers';

// Issue 20's session recorder: a launch and an attach recorded in the UI replay with the real openstack CLI from the
// downloaded shell script (as the demo user, whose password auth.setup.ts logs in with on both backends); a dry run
// sends nothing.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const vm = `${RUN}-rec-vm`;
const vol = `${RUN}-rec-vol`;
const dry = `${RUN}-rec-dry`;
const SLOW = { timeout: 120_000 };

interface Server {
  id: string;
  name: string;
  status: string;
  'os-extended-volumes:volumes_attached'?: { id: string }[];
}
interface Volume {
  id: string;
  name: string | null;
  status: string;
  attachments: { server_id: string }[];
}

const servers = async (page: Page) => ((await (await page.request.get('/api/os/compute/servers/detail')).json()) as { servers: Server[] }).servers.filter((s) => s.name.startsWith(`${RUN}-rec`));
const volumes = async (page: Page) => ((await (await page.request.get('/api/os/volumev3/volumes/detail')).json()) as { volumes: Volume[] }).volumes.filter((v) => v.name?.startsWith(`${RUN}-rec`));

/** Deletes this run's servers, then its volumes once detached, and waits until both are gone. */
async function deleteMade(page: Page) {
  await expect
    .poll(
      async () => {
        const left = await servers(page);
        for (const s of left) await page.request.delete(`/api/os/compute/servers/${s.id}`, { headers: mutationHeaders() });
        return left.length;
      },
      { timeout: 120_000, intervals: [1_000, 2_000] },
    )
    .toBe(0);
  await expect
    .poll(
      async () => {
        const left = await volumes(page);
        for (const v of left) if (v.status === 'available' || v.status === 'error') await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers: mutationHeaders() });
        return left.length;
      },
      { timeout: 120_000, intervals: [1_000, 2_000] },
    )
    .toBe(0);
}

const cleanUp = (browser: Browser) => withApi(browser, deleteMade);

test.afterAll(async ({ browser }) => {
  test.setTimeout(300_000);
  await cleanUp(browser);
});

/** The header's "Recording" / "Dry run" indicator. */
const indicator = (page: Page) => page.getByRole('banner').getByRole('status').filter({ hasText: /^(Recording|Dry run) · / });

function recorder(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Recorder', exact: true });
}

async function openRecorder(page: Page) {
  const button = recorder(page);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('region', { name: 'Session recorder' });
}

/** Runs the script with the real openstack CLI: a clouds.yaml of its own for the demo user, nothing inherited. */
function runScript(script: string, cloud: string, region: string): Promise<{ code: number; out: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-rec-'));
  const yaml = [
    'clouds:',
    `  ${cloud}:`,
    '    auth:',
    `      auth_url: ${backend().keystone}`,
    '      username: demo',
    '      password: demo',
    '      project_name: demo',
    '      user_domain_name: Default',
    '      project_domain_name: Default',
    `    region_name: ${region}`,
    '    interface: public',
    '    identity_api_version: 3',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(home, 'clouds.yaml'), yaml);
  fs.writeFileSync(path.join(home, 'replay.sh'), script, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('OS_')) delete env[k];
  Object.assign(env, { HOME: home, OS_CLOUD: cloud, OS_CLIENT_CONFIG_FILE: path.join(home, 'clouds.yaml'), PATH: `/usr/bin:${process.env.PATH ?? ''}` });
  return new Promise((resolve) => {
    const child = spawn('/bin/bash', [path.join(home, 'replay.sh')], { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => {
      fs.rmSync(home, { recursive: true, force: true });
      resolve({ code: code ?? 1, out });
    });
  });
}

test('a recorded launch and attach replays with the openstack CLI and recreates the server and its volume', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const panel = await openRecorder(page);
  await panel.getByRole('checkbox', { name: 'Record my actions' }).check();
  await recorder(page).press('Escape');
  await expect(indicator(page)).toHaveText('Recording · 0 calls');

  // Launch (the form's defaults), through pages reloaded by URL: the recording is kept by the tab.
  await launch(page, vm);
  await expect(instanceRow(page, vm)).toContainText('ACTIVE', SLOW);

  await page.goto(page.url().replace(/\/instances\?/, '/volumes/new?'));
  const form = page.getByRole('form', { name: 'Create volume' });
  await form.getByLabel('Name', { exact: true }).fill(vol);
  await form.getByLabel('Size (GiB)').fill('1');
  await form.getByRole('button', { name: 'Create volume' }).click();
  await expect(page).toHaveURL(/\/volumes\?region=/);
  await expect(page.getByRole('table', { name: 'Volumes' }).getByRole('row').filter({ hasText: vol })).toContainText('available', SLOW);

  await openSection(page, 'Instances');
  await instanceRow(page, vm).getByRole('link', { name: vm, exact: true }).click();
  await page.getByRole('tab', { name: 'Volumes' }).click();
  const attach = page.getByRole('tabpanel').getByRole('form', { name: 'Attach a volume' });
  await attach.getByLabel('Volume to attach').selectOption({ label: `${vol} (1 GiB, available)` });
  await attach.getByRole('button', { name: 'Attach volume' }).click();
  await expect(page.getByRole('table', { name: 'Attached volumes' }).getByRole('row').filter({ hasText: vol })).toContainText('in-use', SLOW);

  await expect(indicator(page)).toHaveText('Recording · 3 calls');
  const shown = await openRecorder(page);
  const calls = shown.getByRole('list', { name: 'Recorded calls' }).getByRole('listitem');
  await expect(calls).toHaveCount(3);
  await expect(calls.nth(0)).toContainText('POST compute /servers');
  await expect(calls.nth(0)).toContainText(`openstack server create --image`);
  await expect(calls.nth(1)).toContainText(`openstack volume create --size 1 ${vol}`);
  await expect(calls.nth(2)).toContainText('openstack server add volume');
  expect(await violations(page, 'recorder panel')).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), shown.getByRole('button', { name: 'Download shell script' }).click()]);
  const script = fs.readFileSync((await download.path())!, 'utf8');
  expect(script.split('\n').slice(0, 1)).toEqual(['#!/usr/bin/env bash']);
  expect(script).toContain('set -euo pipefail');
  expect(script).toContain(`# export OS_CLOUD=${backend().cloud}`);
  expect(script).toMatch(new RegExp(`^openstack server create --wait --image \\S+ --flavor \\S+ --network \\S+ --security-group default ${vm}$`, 'm'));
  expect(script).toContain(`\nopenstack server add volume ${vm} ${vol}\nwait_for volume ${vol} in-use\n`);
  // Names, not ids, in the commands (the comments show each raw HTTP call as it was): the script replays in another project.
  const commands = script.split('\n').filter((l) => !l.startsWith('#'));
  expect(commands.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}/);
  const region = new URL(page.url()).searchParams.get('region') ?? 'RegionOne';

  // The same calls as an Ansible playbook (its writer loads when asked for): the collection's modules, by name.
  const [playbook] = await Promise.all([page.waitForEvent('download'), shown.getByRole('button', { name: 'Download Ansible playbook' }).click()]);
  const [play] = parseYaml(fs.readFileSync((await playbook.path())!, 'utf8')) as { tasks: Record<string, { name?: string; server?: string; volume?: string }>[] }[];
  expect(play.tasks.map((t) => Object.keys(t).find((k) => k !== 'name'))).toEqual(['openstack.cloud.server', 'openstack.cloud.volume', 'openstack.cloud.server_volume']);
  expect(play.tasks[2]['openstack.cloud.server_volume']).toMatchObject({ server: vm, volume: vol });

  // What the recording created, as a Heat template (the export page reads the objects live).
  await shown.getByRole('link', { name: 'Heat template of what it created (2)' }).click();
  await expect(page.getByRole('heading', { name: 'Export a Heat template', level: 1 })).toBeVisible();
  const template = page.getByRole('region', { name: 'Template' }).getByLabel('Heat template (YAML)');
  await expect(template).toContainText('OS::Nova::Server', SLOW);
  await expect(template).toContainText('OS::Cinder::VolumeAttachment');

  // Stop, then delete what was made, and replay.
  await (await openRecorder(page)).getByRole('checkbox', { name: 'Record my actions' }).uncheck();
  await expect(indicator(page)).toHaveCount(0);
  await deleteMade(page);
  const run = await runScript(script, backend().cloud, region);
  expect(run.code, run.out).toBe(0);

  const [server] = await servers(page);
  expect(server?.name).toBe(vm);
  await expect.poll(async () => (await servers(page))[0]?.status, SLOW).toBe('ACTIVE');
  const [volume] = await volumes(page);
  expect(volume?.name).toBe(vol);
  expect(volume.status).toBe('in-use');
  expect(volume.attachments.map((a) => a.server_id)).toEqual([server.id]);
});

test('a dry run sends no mutating request, shows the call it would make and says nothing was changed', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const mutations: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/os/') && r.method() !== 'GET' && r.method() !== 'HEAD') mutations.push(`${r.method()} ${r.url()}`);
  });
  const panel = await openRecorder(page);
  await panel.getByRole('checkbox', { name: 'Dry run (send nothing)' }).check();
  await expect(panel.getByRole('checkbox', { name: 'Record my actions' })).toBeChecked();
  await expect(panel).toContainText('nothing is changed');
  await recorder(page).press('Escape');
  await expect(indicator(page)).toHaveText('Dry run · 0 calls');

  await page.goto(page.url().replace(/\?/, '/volumes/new?'));
  const form = page.getByRole('form', { name: 'Create volume' });
  await form.getByLabel('Name', { exact: true }).fill(dry);
  await form.getByLabel('Size (GiB)').fill('1');
  await form.getByRole('button', { name: 'Create volume' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Dry run: nothing was changed' })).toContainText('This change was not sent to the cloud.');
  await expect(page).toHaveURL(/\/volumes\/new/);
  await expect(indicator(page)).toHaveText('Dry run · 1 call');

  const shown = await openRecorder(page);
  const call = shown.getByRole('list', { name: 'Recorded calls' }).getByRole('listitem');
  await expect(call).toHaveCount(1);
  await expect(call).toContainText('POST volumev3 /volumes');
  await expect(call).toContainText('not sent (dry run)');
  await expect(call).toContainText(`openstack volume create --size 1 ${dry}`);
  expect(await violations(page, 'recorder panel in a dry run')).toEqual([]);
  expect(mutations).toEqual([]);
  expect((await volumes(page)).map((v) => v.name)).not.toContain(dry);

  await shown.getByRole('checkbox', { name: 'Record my actions' }).uncheck();
  await expect(shown.getByRole('checkbox', { name: 'Dry run (send nothing)' })).not.toBeChecked();
  await shown.getByRole('button', { name: 'Clear recording' }).click();
  await expect(shown).toContainText('Nothing recorded yet.');
});
