// `test` with a `backend` fixture: the backend of the running Playwright project (see e2e/backends.ts).
//   import { expect, test } from './fixtures';
//   test('...', async ({ page, backend }) => { test.skip(backend.regions.length < 2, 'one region'); ... });
import { test as base } from '@playwright/test';
import { backend as currentBackend, type Backend } from './helpers';

export { expect } from '@playwright/test';

export const test = base.extend<{ backend: Backend }>({
  // A Playwright fixture, not a React hook: `provide` is Playwright's `use` callback.
  backend: async ({}, provide) => {
    await provide(currentBackend());
  },
});
