// The two backends every e2e flow runs against, as two Playwright projects (see playwright.config.ts):
// - demo: the built-in demo cloud (`npm run demo`), two regions, a second project `demo-team`, a "lite" stack;
// - realcloud: real OpenStack Zed from ../shared/realcloud (scripts/realcloud.sh), one region, no data plane.
// Plain data only (no Playwright imports): playwright.config.ts reads it too.
import fs from 'node:fs';

export type BackendName = 'demo' | 'realcloud';

export interface Backend {
  name: BackendName;
  /** Cloud id in the dashboard's URLs (`/<cloud>/<projectId>`) and in login requests. */
  cloud: string;
  /** The cloud's name as the login page shows it. */
  displayName: string;
  baseURL: string;
  /** Saved by auth.setup.ts for this backend. */
  storageState: string;
  /** Keystone v3 of this backend, for looking up ids without the dashboard. */
  keystone: string;
  regions: string[];
  /** Whether the cloud runs real workloads (console output, floating IPs turning ACTIVE, Magnum clusters completing). */
  dataPlane: boolean;
}

export const DEMO_PORT = process.env.E2E_PORT ?? '3100';
export const DEMO_CLOUD_PORT = process.env.DEMO_CLOUD_PORT ?? '5150';
export const LITE_PORT = process.env.E2E_LITE_PORT ?? '3101';
export const LITE_CLOUD_PORT = process.env.E2E_LITE_CLOUD_PORT ?? '5151';
export const REALCLOUD_PORT = process.env.E2E_REALCLOUD_PORT ?? '3102';

/** The second demo stack (no object storage); demo project only. */
export const LITE_URL = `http://127.0.0.1:${LITE_PORT}`;

/** The realcloud's own clouds.yaml (with passwords; read for its auth_url only). */
export const REALCLOUD_SOURCE_YAML = process.env.REALCLOUD_CLOUDS_YAML ?? '/var/lib/realcloud/clouds.yaml';
/** The dashboard's clouds.yaml for the realcloud stack, written by playwright.config.ts (no passwords). */
export const REALCLOUD_DASHBOARD_YAML = '.stratus/e2e-realcloud-clouds.yaml';
/** The second project on the realcloud, created by realcloud.setup.ts and removed by realcloud.teardown.ts. */
export const REALCLOUD_TEAM_FILE = 'e2e/.auth/realcloud-team.json';
export const REALCLOUD_TEAM_PREFIX = 'stratus-e2e-team-';

export const BACKENDS: Record<BackendName, Backend> = {
  demo: {
    name: 'demo',
    cloud: 'demo',
    displayName: 'Demo cloud',
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    storageState: 'e2e/.auth/demo.json',
    keystone: `http://127.0.0.1:${DEMO_CLOUD_PORT}/identity/v3`,
    regions: ['RegionOne', 'RegionTwo'],
    dataPlane: true,
  },
  realcloud: {
    name: 'realcloud',
    cloud: 'realcloud',
    displayName: 'Real OpenStack (realcloud)',
    baseURL: `http://127.0.0.1:${REALCLOUD_PORT}`,
    storageState: 'e2e/.auth/realcloud.json',
    // Set by playwright.config.ts from the realcloud's clouds.yaml; workers inherit it.
    keystone: process.env.E2E_REALCLOUD_KEYSTONE ?? 'http://127.0.0.1:5000/v3',
    regions: ['RegionOne'],
    dataPlane: false,
  },
};

/** Playwright project name -> backend: `realcloud`, `realcloud-setup`, `realcloud-teardown` are the real cloud. */
export function backendNameOf(projectName: string): BackendName {
  return projectName.startsWith('realcloud') ? 'realcloud' : 'demo';
}

export type TeamProject = { id: string; name: string } | { error: string };

/** The realcloud's second project as realcloud.setup.ts left it (or why it could not be created). */
export function readRealcloudTeam(): TeamProject {
  try {
    return JSON.parse(fs.readFileSync(REALCLOUD_TEAM_FILE, 'utf8')) as TeamProject;
  } catch {
    return { error: `${REALCLOUD_TEAM_FILE} is missing (the realcloud-setup project did not run)` };
  }
}
