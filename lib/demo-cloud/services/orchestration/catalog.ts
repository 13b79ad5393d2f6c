// What Heat says about itself: resource types (list, schema, generated template), template versions and
// their functions, template validate, build info (heat/api/openstack/v1/stacks.py, build_info.py).
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { isoSeconds } from '../../core/clock';
import { HttpError } from '../../core/errors';
import { stableUuid } from '../../core/ids';
import { json, type Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { knownType } from './engine/definitions';
import { validateResources } from './engine/validate';
import { badRequest, heatError } from './errors';
import type { Json } from './model';
import { resourceTypes } from './plugins/registry';
import { REFERENCE, typeReference } from './reference';
import { authorize, extractBool, instantiation, queryBool, readBody } from './request';
import { buildDefinition } from './template/definition';
import { validateView } from './template/params';

function listTypes(ctx: RequestContext): Reply {
  authorize(ctx, ctx.params.tenant_id);
  const q = ctx.query;
  const withDescription = q.get('with_description') !== null ? extractBool('with_description', q.get('with_description')!) : false;
  let names = resourceTypes();
  const status = q.get('support_status');
  const name = q.get('name');
  const version = q.get('version');
  if (status) names = names.filter((n) => typeReference(n)?.schema.support_status.status === status);
  if (version) names = names.filter((n) => typeReference(n)?.schema.support_status.version === version);
  if (name) {
    // environment.get_types matches with re.match: anchored at the start only.
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${name})`);
    } catch {
      re = /$^/;
    }
    names = names.filter((n) => re.test(n));
  }
  return json(200, { resource_types: withDescription ? names.map((n) => ({ resource_type: n, description: typeReference(n)?.description ?? '' })) : names });
}

function typeOrNotFound(type: string) {
  const ref = knownType(type) ? typeReference(type) : undefined;
  if (!ref) throw heatError(404, 'EntityNotFound', `The Resource Type (${type}) could not be found.`);
  return ref;
}

function generateTemplate(ctx: RequestContext): Reply {
  authorize(ctx, ctx.params.tenant_id);
  const kind = ctx.query.get('template_type') ?? 'cfn';
  if (kind !== 'cfn' && kind !== 'hot') throw badRequest(`Template type is not supported: Invalid template type "${kind}", valid types are: cfn, hot.`);
  const ref = typeOrNotFound(ctx.params.type_name);
  const t = kind === 'hot' ? ref.template_hot : ref.template_cfn;
  // Heat itself fails on some types (OS::Heat::Value: KeyError); the recorded failure is answered as is.
  if ('__error__' in t) throw heatError(500, String(((t.__error__ as Record<string, Record<string, Json>>).error ?? {}).type ?? 'KeyError'), '');
  return json(200, t);
}

function versions(ctx: RequestContext): Reply {
  authorize(ctx, ctx.params.tenant_id);
  return json(200, { template_versions: REFERENCE.template_versions });
}

function functions(ctx: RequestContext): Reply {
  authorize(ctx, ctx.params.tenant_id);
  const v = ctx.params.template_version;
  const withCondition = ctx.query.get('with_condition_func') !== null ? extractBool('with_condition_func', ctx.query.get('with_condition_func')!) : false;
  const alias = REFERENCE.template_versions.find((x) => x.aliases.includes(v))?.version ?? v;
  const f = REFERENCE.functions[alias];
  if (!f) throw heatError(404, 'NotFound', `Template with version ${v} not found`);
  return json(200, { template_functions: withCondition ? f.with_condition : f.plain });
}

/** POST /validate: the template's parameters (validate's own format) and environment, or a 400 with the problem. */
async function validate(ctx: RequestContext): Promise<Reply> {
  const auth = authorize(ctx, ctx.params.tenant_id);
  const inst = await instantiation(await readBody(ctx), false);
  queryBool(ctx, 'show_nested', false);
  const src = { template: inst.template!, environment: inst.environment, files: inst.files };
  try {
    const def = buildDefinition(src, { stackId: 'None', stackName: 'dummy', projectId: auth.project.id }, { validateValues: false, knownType });
    await validateResources(def, inst.files, null, 'validate');
    const e = inst.environment;
    return json(200, {
      Description: def.tmpl.description,
      Parameters: Object.fromEntries(Object.values(def.schemas).map((s) => [s.name, validateView(s, e.parameters[s.name])])),
      ...(def.tmpl.parameterGroups ? { ParameterGroups: def.tmpl.parameterGroups } : {}),
      Environment: { resource_registry: e.resource_registry, parameters: e.parameters, parameter_defaults: e.parameter_defaults, event_sinks: e.event_sinks },
    });
  } catch (err) {
    // Validation failures come back as {"Error": str(ex)}, which the API turns into a plain 400; other
    // exceptions (bad versions, references, parameter schemas) keep their own type.
    if (err instanceof HttpError && ['StackValidationFailed', 'InvalidTemplateSection'].includes(err.type ?? '')) throw badRequest(err.message.replace(/: : /g, ': '));
    throw err;
  }
}

export function catalogRoutes(router: Router, core: CloudCore): void {
  const t = '/v1/{tenant_id}';
  router.get(`${t}/resource_types`, listTypes);
  router.get(`${t}/resource_types/{type_name}`, (ctx) => {
    authorize(ctx, ctx.params.tenant_id);
    return json(200, typeOrNotFound(ctx.params.type_name).schema);
  });
  router.get(`${t}/resource_types/{type_name}/template`, generateTemplate);
  router.get(`${t}/template_versions`, versions);
  router.get(`${t}/template_versions/{template_version}/functions`, functions);
  router.post(`${t}/validate`, validate);
  // One heat-engine, up since the cloud started (service:index is admin only).
  const started = core.clock.now();
  router.get(`${t}/services`, (ctx) => {
    const auth = authorize(ctx, ctx.params.tenant_id);
    if (!auth.isAdmin) throw heatError(403, 'Forbidden', 'You are not authorized to use service:index.');
    const at = (ms: number) => `${isoSeconds(ms).replace('Z', '')}.000000`;
    return json(200, {
      services: [{
        id: stableUuid('heat-engine-service'), binary: 'heat-engine', engine_id: stableUuid('heat-engine'), host: 'demo-cloud', hostname: 'demo-cloud', topic: 'engine',
        report_interval: 60, created_at: at(started), updated_at: at(core.clock.now()), deleted_at: null, status: 'up',
      }],
    });
  });
  router.get(`${t}/build_info`, (ctx) => {
    authorize(ctx, ctx.params.tenant_id);
    return json(200, { api: { revision: 'unknown' }, engine: { revision: 'unknown' } });
  });
}
