// Which language a request gets: an explicit `?lang=` (a shared link), else the user's choice (cookie), else the
// browser's Accept-Language, else the deployment's default; only enabled locales count. Pure.
import { match } from '@formatjs/intl-localematcher';
import { canonical, isLocale, type Locale, type LocaleConfig } from './locales';

/** Accept-Language ranges, best first (`de-CH;q=0.9` -> { tag: 'de-CH', q: 0.9 }); q=0 ranges are dropped. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.tag && r.tag !== '*' && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((r) => r.tag);
}

/** An explicit choice (`?lang=`, the cookie) when it names an enabled locale, in any case (`zh-cn`). */
export function explicitLocale(value: string | null | undefined, enabled: readonly Locale[]): Locale | undefined {
  const l = canonical(value ?? '');
  return isLocale(l) && enabled.includes(l) ? l : undefined;
}

export interface LocaleRequest {
  query?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}

export function pickLocale(req: LocaleRequest, config: LocaleConfig): Locale {
  const explicit = explicitLocale(req.query, config.enabled) ?? explicitLocale(req.cookie, config.enabled);
  if (explicit) return explicit;
  // CLDR's language matching (de-AT -> de, zh-Hans -> zh-CN, pt-PT -> pt-BR), from FormatJS.
  const ranges = acceptedLanguages(req.acceptLanguage).filter(isValidTag);
  return ranges.length ? (match(ranges, config.enabled, config.fallback) as Locale) : config.fallback;
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}
