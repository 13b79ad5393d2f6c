// realcloud-teardown: removes the project realcloud.setup.ts created.
import fs from 'node:fs';
import { test as teardown } from '@playwright/test';
import { BACKENDS, readRealcloudTeam, REALCLOUD_TEAM_FILE } from './backends';
import { deleteProject } from './keystone-admin';

teardown('remove the second project from the real cloud', async () => {
  const team = readRealcloudTeam();
  teardown.skip('error' in team, 'no project was created');
  if ('id' in team) await deleteProject(BACKENDS.realcloud.keystone, team.id);
  fs.rmSync(REALCLOUD_TEAM_FILE, { force: true });
});
