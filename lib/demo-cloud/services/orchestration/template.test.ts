// The template engine on its own: intrinsic functions, conditions, parameters, dependency order, names.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../core/errors';
import { emptyEnvironment, type Json, type JsonMap } from './model';
import { physicalName, shortId } from './plugins/naming';
import { buildDefinition, topoOrder } from './template/definition';
import { resolve, type Scope } from './template/functions';
import { parseParamSchemas, resolveParams } from './template/params';
import { checkTemplate, parseTemplateText } from './template/parse';

const scope = (params: Record<string, Json> = {}, version = '2018-08-31'): Scope => ({
  version,
  params,
  files: { 'f.txt': 'file body' },
  condition: (n) => n === 'yes',
  ref: (n) => `id-of-${n}`,
  attr: (n, a, path) => (a === 'list' ? ['x', 'y'] : path.length ? `${n}.${a}.${path.join('.')}` : `${n}.${a}`),
});

const pseudo = { stackId: 'sid', stackName: 'st', projectId: 'pid' };
const define = (template: JsonMap, parameters: JsonMap = {}) =>
  buildDefinition({ template, environment: { ...emptyEnvironment(), parameters }, files: {} }, pseudo, { validateValues: true, knownType: () => true });

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof HttpError ? `${e.type}: ${e.message}` : String(e);
  }
  return 'no error';
}

describe('intrinsic functions', () => {
  it.each<[string, Json, Json]>([
    ['get_param', { get_param: 'p' }, 'v'],
    ['get_param with a path', { get_param: ['j', 'a', 1] }, 'b'],
    ['get_resource', { get_resource: 'net' }, 'id-of-net'],
    ['get_attr', { get_attr: ['srv', 'name'] }, 'srv.name'],
    ['get_attr with a path', { get_attr: ['srv', 'networks', 'private', 0] }, 'srv.networks.private.0'],
    ['list_join', { list_join: ['-', ['a', 'b'], ['c']] }, 'a-b-c'],
    ['list_join of maps (JSON)', { list_join: [',', [{ k: 1 }]] }, '{"k": 1}'],
    ['str_replace, longest key first', { str_replace: { template: 'host:port $host', params: { host: 'h', 'host:port': 'hp', $host: 'X' } } }, 'hp X'],
    ['str_replace with a number and a map', { str_replace: { template: 'n=N m=M', params: { N: 3, M: { b: 2, a: 1 } } } }, 'n=3 m={"a": 1, "b": 2}'],
    ['str_split with an index', { str_split: [',', 'a,b,c', 1] }, 'b'],
    ['repeat', { repeat: { for_each: { '%p%': ['80', '443'] }, template: { port: '%p%' } } }, [{ port: '80' }, { port: '443' }]],
    ['digest', { digest: ['sha256', 'abc'] }, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['map_merge', { map_merge: [{ a: 1 }, { b: 2 }, { a: 3 }] }, { a: 3, b: 2 }],
    ['map_replace', { map_replace: [{ k1: 'v1', k2: 'v2' }, { keys: { k1: 'K1' }, values: { v2: 'V2' } }] }, { K1: 'v1', k2: 'V2' }],
    ['list_concat_unique', { list_concat_unique: [['a', 'b'], ['b', 'c']] }, ['a', 'b', 'c']],
    ['contains', { contains: ['b', ['a', 'b']] }, true],
    ['filter', { filter: [['b'], ['a', 'b', 'c']] }, ['a', 'c']],
    ['if (condition name)', { if: ['yes', 'T', 'F'] }, 'T'],
    ['if (inline condition)', { if: [{ equals: [{ get_param: 'p' }, 'other'] }, 'T', 'F'] }, 'F'],
    ['make_url', { make_url: { scheme: 'http', host: 'h', port: 8080, path: '/x', query: { a: 'b' } } }, 'http://h:8080/x?a=b'],
    ['get_file', { get_file: 'f.txt' }, 'file body'],
    ['nested functions', { list_join: [' ', [{ get_param: 'p' }, { str_replace: { template: 'X!', params: { X: { get_resource: 'r' } } } }]] }, 'v id-of-r!'],
  ])('%s', (_name, snippet, expected) => {
    expect(resolve(snippet, scope({ p: 'v', j: { a: ['a', 'b'] } }))).toEqual(expected);
  });

  it('str_replace_strict names what it could not replace', () => {
    expect(() => resolve({ str_replace_strict: { template: 'abc', params: { zz: 'x', a: 'y' } } }, scope())).toThrow('The following params were not found in the template: zz');
  });

  it('only the version\'s functions are functions', () => {
    // list_concat arrived in 2017-09-01: before that it is an ordinary map.
    expect(resolve({ list_concat: [['a'], ['b']] }, scope({}, '2016-10-14'))).toEqual({ list_concat: [['a'], ['b']] });
    expect(resolve({ list_concat: [['a'], ['b']] }, scope({}, '2017-09-01'))).toEqual(['a', 'b']);
  });
});

describe('parameters', () => {
  const schemas = parseParamSchemas('2018-08-31', {
    n: { type: 'number', default: 5, constraints: [{ range: { min: 1, max: 10 }, description: 'n between 1 and 10' }] },
    m: { type: 'number', default: 5, constraints: [{ range: { min: 1, max: 10 } }] },
    s: { type: 'string', default: 'abc', constraints: [{ length: { min: 2, max: 4 } }] },
    a: { type: 'string', default: 'x', constraints: [{ allowed_values: ['x', 'y'] }] },
    p: { type: 'string', default: 'abc', constraints: [{ allowed_pattern: '[a-z]+' }] },
    b: { type: 'boolean', default: true },
    j: { type: 'json', default: { k: 1 } },
    l: { type: 'comma_delimited_list', default: 'a', constraints: [{ length: { min: 1, max: 2 } }] },
    pw: { type: 'string', default: 'secret', hidden: true },
    r: { type: 'string' },
  });
  const run = (user: JsonMap) => problem(() => resolveParams(schemas, user, pseudo));

  // Each message as real Heat 19 words it (checked against its stack preview).
  it.each<[JsonMap, string]>([
    [{}, 'UserParameterMissing: The Parameter (r) was not provided.'],
    [{ r: 'x', n: '11' }, "StackValidationFailed: Parameter 'n' is invalid: n between 1 and 10"],
    [{ r: 'x', m: '0' }, "StackValidationFailed: Parameter 'm' is invalid: 0 is out of range (min: 1, max: 10)"],
    [{ r: 'x', n: 'abc' }, "StackValidationFailed: Parameter 'n' is invalid: could not convert string to float: 'abc'"],
    [{ r: 'x', s: 'abcdef' }, "StackValidationFailed: Parameter 's' is invalid: length (6) is out of range (min: 2, max: 4)"],
    [{ r: 'x', a: 'z' }, 'StackValidationFailed: Parameter \'a\' is invalid: "z" is not an allowed value ["x", "y"]'],
    [{ r: 'x', p: 'A1' }, 'StackValidationFailed: Parameter \'p\' is invalid: "A1" does not match pattern "[a-z]+"'],
    [{ r: 'x', b: 'maybe' }, "StackValidationFailed: Parameter 'b' is invalid: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"],
    [{ r: 'x', l: 'a,b,c' }, "StackValidationFailed: Parameter 'l' is invalid: length (3) is out of range (min: 1, max: 2)"],
    [{ r: 'x', zz: '1' }, 'UnknownUserParameter: The Parameter (zz) was not defined in template.'],
  ])('%j', (user, expected) => {
    expect(run(user)).toBe(expected);
  });

  it('shows values as Heat does (str(), JSON, hidden)', () => {
    const { shown, values } = resolveParams(schemas, { r: 'x', n: '7', l: 'a,b' }, pseudo);
    expect(shown).toMatchObject({ 'OS::stack_id': 'sid', 'OS::stack_name': 'st', n: '7', b: 'True', j: '{"k": 1}', l: 'a,b', pw: '******' });
    expect(values).toMatchObject({ n: 7, b: true, j: { k: 1 }, l: ['a', 'b'], pw: 'secret' });
  });

  it('rejects bad schemas', () => {
    expect(problem(() => parseParamSchemas('2018-08-31', { p: { type: 'strin' } }))).toBe('InvalidSchemaError: Invalid type (strin)');
    expect(problem(() => parseParamSchemas('2018-08-31', { p: { type: 'string', bogus: 1 } }))).toBe("InvalidSchemaError: Invalid key 'bogus' for parameter (p)");
  });
});

describe('templates', () => {
  it('parses YAML with dates kept as strings', () => {
    const t = parseTemplateText('heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::None}\n');
    expect(checkTemplate(t).version).toBe('2018-08-31');
    expect(checkTemplate({ heat_template_version: 'rocky' }).version).toBe('2018-08-31');
  });

  it.each<[JsonMap, string]>([
    [{ resources: {} }, 'InvalidTemplateVersion: The template version is invalid: Template version was not provided'],
    [{ heat_template_version: '2018-08-31', bogus: {} }, 'InvalidTemplateSection: The template section is invalid: bogus'],
    [{ heat_template_version: '2018-08-31', resources: { a: { properties: {} } } }, 'StackValidationFailed: Each resource must contain a type key.'],
    [{ heat_template_version: '2018-08-31', resources: { a: { type: 'X', bad: 1 } } }, 'StackValidationFailed: "bad" is not a valid keyword inside a resource definition'],
    [{ heat_template_version: '2018-08-31', resources: { a: { type: 'X', depends_on: ['zz'] } } }, 'InvalidTemplateReference: The specified reference "zz" (in a) is incorrect.'],
    [{ heat_template_version: '2018-08-31', resources: { a: { type: 'X', properties: { x: { get_resource: 'nope' } } } } }, 'InvalidTemplateReference: The specified reference "nope" (in a.Properties.x) is incorrect.'],
  ])('%j', (t, expected) => {
    expect(problem(() => define(t))).toBe(expected);
  });

  it('orders resources by explicit and implicit dependencies, and finds cycles', () => {
    const d = define({
      heat_template_version: '2018-08-31',
      resources: {
        c: { type: 'X', properties: { a: { get_attr: ['b', 'x'] } } },
        b: { type: 'X', depends_on: 'a' },
        a: { type: 'X' },
        d: { type: 'X', properties: { v: { list_join: [',', [{ get_resource: 'c' }]] } } },
      },
    });
    expect(d.order).toEqual(['a', 'b', 'c', 'd']);
    expect(d.deps).toEqual({ c: ['b'], b: ['a'], a: [], d: ['c'] });
    expect(problem(() => topoOrder({ a: ['b'], b: ['a'] }))).toMatch(/^CircularDependencyException: Circular Dependency Found/);
  });

  it('drops resources and outputs whose condition is false', () => {
    const d = define(
      {
        heat_template_version: '2018-08-31',
        parameters: { env: { type: 'string', default: 'dev' } },
        conditions: { prod: { equals: [{ get_param: 'env' }, 'prod'] }, notprod: { not: 'prod' } },
        resources: { big: { type: 'X', condition: 'prod' }, small: { type: 'X', condition: 'notprod' } },
        outputs: { o: { value: 1, condition: 'prod' } },
      },
      { env: 'dev' },
    );
    expect(Object.keys(d.resources)).toEqual(['small']);
    expect(Object.keys(d.outputs)).toEqual([]);
  });
});

describe('physical names', () => {
  it('derives short ids as heat.common.short_id does', () => {
    // Values computed by python3-heat 19.0.0's short_id.get_id.
    expect(shortId('30100902-3017-416c-b3f7-c1c4ff87e93b')).toBe('c3bqc4ybacic');
    expect(shortId('6f4c4d22-6496-47da-b251-ddc5dac17971')).toBe('pwteszxuytjc');
  });

  it('cuts server names to 53 characters keeping the first two and the end', () => {
    const name = physicalName('smoke-1234-asg-asg-abcdefghijkl', 'mnopqrstuvwx', '30100902-3017-416c-b3f7-c1c4ff87e93b', 53);
    expect(name).toHaveLength(53);
    expect(name.startsWith('sm-')).toBe(true);
    expect(name.endsWith('-mnopqrstuvwx-c3bqc4ybacic')).toBe(true);
  });
});
