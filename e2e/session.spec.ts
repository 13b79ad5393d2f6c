import { expect, test } from './fixtures';
import { apiLogIn, keystoneProjects, LOGGED_OUT, logIn, PROJECT_URL, projectButton, projectPath, teamProject } from './helpers';

// Fresh browser contexts: these tests log in (and out) on their own.
test.use({ storageState: LOGGED_OUT });

test('a copied deep link survives the login page', async ({ page, baseURL, backend }) => {
  const team = teamProject();
  const ids = await keystoneProjects('demo', 'demo');
  // Another project, and on the demo cloud another region than the default too.
  const region = backend.regions.at(-1)!;
  const deepLink = `${projectPath(ids[team])}?region=${region}`;
  await page.goto(deepLink);
  await expect(page).toHaveURL(/\/login\?/);
  expect(new URL(page.url()).searchParams.get('next')).toBe(deepLink);
  await logIn(page, 'demo', 'demo');
  await expect(page).toHaveURL(`${baseURL}${deepLink}`);
  await expect(projectButton(page)).toHaveAccessibleName(`Project: ${team}`);
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Region' })).toHaveValue(region);
});

test('logging out returns to the login page and locks the old page', async ({ page }) => {
  await page.goto('/login');
  await logIn(page, 'demo', 'demo');
  await expect(page).toHaveURL(PROJECT_URL);
  const appUrl = page.url();
  // Right after the login the page may not have hydrated: a click on the menu button then does nothing, so it is
  // clicked again until the menu (a chunk loaded on first open) shows its Log out.
  await expect(async () => {
    await page.getByRole('button', { name: /User menu for demo/ }).click();
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(appUrl);
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('switching project keeps the page and changes URL and header', async ({ page, baseURL }) => {
  const team = teamProject();
  const ids = await keystoneProjects('demo', 'demo');
  await apiLogIn(page, baseURL);
  await page.goto(`${projectPath(ids.demo)}/volumes?region=RegionOne`);
  await expect(projectButton(page)).toHaveAccessibleName('Project: demo');
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await projectButton(page).click();
  const search = page.getByRole('combobox', { name: 'Search projects' });
  await expect(search).toBeFocused();
  // The whole name: a real cloud may hold another run's team project too.
  await search.fill(team);
  await expect(page.getByRole('option', { name: team })).toBeVisible();
  await search.press('Enter');
  await expect(page).toHaveURL(`${projectPath(ids[team])}/volumes?region=RegionOne`);
  await expect(projectButton(page)).toHaveAccessibleName(`Project: ${team}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
});

test('a link to another project asks before switching the session', async ({ page, baseURL }) => {
  const team = teamProject();
  const ids = await keystoneProjects('demo', 'demo');
  await apiLogIn(page, baseURL);
  // As a link from another site would: following it alone changes nothing.
  await page.goto(`${projectPath(ids[team])}/volumes?region=RegionOne`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Switch to project ${team}?`);
  const session = async () => ((await (await page.request.get('/api/auth/session')).json()) as { project: { name: string } }).project.name;
  expect(await session()).toBe('demo');
  // The switch is the focused button: Enter confirms it.
  await expect(page.getByRole('button', { name: `Switch to ${team}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(projectButton(page)).toHaveAccessibleName(`Project: ${team}`);
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
  expect(await session()).toBe(team);
});
