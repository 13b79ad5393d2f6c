// Heat's resource types (api-ref: orchestration "Resource Types"): the list with descriptions
// (`GET resource_types?with_description=true`) and one type's schema (`GET resource_types/{type}`: properties with
// type, description, required, update_allowed, default and constraints; attributes with description and type), so a
// user can write a template from the browser. All declared: the generic list and detail pages show it.
import { z } from 'zod';
import { command } from '../cli';
import { choices, define } from '../define';
import { HEAT } from './heat';

const PropertySchema = z.looseObject({
  type: z.string().nullish(),
  description: z.string().nullish(),
  required: z.boolean().nullish(),
  update_allowed: z.boolean().nullish(),
  immutable: z.boolean().nullish(),
  default: z.unknown().optional(),
  constraints: z.array(z.record(z.string(), z.unknown())).nullish(),
});
const AttributeSchema = z.looseObject({ description: z.string().nullish(), type: z.string().nullish() });

export const ResourceTypeSchema = z.looseObject({
  resource_type: z.string().min(1),
  description: z.string().nullish(),
  properties: z.record(z.string(), PropertySchema).nullish(),
  attributes: z.record(z.string(), AttributeSchema).nullish(),
  support_status: z.looseObject({ status: z.string().nullish(), version: z.string().nullish(), message: z.string().nullish() }).nullish(),
});
export type ResourceType = z.infer<typeof ResourceTypeSchema>;
type Property = z.infer<typeof PropertySchema> & { name: string };
type Attribute = z.infer<typeof AttributeSchema> & { name: string };

/** A constraint as a template author writes it (`range: {min: 1}`, `allowed_values: [a, b]`), one line each. */
export function constraintText(c: Record<string, unknown>): string {
  return Object.entries(c)
    .filter(([k]) => k !== 'description')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

export const resourceTypeDefinition = define<ResourceType>({
  kind: 'resource-type',
  slug: 'resource-types',
  label: { singular: 'kinds.resourceType.singular', plural: 'kinds.resourceType.plural', noun: 'kinds.resourceType.noun' },
  service: HEAT.service,
  paths: { list: 'resource_types?with_description=true', item: (type) => `resource_types/${type}` },
  keys: { list: 'resource_types', item: '' },
  schema: ResourceTypeSchema,
  id: (r) => r.resource_type,
  name: (r) => r.resource_type,
  columns: [
    { id: 'name', label: 'common.type', value: (r) => r.resource_type, cell: 'name', width: 'lg', short: false },
    { id: 'description', label: 'common.description', value: (r) => r.description ?? '', width: 'fill' },
  ],
  filters: [
    // Heat matches `name` as a regular expression from the start of the type ("OS::Nova" lists Nova's types).
    { id: 'name', label: 'common.type', type: 'text' },
    { id: 'support_status', label: 'kinds.resourceType.fields.supportStatus', type: 'select', options: choices(['SUPPORTED', 'DEPRECATED', 'UNSUPPORTED']) },
  ],
  overview: [
    { label: 'common.type', value: (r) => r.resource_type, mono: true },
    { label: 'common.description', value: (r) => r.description ?? '' },
    { label: 'kinds.resourceType.fields.supportStatus', value: (r) => [r.support_status?.status, r.support_status?.version].filter(Boolean).join(' ') },
  ],
  tables: [
    {
      heading: 'kinds.resourceType.fields.properties',
      label: 'kinds.resourceType.fields.properties',
      empty: 'kinds.resourceType.fields.noProperties',
      rows: (r: ResourceType): Property[] => Object.entries(r.properties ?? {}).map(([name, p]) => ({ ...p, name })).sort((a, b) => Number(!!b.required) - Number(!!a.required) || a.name.localeCompare(b.name)),
      columns: [
        { label: 'common.name', value: (p: Property) => p.name, mono: true },
        { label: 'common.type', value: (p: Property) => p.type ?? '' },
        { label: 'kinds.resourceType.fields.required', value: (p: Property) => (p.required ? '✓' : '') },
        { label: 'kinds.resourceType.fields.updatable', value: (p: Property) => (p.update_allowed ? '✓' : '') },
        { label: 'kinds.resourceType.fields.default', value: (p: Property) => (p.default === undefined || p.default === null ? '' : JSON.stringify(p.default)), mono: true },
        { label: 'kinds.resourceType.fields.constraints', value: (p: Property) => (p.constraints ?? []).map(constraintText).join('\n'), mono: true },
        { label: 'common.description', value: (p: Property) => p.description ?? '' },
      ],
    },
    {
      heading: 'kinds.resourceType.fields.attributes',
      label: 'kinds.resourceType.fields.attributes',
      empty: 'kinds.resourceType.fields.noAttributes',
      rows: (r: ResourceType): Attribute[] => Object.entries(r.attributes ?? {}).map(([name, a]) => ({ ...a, name })).sort((a, b) => a.name.localeCompare(b.name)),
      columns: [
        { label: 'common.name', value: (a: Attribute) => a.name, mono: true },
        { label: 'common.type', value: (a: Attribute) => a.type ?? '' },
        { label: 'common.description', value: (a: Attribute) => a.description ?? '' },
      ],
    },
  ],
  cli: { list: 'openstack orchestration resource type list --long', show: (r) => command('openstack orchestration resource type show', r.resource_type) },
});
