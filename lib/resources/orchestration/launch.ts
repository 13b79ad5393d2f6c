// The bodies of the launch and update calls (api-ref: orchestration "Create stack", "Preview stack", "Update stack
// (PATCH)", "Preview stack update", "Validate template"): the template pasted or read from a file goes as text in
// `template` (Heat parses YAML or JSON itself), a URL as `template_url` (Heat fetches it), the environment as text.
import { msg, type Msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import type { ApiRequest } from '../types';
import { stackPath, type Stack } from './heat';
import { paramCli, paramValues, type ParamField } from './parameters';

export type TemplateSource = 'text' | 'file' | 'url';

export interface TemplateInput {
  source: TemplateSource;
  /** The template's text (typed, pasted, an example, or a file's content). */
  text: string;
  fileName?: string;
  url: string;
  environment: string;
}

/** The problem with the template input before anything is sent, or undefined. */
export function templateProblem(i: TemplateInput): Msg | undefined {
  if (i.source === 'url') {
    const url = i.url.trim();
    if (!url) return 'orchestration.errors.urlRequired';
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'orchestration.errors.urlInvalid';
    }
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : 'orchestration.errors.urlInvalid';
  }
  if (!i.text.trim()) return i.source === 'file' ? 'orchestration.errors.fileRequired' : 'orchestration.errors.templateRequired';
  return undefined;
}

/** `template` or `template_url`, and the environment when there is one: what validate, preview, create and update share. */
export function templateBody(i: TemplateInput): Record<string, unknown> {
  const body: Record<string, unknown> = i.source === 'url' ? { template_url: i.url.trim() } : { template: i.text };
  if (i.environment.trim()) body.environment = i.environment;
  return body;
}

/** Heat's stack names: a letter, then letters, digits, `_`, `-` and `.` (heat/engine/stack.py), at most 255. */
export function stackNameProblem(name: string): Msg | undefined {
  const n = name.trim();
  if (!n) return 'orchestration.errors.nameRequired';
  if (n.length > 255) return 'orchestration.errors.nameLength';
  if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(n)) return 'orchestration.errors.nameCharacters';
  return undefined;
}

/** A timeout in whole minutes (empty: Heat's default), at least 1. */
export function timeoutProblem(raw: string): Msg | undefined {
  const t = raw.trim();
  if (!t) return undefined;
  return /^\d+$/.test(t) && Number(t) >= 1 ? undefined : msg('orchestration.errors.timeout', {});
}

export interface StackOptions {
  name: string;
  template: TemplateInput;
  fields: readonly ParamField[];
  values: Record<string, string>;
  /** Roll back (delete what was made) when the create fails: Heat's `disable_rollback` is its negation. */
  rollback: boolean;
  timeout: string;
}

function stackBody(o: StackOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { ...templateBody(o.template), parameters: paramValues(o.fields, o.values), disable_rollback: !o.rollback };
  if (o.timeout.trim()) body.timeout_mins = Number(o.timeout.trim());
  return body;
}

/** `POST stacks` (create) or `POST stacks/preview` (what would be made). */
export function launchRequest(o: StackOptions, preview = false): ApiRequest {
  return { method: 'POST', path: preview ? 'stacks/preview' : 'stacks', body: { stack_name: o.name.trim(), ...stackBody(o) } };
}

/** `PATCH stacks/{name}/{id}` (parameters not given keep their values) or its dry run `PATCH …/preview`. */
export function updateRequest(s: Pick<Stack, 'stack_name' | 'id'>, o: StackOptions, preview = false): ApiRequest {
  return { method: 'PATCH', path: `${stackPath(s)}${preview ? '/preview' : ''}`, body: stackBody(o) };
}

const templateWords = (t: TemplateInput) => [
  ...(t.source === 'url' ? ['-t', t.url.trim() || '<url>'] : ['-t', t.fileName || 'template.yaml']),
  ...(t.environment.trim() ? ['-e', 'environment.yaml'] : []),
];

export function launchCli(o: StackOptions, preview = false): string {
  return command(
    preview ? 'openstack stack create --dry-run' : 'openstack stack create',
    ...templateWords(o.template),
    ...paramCli(o.fields, o.values),
    ...(o.timeout.trim() ? ['--timeout', o.timeout.trim()] : []),
    ...(o.rollback ? ['--enable-rollback'] : []),
    o.name.trim() || '<name>',
  );
}

export function updateCli(s: Pick<Stack, 'stack_name'>, o: StackOptions, preview = false): string {
  return command(
    'openstack stack update --existing',
    ...(preview ? ['--dry-run'] : []),
    ...templateWords(o.template),
    ...paramCli(o.fields, o.values),
    ...(o.timeout.trim() ? ['--timeout', o.timeout.trim()] : []),
    ...(o.rollback ? ['--rollback', 'enabled'] : ['--rollback', 'disabled']),
    s.stack_name,
  );
}

/**
 * The update form's fields: each parameter the stack has starts from its current value and needs none (a PATCH keeps
 * it); hidden values are never shown back (Heat answers them as `******`), so they start empty.
 */
export function withCurrentValues(fields: readonly ParamField[], current: Record<string, unknown>): ParamField[] {
  return fields.map((f) => {
    if (!(f.name in current)) return f;
    const v = current[f.name];
    const shown = f.secret || v === '******' || v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return { ...f, initial: shown, hasDefault: true };
  });
}
