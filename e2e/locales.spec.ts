// In every locale, every page of the nav shows no English outside API data: no text node, accessible name,
// title or placeholder equals an English catalog message whose translation differs (a message with arguments
// counts when its longest literal run appears). The overview and each section's list are walked per locale.
// The views mark API data translate="no" (names, raw statuses, cells and fields holding what a cloud sent), and
// CLI lines are code: neither is read here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { leaves, type Catalog } from '@/lib/i18n/catalog';
import { LOCALES } from '@/lib/i18n/locales';
import { SECTIONS } from '@/lib/resources/registry';
import { expect, test } from './fixtures';
import { skipOnRealcloud } from './helpers';
import { openSettled, projectHome } from './pages';

const catalog = (locale: string) => leaves(JSON.parse(readFileSync(path.join(__dirname, '../lib/i18n/messages', `${locale}.json`), 'utf8')) as Catalog);
const EN = catalog('en');

/** What would betray an untranslated message: whole plain messages, and the longest literal run of the others. */
function englishTells(locale: string): { whole: Set<string>; parts: string[] } {
  const local = catalog(locale);
  // Text this locale's own catalog holds is not a leftover, whichever message it belongs to ("Public" in French).
  const own = new Set(local.values());
  const whole = new Set<string>();
  const parts: string[] = [];
  for (const [key, en] of EN) {
    if (local.get(key) === en) continue; // the same word in both languages (Cloud, Router, IPv4)
    if (!/[{<]/.test(en)) {
      if (/[A-Za-z]{3}/.test(en) && !own.has(en)) whole.add(en);
      continue;
    }
    const run = en.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<[^>]+>/).map((s) => s.trim()).sort((a, b) => b.length - a.length)[0];
    if (run && run.length >= 14 && !local.get(key)?.includes(run)) parts.push(run);
  }
  return { whole, parts };
}

test.describe.configure({ timeout: 300_000 });

for (const locale of LOCALES.filter((l) => l !== 'en')) {
  test(`${locale}: no English on the overview or any section's list`, async ({ page, context, baseURL }) => {
    skipOnRealcloud('the same pages and catalogs on both backends; the demo cloud has an object of every kind');
    const home = await projectHome(page);
    await context.addCookies([{ name: 'stratus-locale', value: locale, url: baseURL! }]);
    const { whole, parts } = englishTells(locale);
    const found: string[] = [];
    for (const p of ['', ...SECTIONS.filter((s) => !s.hidden && !s.slug.startsWith('admin/')).map((s) => s.slug)]) {
      await openSettled(page, home, p);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const texts = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('script, style, code, pre, [data-api], [translate="no"]')) continue;
          const t = n.textContent?.trim();
          if (t) out.push(t);
        }
        // A tooltip on API data repeats that data (a truncated name's full text), so it is data too.
        const data = (el: Element) => !!el.closest('[data-api], [translate="no"]');
        for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
          for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
            const v = el.getAttribute(a)?.trim();
            if (v && !(a === 'title' && data(el))) out.push(v);
          }
        return out;
      });
      for (const t of texts) {
        if (whole.has(t)) found.push(`/${p}: "${t}"`);
        else for (const run of parts) if (t.includes(run)) found.push(`/${p}: "${t}" (${run})`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });
}
