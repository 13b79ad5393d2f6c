// Types next-intl's hooks by the English catalog: a key that en.json lacks is a type error.
import type en from './messages/en.json';
import type { Locale } from './locales';

declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof en;
    Locale: Locale;
  }
}
