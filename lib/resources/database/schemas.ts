// What a database and a user look like to Trove's MySQL guest (trove/common/db/mysql/models.py): names of at most 64
// characters (users 32 in MySQL 5.7+, Trove checks 80 for the name and the host apart), no spaces, quotes,
// backslashes or `@`; the schemas the create forms validate with, each error a catalog key.
import { z } from 'zod';

const SAFE = /^[^\s'"`\\@;/]+$/;

export const dbNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'kinds.databaseInstance.errors.dbNameRequired' })
  .max(64, { error: 'kinds.databaseInstance.errors.dbNameLength' })
  .regex(SAFE, { error: 'kinds.databaseInstance.errors.dbNameCharacters' });

export const userNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'kinds.databaseInstance.errors.userRequired' })
  .max(32, { error: 'kinds.databaseInstance.errors.userLength' })
  .regex(SAFE, { error: 'kinds.databaseInstance.errors.userCharacters' });

export const passwordSchema = z.string().min(1, { error: 'kinds.databaseInstance.errors.passwordRequired' });

/** A MySQL host pattern: empty (any, `%`), an address, a name or a wildcard pattern. */
export const hostSchema = z
  .string()
  .trim()
  .refine((s) => s === '' || /^[A-Za-z0-9.%_:-]+$/.test(s), { error: 'kinds.databaseInstance.errors.host' });

/** `db1, db2` as names (blank entries dropped); each must be a valid database name. */
export const dbListSchema = z
  .string()
  .refine((s) => splitNames(s).every((n) => dbNameSchema.safeParse(n).success), { error: 'kinds.databaseInstance.errors.dbList' });

export const splitNames = (s: string): string[] => [...new Set(s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean))];
export const named = (names: readonly string[]) => names.map((name) => ({ name }));
