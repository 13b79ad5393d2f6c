import { badRequest, conflict, forbidden, notFound } from '../../core/errors';
import { hexId } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { Project } from './model';
import { adminOnly, enforce } from './policy';
import { collection, filterBy, projectView } from './render';
import { ProjectCreateSchema, ProjectUpdateSchema } from './schemas';
import { DEFAULT_DOMAIN_ID } from './seed';

export function projectRoutes(r: Router, { m }: IdentityDeps): void {
  const get = (id: string): Project => {
    const p = m.s.projects[id];
    if (!p) throw notFound(`Could not find project: ${id}.`);
    return p;
  };
  const nameTaken = (name: string, domainId: string, except?: string) => {
    const other = m.findProjectByName(name, domainId);
    if (other && other.id !== except) {
      throw conflict(
        `Conflict occurred attempting to store project - it is not permitted to have two projects with the same name in the same domain : ${name}.`,
      );
    }
  };

  r.get('/v3/projects', (ctx) => {
    adminOnly('identity:list_projects', ctx.auth());
    const items = filterBy(ctx, Object.values(m.s.projects), ['name', 'domain_id', 'enabled', 'parent_id']);
    return json(200, collection(ctx, 'projects', items.map((p) => projectView(ctx, p))));
  });

  r.get('/v3/projects/{project_id}', (ctx) => {
    const auth = ctx.auth();
    // Members may read the project their token is scoped to.
    enforce('identity:get_project', auth.isAdmin || auth.project?.id === ctx.params.project_id);
    return json(200, { project: projectView(ctx, get(ctx.params.project_id)) });
  });

  r.post('/v3/projects', async (ctx) => {
    adminOnly('identity:create_project', ctx.auth());
    const { project: b } = await ctx.body(ProjectCreateSchema);
    const domainId = b.domain_id ?? DEFAULT_DOMAIN_ID;
    if (!m.s.domains[domainId]) throw notFound(`Could not find domain: ${domainId}.`);
    const parentId = b.parent_id ?? domainId;
    if (parentId !== domainId) {
      const parent = m.s.projects[parentId];
      if (!parent) throw notFound(`Could not find project: ${parentId}.`);
      if (parent.domain_id !== domainId) throw badRequest('Cannot create project, the parent is in a different domain.');
    }
    nameTaken(b.name, domainId);
    const p: Project = {
      id: hexId(),
      name: b.name,
      domain_id: domainId,
      description: b.description ?? '',
      enabled: b.enabled ?? true,
      parent_id: parentId,
      tags: b.tags ?? [],
    };
    m.s.projects[p.id] = p;
    return json(201, { project: projectView(ctx, p) });
  });

  r.patch('/v3/projects/{project_id}', async (ctx) => {
    adminOnly('identity:update_project', ctx.auth());
    const p = get(ctx.params.project_id);
    const { project: b } = await ctx.body(ProjectUpdateSchema);
    if (b.name !== undefined) nameTaken(b.name, p.domain_id, p.id);
    if (b.name !== undefined) p.name = b.name;
    if (b.description !== undefined) p.description = b.description ?? '';
    if (b.enabled !== undefined) p.enabled = b.enabled;
    if (b.tags !== undefined) p.tags = b.tags;
    return json(200, { project: projectView(ctx, p) });
  });

  r.delete('/v3/projects/{project_id}', (ctx) => {
    adminOnly('identity:delete_project', ctx.auth());
    const p = get(ctx.params.project_id);
    if (Object.values(m.s.projects).some((c) => c.parent_id === p.id)) {
      throw forbidden('Cannot delete the project since it is not a leaf in the hierarchy. Use the cascade option if you want to delete a whole subtree.');
    }
    m.deleteProject(p.id);
    return noContent();
  });
}
