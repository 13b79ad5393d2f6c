// Instance actions (POST /instances/{id}/action): restart (REBOOT), resize of the flavor or the volume
// (RESIZE), then back to ACTIVE/HEALTHY. Nova and Cinder change at once; Trove's view when the task ends.
import type { Router } from '../../core/router';
import { checkVolumeSize } from './instances';
import * as x from './deps';
import { badRequest } from './errors';
import { checkCanAct, runAction, TIMES } from './lifecycle';
import type { DbInstance } from './model';
import { checkQuota } from './quotas';
import { getInstance, instanceRoute, readJson, type TroveDeps } from './request';

const accepted = () => ({ status: 202, raw: '', contentType: 'application/json' });

export function actionRoutes(router: Router, { core, s }: TroveDeps): void {
  const resizeFlavor = (inst: DbInstance, ref: unknown, projectId: string, isAdmin: boolean) => {
    const id = String(ref).split('/').pop() ?? '';
    if (id === inst.flavor_id) throw badRequest(`The new flavor id must be different than the current flavor id of '${inst.flavor_id}'.`);
    const flavor = x.listedFlavors(core, projectId, isAdmin).find((f) => f.id === id);
    if (!flavor) throw badRequest(`Resource ${id} cannot be found.`);
    checkCanAct(inst);
    checkQuota(core, s, inst.project_id, { ram: flavor.ram - (x.findFlavor(core, inst.flavor_id)?.ram ?? 0) });
    if (inst.server_id) x.resizeServiceServer(core, inst.server_id, flavor.id);
    runAction(core, inst, 'RESIZE', TIMES.resize, { flavor_id: flavor.id });
  };
  const resizeVolume = (inst: DbInstance, volume: unknown) => {
    const size = checkVolumeSize((volume as { size?: unknown } | null)?.size);
    if (size <= inst.volume_size) throw badRequest(`The new volume 'size' must be larger than the current volume size of '${inst.volume_size}'.`);
    checkCanAct(inst);
    checkQuota(core, s, inst.project_id, { volumes: size - inst.volume_size });
    if (inst.volume_id) x.extendServiceVolume(core, inst.volume_id, size);
    runAction(core, inst, 'RESIZE', TIMES.resize, { volume_size: size });
  };

  instanceRoute(router, core, 'POST', '/v1.0/{tenant_id}/instances/{id}/action', async (ctx) => {
    const auth = ctx.authProject();
    const inst = getInstance(core, auth, ctx.params.id);
    const body = await readJson(ctx);
    if ('restart' in body) {
      checkCanAct(inst);
      runAction(core, inst, 'REBOOT', TIMES.reboot);
    } else if ('resize' in body) {
      const r = (body.resize ?? {}) as Record<string, unknown>;
      if ('volume' in r && 'flavorRef' in r) throw badRequest('Validation error: resize is not valid under any of the given schemas');
      if ('flavorRef' in r) resizeFlavor(inst, r.flavorRef, auth.project.id, auth.isAdmin);
      else if ('volume' in r) resizeVolume(inst, r.volume);
      else throw badRequest('Validation error: resize is not valid under any of the given schemas');
    } else if ('reset_status' in body && auth.isAdmin) {
      inst.status = 'ERROR';
      inst.operating_status = '';
      delete inst._pending;
    } else {
      throw badRequest('Invalid request body.');
    }
    core.state.markDirty();
    return accepted();
  });
}
