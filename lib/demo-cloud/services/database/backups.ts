// Backups: NEW -> BUILDING -> COMPLETED while the instance shows BACKUP; list (all, or of one instance),
// show, delete (422 while running). A COMPLETED backup restores into a new instance (restorePoint).
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { schedule, settle } from '../../core/transitions';
import { badRequest, notFound, unprocessable } from './errors';
import { checkCanAct, TIMES } from './lifecycle';
import { troveTime, type Backup, type DatabaseState } from './model';
import { checkQuota } from './quotas';
import { getInstance, instanceRoute, member, readJson, type TroveDeps } from './request';

const T = '/v1.0/{tenant_id}';
/** What the fake guest agent reports for a backup of an empty MySQL (GB). */
const BACKUP_SIZE = 0.14;

function settleBackup(core: CloudCore, s: DatabaseState, b: Backup | undefined): Backup | undefined {
  if (!b) return undefined;
  if (settle(b, core.clock)) core.state.markDirty();
  if (b.deleted) {
    delete s.backups[b.id];
    return undefined;
  }
  return b;
}

export function findBackup(core: CloudCore, s: DatabaseState, auth: ProjectAuthInfo, id: string): Backup {
  const b = settleBackup(core, s, s.backups[id]);
  if (!b || (b.project_id !== auth.project.id && !auth.isAdmin)) throw notFound(id);
  return b;
}

export function backupRoutes(router: Router, { core, s }: TroveDeps): void {
  const render = (b: Backup) => {
    const v = s.datastores.flatMap((d) => d.versions.map((v) => ({ d, v }))).find((x) => x.v.id === b.datastore_version_id);
    return {
      id: b.id, name: b.name, description: b.description, locationRef: b.locationRef, instance_id: b.instance_id, created: b.created, updated: b.updated,
      size: b.size, status: b.status, parent_id: b.parent_id, project_id: b.project_id,
      ...(v ? { datastore: { type: v.d.name, version: v.v.name, version_id: v.v.id } } : {}),
    };
  };
  const listed = (projectId: string, instanceId?: string | null) =>
    Object.values(s.backups)
      .map((b) => settleBackup(core, s, b))
      .filter((b): b is Backup => !!b && b.project_id === projectId && (!instanceId || b.instance_id === instanceId))
      .sort((a, b) => b.created.localeCompare(a.created));

  router.get(`${T}/backups`, (ctx) => json(200, { backups: listed(ctx.authProject().project.id, ctx.query.get('instance_id')).map(render) }));
  instanceRoute(router, core, 'GET', `${T}/instances/{id}/backups`, (ctx) => {
    const inst = getInstance(core, ctx.authProject(), ctx.params.id);
    return json(200, { backups: listed(inst.project_id, inst.id).map(render) });
  });
  router.get(`${T}/backups/{id}`, (ctx) => json(200, { backup: render(findBackup(core, s, ctx.authProject(), ctx.params.id)) }));

  router.post(`${T}/backups`, async (ctx) => {
    const auth = ctx.authProject();
    const body = member(await readJson(ctx), 'backup');
    if (typeof body.name !== 'string') throw badRequest("Validation error: backup 'name' is a required property");
    if (!body.instance) throw badRequest('Unable to create Backup. instance is missing.');
    const inst = getInstance(core, auth, String(body.instance).split('/').pop() ?? '');
    checkCanAct(inst);
    const parent = body.parent_id ? findBackup(core, s, auth, String(body.parent_id)) : undefined;
    checkQuota(core, s, auth.project.id, { backups: 1 });
    const version = s.datastores.find((d) => d.name === inst.datastore)?.versions.find((v) => v.name === inst.datastore_version);
    const now = troveTime(core.clock.now());
    const b: Backup = {
      id: uuid(), name: body.name, description: typeof body.description === 'string' ? body.description : null, instance_id: inst.id, project_id: auth.project.id,
      created: now, updated: now, size: null, status: 'NEW', parent_id: parent?.id ?? null, datastore_version_id: version?.id ?? '', locationRef: null,
      contents: structuredClone({ databases: inst.databases, users: inst.users }),
    };
    const done = troveTime(core.clock.after(TIMES.backup));
    schedule(b, core.clock, [
      [1, { status: 'BUILDING', updated: troveTime(core.clock.after(1)) }],
      [TIMES.backup - 1, { status: 'COMPLETED', size: BACKUP_SIZE, updated: done, locationRef: `${ctx.baseUrl}/object-store/v1/AUTH_${auth.project.id}/database_backups/${b.id}.xbstream.gz.enc` }],
    ]);
    // The instance shows BACKUP while the guest streams it; the database keeps serving (operating_status stays).
    inst.status = 'BACKUP';
    schedule(inst, core.clock, [[TIMES.backup, { status: 'ACTIVE', updated: done }]]);
    s.backups[b.id] = b;
    core.state.markDirty();
    return json(202, { backup: render(b) });
  });

  router.delete(`${T}/backups/{id}`, (ctx) => {
    const b = findBackup(core, s, ctx.authProject(), ctx.params.id);
    if (b.status === 'NEW' || b.status === 'BUILDING') throw unprocessable(`Backup ${b.id} cannot be deleted because it is running.`);
    // Children (incremental backups) go with their parent.
    for (const child of Object.values(s.backups)) if (child.parent_id === b.id) delete s.backups[child.id];
    delete s.backups[b.id];
    core.state.markDirty();
    return { status: 202, raw: '', contentType: 'application/json' };
  });
}
