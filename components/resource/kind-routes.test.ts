import { describe, expect, it } from 'vitest';
import { OVERRIDES } from './kind-routes';
import { KIND_VIEWS } from './kind-views';

// The server pages answer 404 from kind-routes.ts; the client renders from kind-views.tsx. They must agree, or a
// page 404s although its view exists (or renders nothing where the server promised a page).
describe('kind-routes.ts agrees with kind-views.tsx', () => {
  it('names the same slugs', () => {
    expect(Object.keys(OVERRIDES).sort()).toEqual(Object.keys(KIND_VIEWS).sort());
  });
  it.each(Object.keys(KIND_VIEWS))('%s has the same parts', (slug) => {
    const v = KIND_VIEWS[slug];
    const o = OVERRIDES[slug];
    expect({ list: !!o?.list, detail: !!o?.detail, create: !!o?.create }).toEqual({
      list: !!v.List, detail: !!v.Detail, create: !!v.Create,
    });
  });
});
