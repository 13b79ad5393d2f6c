// The catalogs are complete and in step: every locale has exactly English's keys with the same ICU arguments, no
// message is empty, and every key is used somewhere in the source.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { leaves, withFallback, type Catalog } from './catalog';
import { LOCALES } from './locales';

const root = path.resolve(__dirname, '../..');
const catalog = (locale: string) => JSON.parse(readFileSync(path.join(__dirname, 'messages', `${locale}.json`), 'utf8')) as Catalog;
const en = leaves(catalog('en'));

/** The arguments a message uses (`{count, plural, …}`, `{name}`), with plural and select cases searched too. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(el.value);
        for (const opt of Object.values(el.options)) walk(opt.value);
      }
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('translation catalogs', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys, each a non-empty message with the same arguments', (locale) => {
    const msgs = leaves(catalog(locale));
    expect([...msgs.keys()].filter((k) => !en.has(k)), 'keys English does not have').toEqual([]);
    expect([...en.keys()].filter((k) => !msgs.has(k)), 'keys missing').toEqual([]);
    const bad = [...msgs].filter(([k, m]) => !m.trim() || argumentsOf(m).join() !== argumentsOf(en.get(k)!).join()).map(([k]) => k);
    expect(bad, 'empty, or other arguments than English').toEqual([]);
  });
  it('every English message parses as ICU', () => {
    for (const [key, m] of en) expect(() => argumentsOf(m), key).not.toThrow();
  });
  it('every key is used in the source', () => {
    const sources = ['app', 'components', 'lib'].flatMap(sourceFiles).map((f) => readFileSync(f, 'utf8'));
    const quoted = (s: string, text: string) => text.includes(`'${s}'`) || text.includes(`"${s}"`) || text.includes(`\`${s}\``);
    // `t('userMenu.logOut')`, or useTranslations('userMenu') and t('logOut') in one file (a namespace may be nested).
    const all = sources.join('\n');
    const used = (key: string) => {
      if (quoted(key, all)) return true;
      const parts = key.split('.');
      return sources.some((text) => quoted(key, text) || parts.slice(1).some((_, i) => quoted(parts.slice(0, i + 1).join('.'), text) && quoted(parts.slice(i + 1).join('.'), text)));
    };
    expect([...en.keys()].filter((k) => !used(k))).toEqual([]);
  }, 60_000);
  it('a message a catalog lacks falls back to English', () => {
    expect(withFallback({ a: { b: 'B', c: 'C' } }, { a: { b: 'bb' } })).toEqual({ a: { b: 'bb', c: 'C' } });
    // Precompiled messages are arrays: taken whole, never merged into the English one.
    const en = { a: ['Log in to ', ['cloud']] } as unknown as Catalog;
    const de = { a: ['Bei ', ['cloud'], ' anmelden'] } as unknown as Catalog;
    expect(withFallback(en, de)).toEqual(de);
  });
});
