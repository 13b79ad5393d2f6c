import 'server-only';
// This deployment's languages, read from the environment once per process.
import { localeConfig } from './locales';

export const LOCALE_CONFIG = localeConfig(process.env);
