// realcloud-setup: a second project for demo (the real cloud has no `demo-team`), created as admin through
// Keystone and removed by realcloud.teardown.ts. When it cannot be created, the tests that need it skip with
// the reason (see teamProject() in helpers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { test as setup } from '@playwright/test';
import { BACKENDS, REALCLOUD_TEAM_FILE, type TeamProject } from './backends';
import { createTeamProject, raiseComputeQuota, raiseNetworkQuota } from './keystone-admin';

setup('create a second project for demo on the real cloud', async () => {
  let team: TeamProject;
  try {
    team = await createTeamProject(BACKENDS.realcloud.keystone);
  } catch (e) {
    team = { error: `could not create it: ${(e as Error).message}` };
  }
  fs.mkdirSync(path.dirname(REALCLOUD_TEAM_FILE), { recursive: true });
  fs.writeFileSync(REALCLOUD_TEAM_FILE, JSON.stringify(team));
  setup.skip('error' in team, `tests needing a second project will skip: ${'error' in team ? team.error : ''}`);
});

setup('give demo room for the specs that run at once on the real cloud', async () => {
  await raiseComputeQuota(BACKENDS.realcloud.keystone);
  await raiseNetworkQuota(BACKENDS.realcloud.keystone);
});
