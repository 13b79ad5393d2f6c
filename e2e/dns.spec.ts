import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// One flow, step by step: the recordsets and the export depend on the zone created first.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

// Zone names are global in Designate: the run prefix keeps parallel runs and other helpers apart.
const zone = `${RUN}-dns.test.`;
const www = `www.${zone}`;
const SLOW = { timeout: 60_000 };

const headingStatus = (page: Page) => page.locator('div:has(> h1) [data-tone]');

const recordsetRow = (page: Page, name: string, type: string) =>
  page
    .getByRole('table', { name: 'Recordsets', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: type, exact: true }) });

async function openZones(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Zones', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Zones', level: 1 })).toBeVisible();
}

async function openRecordsets(page: Page) {
  await openZones(page);
  await page.getByRole('table', { name: 'Zones', exact: true }).getByRole('link', { name: zone, exact: true }).click();
  await expect(page.getByRole('heading', { name: zone, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Recordsets' }).click();
  await expect(page.getByRole('table', { name: 'Recordsets', exact: true })).toBeVisible();
}

async function newRecordset(page: Page, type: string, name: string) {
  await page.getByRole('link', { name: 'Create recordset' }).click();
  const form = page.getByRole('form', { name: 'Create recordset' });
  await form.getByLabel('Type', { exact: true }).selectOption(type);
  await form.getByLabel('Name', { exact: true }).fill(name);
  return form;
}

/** Deletes the zones this run created (their recordsets go with them). */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL };
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const body = (await (await page.request.get('/api/os/dns/v2/zones?limit=1000')).json()) as { zones?: { id: string; name: string; action: string }[] };
    for (const z of body.zones ?? []) if (z.name.startsWith(RUN) && z.action !== 'DELETE') await page.request.delete(`/api/os/dns/v2/zones/${z.id}`, { headers });
    const fips = (await (await page.request.get('/api/os/network/v2.0/floatingips')).json()) as { floatingips?: { id: string; description: string }[] };
    for (const f of fips.floatingips ?? []) if (f.description === `${RUN}-ptr`) await page.request.delete(`/api/os/network/v2.0/floatingips/${f.id}`, { headers });
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  test.setTimeout(60_000);
  await cleanUp(browser);
});

test('a bad email is refused before Designate sees it; a name without its trailing dot gets one', async ({ page }) => {
  await openZones(page);
  await page.getByRole('link', { name: 'Create zone' }).click();
  const form = page.getByRole('form', { name: 'New primary zone' });
  await form.getByLabel('Zone name').fill(zone.slice(0, -1));
  await form.getByLabel('Email').fill('not-an-email');
  await expect(form.getByText(`openstack zone create --email not-an-email ${zone}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create zone' }).click();
  await expect(form.getByText('Enter the zone administrator’s email address')).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Zone name')).not.toHaveAttribute('aria-invalid', 'true');
  // Fixed, the error goes at once, before any new submit (as in the launch form).
  await form.getByLabel('Email').fill('hostmaster@example.org');
  await expect(form.getByText('Enter the zone administrator’s email address')).toHaveCount(0);
  await expect(form.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
});

test('zone create goes PENDING to ACTIVE', async ({ page }) => {
  await openZones(page);
  await page.getByRole('link', { name: 'Create zone' }).click();
  const form = page.getByRole('form', { name: 'New primary zone' });
  await form.getByLabel('Zone name').fill(zone);
  await form.getByLabel('Email').fill('hostmaster@example.org');
  await form.getByLabel('TTL (seconds)').fill('600');
  await form.getByRole('button', { name: 'Create zone' }).click();
  await expect(page.getByRole('heading', { name: zone, level: 1 })).toBeVisible();
  await expect(headingStatus(page)).toHaveText('ACTIVE', SLOW);
  await expect(page.getByRole('tabpanel')).toContainText('hostmaster@example.org');

  await openZones(page);
  const row = page.getByRole('table', { name: 'Zones', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: zone, exact: true }) });
  await expect(row).toContainText('ACTIVE');
  await expect(row).toContainText('600');
  await expect(row).toContainText('PRIMARY');
});

test('zone edit changes the email and TTL', async ({ page }) => {
  await openZones(page);
  await page.getByRole('table', { name: 'Zones', exact: true }).getByRole('link', { name: zone, exact: true }).click();
  await page.getByRole('button', { name: 'Edit zone' }).click();
  const form = page.getByRole('form', { name: 'Edit zone' });
  await form.getByLabel('Email').fill('dns-admin@example.org');
  await form.getByLabel('TTL (seconds)').fill('300');
  await expect(form.getByText(`openstack zone set --email dns-admin@example.org --ttl 300 ${zone}`)).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('dns-admin@example.org', SLOW);
  await expect(page.getByRole('tabpanel')).toContainText('300 s');
  await expect(headingStatus(page)).toHaveText('ACTIVE', SLOW);
});

test('A and MX recordsets: field errors first, then create, duplicate refused by Designate, edit', async ({ page }) => {
  await openRecordsets(page);
  // Designate's own recordsets of a new zone.
  await expect(recordsetRow(page, zone, 'SOA')).toBeVisible();
  await expect(recordsetRow(page, zone, 'NS')).toBeVisible();

  let form = await newRecordset(page, 'A', 'www');
  await form.getByLabel('IPv4 address 1').fill('192.0.2.300');
  await form.getByRole('button', { name: 'Create recordset' }).click();
  await expect(form.getByText('192.0.2.300 is not an IPv4 address')).toBeVisible();
  await form.getByLabel('IPv4 address 1').fill('192.0.2.10');
  await expect(form.getByText(`openstack recordset create --type A --record 192.0.2.10 ${zone} www`)).toBeVisible();
  await form.getByRole('button', { name: 'Create recordset' }).click();
  await expect(recordsetRow(page, www, 'A')).toContainText('192.0.2.10');
  await expect(recordsetRow(page, www, 'A')).toContainText('ACTIVE', SLOW);

  // The same name and type again: only Designate knows, and says so.
  form = await newRecordset(page, 'A', 'www');
  await form.getByLabel('IPv4 address 1').fill('192.0.2.20');
  await form.getByRole('button', { name: 'Create recordset' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Designate refused the recordset' })).toContainText('Duplicate RecordSet');
  await page.getByRole('link', { name: 'Cancel' }).click();

  form = await newRecordset(page, 'MX', '@');
  await form.getByLabel('Mail server 1').fill(`mail.${zone}`);
  await form.getByRole('button', { name: 'Create recordset' }).click();
  await expect(form.getByText('Enter the priority (e.g. 10)')).toBeVisible();
  await form.getByLabel('Priority 1').fill('10');
  await form.getByRole('button', { name: 'Create recordset' }).click();
  await expect(recordsetRow(page, zone, 'MX')).toContainText(`10 mail.${zone}`);
  await expect(recordsetRow(page, zone, 'MX')).toContainText('ACTIVE', SLOW);

  // Edit the A recordset: a second address and a TTL.
  await recordsetRow(page, www, 'A').getByRole('link', { name: www, exact: true }).click();
  form = page.getByRole('form', { name: 'Edit recordset' });
  await expect(form.getByLabel('IPv4 address 1')).toHaveValue('192.0.2.10');
  await form.getByRole('button', { name: 'Add another record' }).click();
  await form.getByLabel('IPv4 address 2').fill('192.0.2.11');
  await form.getByLabel('TTL (seconds)').fill('120');
  await form.getByRole('button', { name: 'Save recordset' }).click();
  await expect(recordsetRow(page, www, 'A')).toContainText('192.0.2.11', SLOW);
  await expect(recordsetRow(page, www, 'A')).toContainText('120');
  await expect(recordsetRow(page, www, 'A')).toContainText('ACTIVE', SLOW);
});

test('export downloads a zone file with the records', async ({ page }) => {
  await openRecordsets(page);
  const download = page.waitForEvent('download', SLOW);
  await page.getByRole('button', { name: 'Export zone file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${zone.slice(0, -1)}.zone`);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain(`$ORIGIN ${zone}`);
  expect(text).toMatch(new RegExp(`${www.replace(/\./g, '\\.')}\\s+(120\\s+)?IN A 192\\.0\\.2\\.10`));
  expect(text).toContain('192.0.2.11');
  expect(text).toMatch(/IN MX 10 mail\./);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
});

test('"Create DNS record" links (as on an instance with a floating IP) prefill the form after choosing the zone', async ({ page }) => {
  await openZones(page);
  const zonesUrl = new URL(page.url());
  const q = new URLSearchParams(zonesUrl.search);
  q.set('type', 'A');
  q.set('records', '192.0.2.77');
  q.set('name', 'Web 1');
  await page.goto(`${zonesUrl.pathname}/record?${q.toString()}`);
  await expect(page.getByRole('heading', { name: 'Create DNS record', level: 1 })).toBeVisible();
  const pick = page.getByRole('form', { name: 'Choose the zone' });
  await pick.getByRole('button', { name: 'Continue' }).click();
  await expect(pick.getByText('Choose the zone for the record')).toBeVisible();
  await pick.getByLabel('Zone').selectOption({ label: zone });
  await pick.getByRole('button', { name: 'Continue' }).click();
  const form = page.getByRole('form', { name: 'Create recordset' });
  await expect(form.getByLabel('Type', { exact: true })).toHaveValue('A');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('web-1');
  await expect(form.getByLabel('IPv4 address 1')).toHaveValue('192.0.2.77');
  await expect(form.getByText(`openstack recordset create --type A --record 192.0.2.77 ${zone} web-1`)).toBeVisible();
});

test('recordsets and the zone are deleted', async ({ page }) => {
  await openRecordsets(page);
  for (const [name, type] of [[zone, 'MX'], [www, 'A']] as const) {
    await recordsetRow(page, name, type).getByRole('button', { name: `Actions for ${name} ${type}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete recordset?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(recordsetRow(page, name, type)).toHaveCount(0, SLOW);
  }
  // Designate's own SOA and NS cannot be deleted: no actions are offered for them.
  await expect(recordsetRow(page, zone, 'SOA').getByRole('button', { name: /^Actions for/ })).toHaveCount(0);

  await page.getByRole('toolbar', { name: 'Zone actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete zone?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This zone no longer exists.')).toBeVisible(SLOW);
});

const imported = `${RUN}-imp.test.`;

test('a zone file imports into a new zone; a second import of the same zone shows Designate’s error', async ({ page }) => {
  const file = [`$ORIGIN ${imported}`, '$TTL 900', `${imported} IN SOA ns1.${imported} hostmaster.${imported} 1 3600 600 86400 3600`, `${imported} IN NS ns1.realcloud.test.`, 'app IN A 192.0.2.50', ''].join('\n');
  await openZones(page);
  await page.getByRole('button', { name: 'Import zone file' }).click();
  const form = page.getByRole('form', { name: 'Import zone file' });
  await form.getByLabel(/^Zone file text/).fill('not a zone file');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByText('A zone file for Designate starts with a $ORIGIN line')).toBeVisible();

  await form.getByLabel(/^Zone file text/).fill(file);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'imported' })).toBeVisible(SLOW);
  const zoneHref = await form.getByRole('link', { name: 'Open the zone' }).getAttribute('href');

  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Designate could not import the zone file' })).toBeVisible(SLOW);

  await page.goto(zoneHref!);
  await expect(page.getByRole('heading', { name: imported, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Recordsets' }).click();
  await expect(recordsetRow(page, `app.${imported}`, 'A')).toContainText('192.0.2.50');
  await page.getByRole('toolbar', { name: 'Zone actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete zone?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This zone no longer exists.')).toBeVisible(SLOW);
});

test('reverse DNS: set and unset the PTR record of a floating IP', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL };
  const nets = (await (await page.request.get('/api/os/network/v2.0/networks?router:external=true')).json()) as { networks: { id: string; name: string }[] };
  const pub = nets.networks.find((n) => n.name === 'public') ?? nets.networks[0];
  const made = await page.request.post('/api/os/network/v2.0/floatingips', { headers, data: { floatingip: { floating_network_id: pub.id, description: `${RUN}-ptr` } } });
  expect(made.status()).toBe(201);
  const fip = ((await made.json()) as { floatingip: { id: string; floating_ip_address: string } }).floatingip;

  await openZones(page);
  const box = page.getByRole('region', { name: `Reverse DNS for ${fip.floating_ip_address}` });
  await expect(box).toContainText('not set', SLOW);
  await box.getByRole('button', { name: 'Set PTR record' }).click();
  // Typed without its trailing dot: the form adds it (the CLI line shows what is sent).
  await box.getByLabel('PTR domain name').fill('web.example.org');
  await expect(box.getByText(`openstack ptr record set RegionOne:${fip.id} web.example.org.`)).toBeVisible();
  await box.getByRole('button', { name: 'Save PTR record' }).click();
  await expect(box.locator('code').filter({ hasText: /^web\.example\.org\.$/ })).toBeVisible(SLOW);
  await expect(box.getByText('ACTIVE', { exact: true })).toBeVisible(SLOW);
  await box.getByRole('button', { name: 'Unset PTR record' }).click();
  await expect(box).toContainText('not set', SLOW);
  expect((await page.request.delete(`/api/os/network/v2.0/floatingips/${fip.id}`, { headers })).status()).toBe(204);
});
