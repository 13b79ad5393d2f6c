// What the guest agent manages inside an instance: databases, users and their access, the root user.
// Names are checked with Trove's MySQL rules (trove/common/db/mysql/models.py); mysql and mariadb only.
import { randomBytes } from 'node:crypto';
import { json } from '../../core/reply';
import type { RequestContext } from '../../core/context';
import type { Handler, Router } from '../../core/router';
import { badRequest, troveError } from './errors';
import { checkGuest } from './lifecycle';
import type { DbInstance, GuestDatabase, GuestUser } from './model';
import { getInstance, instanceRoute, readJson, type TroveDeps } from './request';

const T = '/v1.0/{tenant_id}/instances/{id}';
/** MySQLSchema.dbname: letters, digits, _ and -, optionally with inner spaces, ?, # or @. */
const DB_NAME = /^[A-Za-z0-9_-]+[\s?#@]*[A-Za-z0-9_-]+$|^[A-Za-z0-9_-]$/;
const USER_NAME = /^[^'"`;\\]+$/;
/** Trove's ignore_users for mysql: names the API never creates, lists or deletes. */
const RESERVED_USERS = ['os_admin', 'root'];

export const databaseNotFound = (name: string) => troveError(404, `Database ${name} cannot be found on the instance.`);
const userNotFound = (name: string, host: string) => troveError(404, `User ${name}@${host} cannot be found on the instance.`);

function checkDatabaseName(name: unknown): string {
  if (typeof name !== 'string' || !name) throw badRequest('Schema name empty.');
  if (name.length > 64) throw badRequest(`Schema name '${name}' is too long. Max length = 64.`);
  if (!DB_NAME.test(name)) throw badRequest(`'${name}' is not a valid schema name.`);
  return name;
}

function listOf(raw: unknown, field: string): Array<Record<string, unknown>> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest(`Validation error: ${field} ${JSON.stringify(raw)} is not of type 'array'`);
  return raw.map((x, i) => {
    if (!x || typeof x !== 'object') throw badRequest(`Validation error: ${field}[${i}] ${JSON.stringify(x)} is not of type 'object'`);
    return x as Record<string, unknown>;
  });
}

export function parseDatabases(raw: unknown): GuestDatabase[] {
  return listOf(raw, 'databases').map((d, i) => {
    if (d.name === undefined) throw badRequest(`Validation error: databases[${i}] 'name' is a required property`);
    return { name: checkDatabaseName(d.name), character_set: String(d.character_set ?? 'utf8mb3'), collate: String(d.collate ?? 'utf8mb3_general_ci') };
  });
}

export function parseUsers(raw: unknown): GuestUser[] {
  return listOf(raw, 'users').map((u, i) => {
    for (const k of ['name', 'password']) if (u[k] === undefined) throw badRequest(`Validation error: users[${i}] '${k}' is a required property`);
    const name = String(u.name);
    if (!name) throw badRequest('User name empty.');
    if (name.length > 16) throw badRequest(`User name '${name}' is too long. Max length = 16.`);
    if (!USER_NAME.test(name)) throw badRequest(`'${name}' is not a valid user name.`);
    if (RESERVED_USERS.includes(name)) throw badRequest(`User create error: User name "${name}" is on the reserved list: ['os_admin', 'root'].`);
    const dbs = listOf(u.databases, `users[${i}].databases`).map((d) => checkDatabaseName(d.name));
    return { name, host: typeof u.host === 'string' && u.host ? u.host : '%', databases: dbs };
  });
}

/** `name` or `name@host` from the path (the router has decoded it once: `%` is a host wildcard, not an escape). */
function userRef(decoded: string): { name: string; host: string } {
  const at = decoded.lastIndexOf('@');
  return at > 0 ? { name: decoded.slice(0, at), host: decoded.slice(at + 1) } : { name: decoded, host: '%' };
}

function findUser(inst: DbInstance, raw: string): GuestUser {
  const ref = userRef(raw);
  const u = inst.users.find((x) => x.name === ref.name && x.host === ref.host);
  if (!u) throw userNotFound(ref.name, ref.host);
  return u;
}

const accepted = () => ({ status: 202, raw: '', contentType: 'application/json' });
const renderUser = (u: GuestUser) => ({ name: u.name, host: u.host, databases: u.databases.map((name) => ({ name })) });

export function guestRoutes(router: Router, { core, s }: TroveDeps): void {
  /** The instance of the path, checked like Trove's load_and_verify (ready mysql/mariadb guest). */
  const guest = (ctx: RequestContext) => {
    const inst = getInstance(core, ctx.authProject(), ctx.params.id);
    checkGuest(s, inst);
    core.state.markDirty();
    return inst;
  };
  const route = (method: string, path: string, h: Handler) => instanceRoute(router, core, method, `${T}${path}`, h);

  route('GET', '/databases', (ctx) => json(200, { databases: guest(ctx).databases.map((d) => ({ name: d.name })) }));
  route('POST', '/databases', async (ctx) => {
    const inst = guest(ctx);
    const dbs = parseDatabases((await readJson(ctx)).databases);
    for (const d of dbs) if (inst.databases.some((x) => x.name === d.name)) throw badRequest(`A database with the name "${d.name}" already exists.`);
    inst.databases.push(...dbs);
    return accepted();
  });
  route('DELETE', '/databases/{name}', (ctx) => {
    const inst = guest(ctx);
    const name = ctx.params.name;
    if (!inst.databases.some((d) => d.name === name)) throw databaseNotFound(name);
    inst.databases = inst.databases.filter((d) => d.name !== name);
    for (const u of inst.users) u.databases = u.databases.filter((d) => d !== name);
    return accepted();
  });

  route('GET', '/users', (ctx) => json(200, { users: guest(ctx).users.map(renderUser) }));
  route('POST', '/users', async (ctx) => {
    const inst = guest(ctx);
    const users = parseUsers((await readJson(ctx)).users);
    for (const u of users) {
      if (inst.users.some((x) => x.name === u.name && x.host === u.host)) throw badRequest(`A user with the name "${u.name}" already exists.`);
      for (const d of u.databases) if (!inst.databases.some((x) => x.name === d)) inst.databases.push({ name: d, character_set: 'utf8mb3', collate: 'utf8mb3_general_ci' });
    }
    inst.users.push(...users);
    return accepted();
  });
  route('GET', '/users/{user}', (ctx) => json(200, { user: renderUser(findUser(guest(ctx), ctx.params.user)) }));
  route('PUT', '/users/{user}', async (ctx) => {
    const inst = guest(ctx);
    const u = findUser(inst, ctx.params.user);
    const body = (await readJson(ctx)).user as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') throw badRequest("Validation error: body 'user' is a required property");
    if (typeof body.name === 'string' && body.name) u.name = parseUsers([{ name: body.name, password: 'x' }])[0].name;
    if (typeof body.host === 'string' && body.host) u.host = body.host;
    return accepted();
  });
  route('DELETE', '/users/{user}', (ctx) => {
    const inst = guest(ctx);
    const u = findUser(inst, ctx.params.user);
    inst.users = inst.users.filter((x) => x !== u);
    return accepted();
  });
  route('GET', '/users/{user}/databases', (ctx) => json(200, { databases: findUser(guest(ctx), ctx.params.user).databases.map((name) => ({ name })) }));
  route('PUT', '/users/{user}/databases', async (ctx) => {
    const inst = guest(ctx);
    const u = findUser(inst, ctx.params.user);
    const names = parseDatabases((await readJson(ctx)).databases).map((d) => d.name);
    for (const n of names) if (!inst.databases.some((d) => d.name === n)) throw databaseNotFound(n);
    u.databases = [...new Set([...u.databases, ...names])];
    return accepted();
  });
  route('DELETE', '/users/{user}/databases/{db}', (ctx) => {
    const inst = guest(ctx);
    const u = findUser(inst, ctx.params.user);
    const db = ctx.params.db;
    u.databases = u.databases.filter((d) => d !== db);
    return accepted();
  });

  // Root: the password is shown once (Trove never stores it); GET only says whether root was ever enabled.
  route('POST', '/root', (ctx) => {
    const inst = guest(ctx);
    inst.root_enabled = true;
    return json(200, { user: { name: 'root', password: randomBytes(27).toString('base64url').slice(0, 36) } });
  });
  route('GET', '/root', (ctx) => json(200, { rootEnabled: guest(ctx).root_enabled }));
}
