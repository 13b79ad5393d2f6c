// axe-core itself, evaluated once per loaded page and run with only violations collected: the Playwright wrapper
// re-injects axe and builds every result type on each run (2-3 s a scan against 0.3 s). Shared by the accessibility
// walk (a11y.spec.ts) and the specs that scan pages the walk cannot reach (a stack's tabs on a fresh cloud).
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Page } from '@playwright/test';

// Every rule, experimental ones too (label-content-name-mismatch is one).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice', 'experimental'];
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The violations on the page as it is now, one line each: where, rule, impact and the first elements. */
export async function violations(page: Page, where = page.url()): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // Scanned as the page opens, scrolled to its top: a flow that scrolled down leaves the heading's buttons under the
  // sticky header, which target-size reports as obscured wherever the scroll happened to stop.
  await page.evaluate(() => window.scrollTo(0, 0));
  const found = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return found.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
