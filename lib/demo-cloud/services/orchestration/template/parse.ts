// HOT templates: text parsing (JSON, then YAML, as template_format.py), versions, sections and the
// resource/output definitions, with Heat's messages (hot/template.py, template.py).
import YAML from 'yaml';
import { heatError, validationFailed } from '../errors';
import type { Json, JsonMap } from '../model';

/** heat_template_version dates, oldest first, and the release aliases (template_versions answers both). */
export const HOT_VERSIONS = [
  '2013-05-23', '2014-10-16', '2015-04-30', '2015-10-15', '2016-04-08', '2016-10-14',
  '2017-02-24', '2017-09-01', '2018-03-02', '2018-08-31', '2021-04-16',
] as const;
export const HOT_ALIASES: Record<string, string> = {
  newton: '2016-10-14', ocata: '2017-02-24', pike: '2017-09-01', queens: '2018-03-02', rocky: '2018-08-31', wallaby: '2021-04-16',
};

export interface ResourceDef {
  name: string;
  type: string;
  properties: JsonMap;
  metadata: JsonMap;
  dependsOn: string[];
  deletionPolicy: string | null;
  updatePolicy: JsonMap;
  description: string;
  condition: Json | undefined;
  /** The definition as written, to compare on update. */
  snippet: JsonMap;
}

export interface OutputDef {
  name: string;
  description: string;
  value: Json;
  condition: Json | undefined;
}

export interface ParsedTemplate {
  raw: JsonMap;
  /** Canonical date, e.g. 2018-08-31 (aliases resolved). */
  version: string;
  description: string;
  resources: Record<string, ResourceDef>;
  outputs: Record<string, OutputDef>;
  conditions: JsonMap;
  parameterGroups: Json[] | undefined;
}

const MAX_TEMPLATE_SIZE = 524288;

/** template_format.simple_parse + parse: a JSON or YAML mapping carrying a version key. */
export function parseTemplateText(text: string, url = '[root stack]'): JsonMap {
  if (text.length > MAX_TEMPLATE_SIZE) {
    throw heatError(400, 'RequestLimitExceeded', `Request limit exceeded: Template size (${text.length} bytes) exceeds maximum allowed size (${MAX_TEMPLATE_SIZE} bytes).`);
  }
  let tpl: unknown;
  try {
    tpl = JSON.parse(text);
  } catch {
    try {
      // Heat's YAML loader keeps dates as strings (heat_template_version: 2018-08-31): so does YAML 1.2's core schema.
      tpl = YAML.parse(text) ?? {};
    } catch (e) {
      throw templateError(`Error parsing template ${url} ${(e as Error).message}`);
    }
  }
  if (!tpl || typeof tpl !== 'object' || Array.isArray(tpl)) throw templateError('The template is not a JSON object or YAML mapping.');
  const map = tpl as JsonMap;
  if (!('heat_template_version' in map || 'HeatTemplateFormatVersion' in map || 'AWSTemplateFormatVersion' in map)) {
    throw templateError('Template format version not found.');
  }
  return map;
}

/** InstantiationData.parse_error_check: the API's 400 for a template it cannot read. */
const templateError = (why: string) => heatError(400, 'HTTPBadRequest', `Template not in valid format: ${why}`);

const invalidVersion = (explanation: string) => heatError(400, 'InvalidTemplateVersion', `The template version is invalid: ${explanation}`);

function templateVersion(t: JsonMap): string {
  const keys = ['heat_template_version', 'HeatTemplateFormatVersion', 'AWSTemplateFormatVersion'].filter((k) => typeof t[k] === 'string');
  if (keys.length > 1) throw invalidVersion(`Ambiguous versions (${keys.join(', ')})`);
  if (keys.length === 0) throw invalidVersion('Template version was not provided');
  const raw = String(t[keys[0]]);
  if (keys[0] !== 'heat_template_version') {
    // CloudFormation-compatible templates are Heat's too; the demo cloud speaks HOT only, and says so.
    throw invalidVersion(`"${keys[0]}: ${raw}". The demo cloud supports HOT templates (heat_template_version) only`);
  }
  const version = HOT_ALIASES[raw] ?? raw;
  if (!(HOT_VERSIONS as readonly string[]).includes(version)) {
    const available = [...HOT_VERSIONS, ...Object.keys(HOT_ALIASES)].join(', ');
    throw invalidVersion(`"heat_template_version: ${raw}". "heat_template_version" should be one of: ${available}`);
  }
  return version;
}

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);
const pyType = (v: unknown) => (typeof v === 'string' ? "<class 'str'>" : Array.isArray(v) ? "<class 'list'>" : typeof v === 'number' ? "<class 'int'>" : "<class 'NoneType'>");

/** hot/template.py validate_section: each entry a map with only the allowed keys and the mandatory one. */
function validateSection(section: string, mandatory: string, data: JsonMap, allowed: string[]): void {
  const object = section.slice(0, -1);
  const missing = `Each ${object} must contain a ${mandatory} key.`;
  for (const name of Object.keys(data).sort()) {
    const attrs = data[name];
    if (!attrs || (isMap(attrs) && Object.keys(attrs).length === 0)) throw validationFailed(missing);
    if (!isMap(attrs)) throw validationFailed(`"${section}" must contain a map of ${object} maps. Found a [${pyType(attrs)}] instead`);
    for (const key of Object.keys(attrs)) if (!allowed.includes(key)) throw validationFailed(`"${key}" is not a valid keyword inside a ${object} definition`);
    if (!(mandatory in attrs)) throw validationFailed(missing);
  }
}

/** Parses and checks a template's structure (not its parameter values nor property values). */
export function checkTemplate(raw: JsonMap): ParsedTemplate {
  const version = templateVersion(raw);
  const withConditions = version >= '2016-10-14';
  const sections = ['heat_template_version', 'description', 'parameter_groups', 'parameters', 'resources', 'outputs', ...(withConditions ? ['conditions'] : [])];
  for (const k of Object.keys(raw)) if (!sections.includes(k)) throw heatError(400, 'InvalidTemplateSection', `The template section is invalid: ${k}`);

  const resourceKeys = ['type', 'properties', 'metadata', 'depends_on', 'deletion_policy', 'update_policy', 'description', ...(withConditions ? ['external_id', 'condition'] : [])];
  const resSection = (raw.resources ?? {}) as JsonMap;
  if (!isMap(resSection)) throw validationFailed(`"resources" must contain a map of resource maps. Found a [${pyType(resSection)}] instead`);
  validateSection('resources', 'type', resSection, resourceKeys);
  const outSection = (raw.outputs ?? {}) as JsonMap;
  validateSection('outputs', 'value', isMap(outSection) ? outSection : {}, ['description', 'value', ...(withConditions ? ['condition'] : [])]);

  const resources: Record<string, ResourceDef> = {};
  for (const [name, v] of Object.entries(resSection)) {
    const d = v as JsonMap;
    const deps = d.depends_on === undefined || d.depends_on === null ? [] : Array.isArray(d.depends_on) ? d.depends_on.map(String) : [String(d.depends_on)];
    resources[name] = {
      name,
      type: String(d.type),
      properties: isMap(d.properties) ? d.properties : {},
      metadata: isMap(d.metadata) ? d.metadata : {},
      dependsOn: deps,
      deletionPolicy: typeof d.deletion_policy === 'string' ? d.deletion_policy : null,
      updatePolicy: isMap(d.update_policy) ? d.update_policy : {},
      description: typeof d.description === 'string' ? d.description : '',
      condition: d.condition,
      snippet: d,
    };
  }
  for (const r of Object.values(resources)) {
    for (const dep of r.dependsOn) {
      if (!(dep in resources)) throw heatError(400, 'InvalidTemplateReference', `The specified reference "${dep}" (in ${r.name}) is incorrect.`);
    }
  }
  const outputs: Record<string, OutputDef> = {};
  for (const [name, v] of Object.entries(isMap(outSection) ? outSection : {})) {
    const d = v as JsonMap;
    outputs[name] = { name, description: typeof d.description === 'string' ? d.description : 'No description given', value: d.value ?? null, condition: d.condition };
  }
  return {
    raw,
    version,
    description: typeof raw.description === 'string' ? raw.description : 'No description',
    resources,
    outputs,
    conditions: withConditions && isMap(raw.conditions) ? raw.conditions : {},
    parameterGroups: Array.isArray(raw.parameter_groups) ? raw.parameter_groups : undefined,
  };
}
