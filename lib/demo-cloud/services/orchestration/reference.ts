// What real Heat 19.0.0 (Zed) answers about itself, recorded from its API (heat-reference.json):
// the schema, description and generated templates of each resource type the demo cloud implements,
// the template versions and each version's functions. Recorded rather than retyped so that
// `resource type show`, property validation and `template function list` match Heat word for word.
// Refresh: GET /resource_types/{type}, /resource_types?with_description=true&name={type},
// /resource_types/{type}/template[?template_type=hot], /template_versions, /template_versions/{v}/functions[?with_condition_func=true].
import recorded from './heat-reference.json';
import type { Json, JsonMap } from './model';

export interface PropertySchema {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'map' | 'list';
  description?: string;
  default?: Json;
  required: boolean;
  update_allowed: boolean;
  immutable: boolean;
  constraints?: JsonMap[];
  schema?: Record<string, PropertySchema>;
}

export interface TypeSchema {
  resource_type: string;
  properties: Record<string, PropertySchema>;
  attributes: Record<string, { description: string; type?: string }>;
  support_status: JsonMap;
}

export interface TypeReference {
  description: string;
  schema: TypeSchema;
  /** The generated template, or `{__error__: body}` where Heat itself fails (OS::Heat::Value). */
  template_hot: JsonMap;
  template_cfn: JsonMap;
}

interface Reference {
  types: Record<string, TypeReference>;
  template_versions: Array<{ version: string; type: string; aliases: string[] }>;
  functions: Record<string, { plain: Array<{ functions: string; description: string }>; with_condition: Array<{ functions: string; description: string }> }>;
}

export const REFERENCE = recorded as unknown as Reference;

export const typeReference = (type: string): TypeReference | undefined => REFERENCE.types[type];

/** Function names a HOT version understands (condition functions aside). */
const functionSets = new Map<string, Set<string>>();
export function functionsOf(version: string): Set<string> {
  let set = functionSets.get(version);
  if (!set) {
    set = new Set((REFERENCE.functions[`heat_template_version.${version}`]?.plain ?? []).map((f) => f.functions));
    functionSets.set(version, set);
  }
  return set;
}
