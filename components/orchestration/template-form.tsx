'use client';
// Launching a stack and updating one share this form, which no generic form can be: its parameter fields do not
// exist until Heat has validated the template (`POST validate`), and are generated from that answer
// (lib/resources/orchestration/parameters.ts); a preview (create: `POST stacks/preview`; update: the dry run
// `PATCH …/preview`) shows what the call would do before it is made.
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { FormFooter } from '@/components/resource/form-parts';
import { SubTable } from '@/components/resource/sub-list';
import { buttonClass } from '@/components/ui/button';
import { inputClass, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import type { Msg } from '@/lib/i18n/msg';
import { HEAT, ResourceChangesSchema, StackPreviewSchema, type Stack } from '@/lib/resources/orchestration/heat';
import { launchCli, launchRequest, stackNameProblem, templateBody, templateProblem, timeoutProblem, updateCli, updateRequest, withCurrentValues, type StackOptions, type TemplateInput, type TemplateSource } from '@/lib/resources/orchestration/launch';
import { paramFields, paramProblems, ValidateSchema, type ParamField } from '@/lib/resources/orchestration/parameters';
import { previewChanges, previewResources } from '@/lib/resources/orchestration/resources';
import { EXAMPLES } from '@/lib/resources/orchestration/templates';
import { useOsMutation } from '@/lib/resources/queries';

const MAX_FILE = 1024 * 1024;

type Launch = { mode: 'launch'; onCreated: (body: unknown, name: string) => void; cancelTo: string; initialText?: string };
type Update = { mode: 'update'; stack: Stack; initialText: string; onUpdated: () => void; onCancel: () => void };

export function TemplateForm(props: Launch | Update) {
  const t = useTranslations('orchestration.form');
  const m = useMsg();
  const uid = useId();
  const update = props.mode === 'update' ? props : undefined;
  const [name, setName] = useState('');
  const [tpl, setTpl] = useState<TemplateInput>({ source: 'text', text: props.mode === 'update' ? props.initialText : (props.initialText ?? ''), url: '', environment: '' });
  const [example, setExample] = useState('');
  const [fields, setFields] = useState<ParamField[] | null>(null);
  const [description, setDescription] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [rollback, setRollback] = useState(update ? !update.stack.disable_rollback : false);
  const [timeout, setTimeoutMins] = useState(update?.stack.timeout_mins != null ? String(update.stack.timeout_mins) : '60');
  const [submitted, setSubmitted] = useState(false);
  // The template's problem shows once Validate was pressed; the other fields' once a launch was tried.
  const [checked, setChecked] = useState(false);
  // A launch before validation validates first: the fields appear, and the page says to launch again.
  const [fromSubmit, setFromSubmit] = useState(false);
  const [fileProblem, setFileProblem] = useState<Msg | undefined>();

  const validate = useOsMutation(HEAT, () => ({ method: 'POST', path: 'validate', body: templateBody(tpl) }), {
    invalidates: [],
    onDone: (body) => {
      const parsed = ValidateSchema.safeParse(body);
      const answer = parsed.success ? parsed.data : {};
      const generated = paramFields(answer);
      const made = update ? withCurrentValues(generated, update.stack.parameters ?? {}) : generated;
      setFields(made);
      setDescription(answer.Description ?? '');
      setValues(Object.fromEntries(made.map((f) => [f.name, f.initial])));
    },
  });
  const options = (): StackOptions => ({ name, template: tpl, fields: fields ?? [], values, rollback, timeout });
  const preview = useOsMutation(HEAT, () => (update ? updateRequest(update.stack, options(), true) : launchRequest(options(), true)), { invalidates: [] });
  const submit = useOsMutation(HEAT, () => (update ? updateRequest(update.stack, options()) : launchRequest(options())), {
    invalidates: ['stack'],
    cli: () => (update ? updateCli(update.stack, options(), false) : launchCli(options())),
    onDone: (body) => (props.mode === 'launch' ? props.onCreated(body, name.trim()) : props.onUpdated()),
  });

  // Any change of the template makes the generated fields (and a preview) stale: they go until validated again.
  const changeTemplate = (next: Partial<TemplateInput>) => {
    setTpl((old) => ({ ...old, ...next }));
    setFields(null);
    validate.reset();
    preview.reset();
  };
  const tplProblem = (tpl.source === 'file' && fileProblem) || templateProblem(tpl);
  const nameProblem = update ? undefined : stackNameProblem(name);
  const problems = fields ? paramProblems(fields, values) : {};
  const timeProblem = timeoutProblem(timeout);
  const ready = !!fields && !nameProblem && !timeProblem && Object.keys(problems).length === 0;
  const shown = (p: Msg | undefined) => (submitted && p ? m(p) : undefined);
  const shownTpl = (p: Msg | undefined) => ((submitted || checked) && p ? m(p) : undefined);

  const readFile = (file: File | undefined) => {
    setFileProblem(undefined);
    if (!file) return changeTemplate({ text: '', fileName: undefined });
    if (file.size > MAX_FILE) {
      setFileProblem('orchestration.errors.fileTooLarge');
      return changeTemplate({ text: '', fileName: undefined });
    }
    void file.text().then((text) => changeTemplate({ text, fileName: file.name }));
  };

  const runValidate = () => {
    setChecked(true);
    if (!tplProblem) validate.mutate();
  };

  const cli = update ? updateCli(update.stack, options(), false) : launchCli(options());
  const sources: { id: TemplateSource; label: string }[] = [
    { id: 'text', label: t('sourceText') },
    { id: 'file', label: t('sourceFile') },
    { id: 'url', label: t('sourceUrl') },
  ];

  return (
    <form
      noValidate
      aria-label={update ? t('updateTitle') : t('launchTitle')}
      className="max-w-3xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!fields) {
          setFromSubmit(true);
          if (!tplProblem) validate.mutate();
          return;
        }
        if (ready) submit.mutate();
      }}
    >
      {!update && <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={shown(nameProblem)} autoComplete="off" hint={t('nameHint')} />}

      <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">{t('template')}</legend>
        {!update && (
          <SelectField
            label={t('example')}
            value={example}
            onChange={(e) => {
              setExample(e.target.value);
              const ex = EXAMPLES.find((x) => x.id === e.target.value);
              if (ex) changeTemplate({ source: 'text', text: ex.template, fileName: undefined });
            }}
          >
            <option value="">{t('noExample')}</option>
            {EXAMPLES.map((ex) => (
              <option key={ex.id} value={ex.id}>
                {m(ex.label)}
              </option>
            ))}
          </SelectField>
        )}
        {example && !update && <p className="text-xs text-zinc-600 dark:text-zinc-400">{m(EXAMPLES.find((x) => x.id === example)!.description)}</p>}
        <div role="radiogroup" aria-label={t('source')} className="flex flex-wrap gap-4 text-sm">
          {sources.map((s) => (
            <label key={s.id} className="flex items-center gap-2">
              <input type="radio" name={`${uid}-source`} checked={tpl.source === s.id} onChange={() => changeTemplate({ source: s.id, ...(s.id === 'file' ? { text: '', fileName: undefined } : {}) })} /> {s.label}
            </label>
          ))}
        </div>
        {tpl.source === 'text' && (
          <TextAreaField label={t('templateText')} value={tpl.text} onChange={(e) => changeTemplate({ text: e.target.value })} rows={14} spellCheck={false} className="font-mono text-xs" error={shownTpl(tplProblem)} />
        )}
        {tpl.source === 'file' && (
          <div className="space-y-1.5 text-sm">
            <label htmlFor={`${uid}-file`} className="block font-medium text-zinc-700 dark:text-zinc-300">
              {t('templateFile')}
            </label>
            <input id={`${uid}-file`} type="file" accept=".yaml,.yml,.json,.template,text/yaml,application/json" className={inputClass} aria-invalid={shownTpl(tplProblem) ? true : undefined} onChange={(e) => readFile(e.target.files?.[0])} />
            {tpl.fileName && <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('fileRead', { name: tpl.fileName, count: tpl.text.length })}</p>}
            {shownTpl(tplProblem) && <p className="text-sm text-red-600 dark:text-red-400">{shownTpl(tplProblem)}</p>}
          </div>
        )}
        {tpl.source === 'url' && <TextField label={t('templateUrl')} type="url" value={tpl.url} onChange={(e) => changeTemplate({ url: e.target.value })} error={shownTpl(tplProblem)} hint={t('templateUrlHint')} />}
        <TextAreaField label={t('environment')} value={tpl.environment} onChange={(e) => changeTemplate({ environment: e.target.value })} rows={4} spellCheck={false} className="font-mono text-xs" hint={t('environmentHint')} />
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={buttonClass.secondary} disabled={validate.isPending} onClick={runValidate}>
            {validate.isPending ? t('validating') : t('validate')}
          </button>
          {fields && (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
              {t('valid', { count: fields.length })}
            </p>
          )}
          {fields && fromSubmit && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('validateFirst')}</p>}
        </div>
        {validate.isError && <ApiErrorNotice title={t('invalid')} error={validate.error} />}
      </fieldset>

      {fields && (
        <fieldset className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-semibold">{t('parameters')}</legend>
          {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
          {fields.length === 0 && <p className="text-sm">{t('noParameters')}</p>}
          <div className="grid gap-4 sm:grid-cols-2">
            {fields.map((f) => (
              <ParamInput key={f.name} field={f} value={values[f.name] ?? ''} error={shown(problems[f.name])} onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))} />
            ))}
          </div>
        </fieldset>
      )}

      <fieldset className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">{t('options')}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={rollback} onChange={(e) => setRollback(e.target.checked)} aria-describedby={`${uid}-rollback`} />
          <span>
            {t('rollback')}
            <span id={`${uid}-rollback`} className="block text-xs text-zinc-500 dark:text-zinc-400">
              {t('rollbackHint')}
            </span>
          </span>
        </label>
        <TextField label={t('timeout')} inputMode="numeric" value={timeout} onChange={(e) => setTimeoutMins(e.target.value)} error={shown(timeProblem)} />
      </fieldset>

      {fields && (
        <div className="space-y-3">
          <button type="button" className={buttonClass.secondary} disabled={preview.isPending || !ready} title={update ? updateCli(update.stack, options(), true) : launchCli(options(), true)} onClick={() => preview.mutate()}>
            {preview.isPending ? t('previewing') : update ? t('dryRun') : t('preview')}
          </button>
          {preview.isError && <ApiErrorNotice title={t('previewFailed')} error={preview.error} />}
          {preview.isSuccess && (update ? <UpdatePreview body={preview.data} /> : <CreatePreview body={preview.data} />)}
        </div>
      )}

      <FormFooter
        error={submit.error}
        errorTitle={update ? t('updateRefused') : t('launchRefused')}
        cli={cli}
        submit={update ? t('update') : t('launch')}
        pendingLabel={update ? t('updating') : t('launching')}
        pending={submit.isPending || validate.isPending}
        {...(update ? { onCancel: update.onCancel } : { cancelTo: props.mode === 'launch' ? props.cancelTo : undefined })}
      />
    </form>
  );
}

/** One generated input: a select of allowed values or true/false, a password for hidden values, JSON as a textarea. */
function ParamInput({ field: f, value, error, onChange }: { field: ParamField; value: string; error?: string; onChange: (v: string) => void }) {
  const t = useTranslations('orchestration.form');
  const facts = [
    f.description,
    f.min !== undefined || f.max !== undefined ? t('range', { min: f.min ?? '−∞', max: f.max ?? '∞' }) : '',
    f.minLength !== undefined || f.maxLength !== undefined ? t('length', { min: f.minLength ?? 0, max: f.maxLength ?? '∞' }) : '',
    f.pattern ? t('pattern', { pattern: f.pattern }) : '',
    f.custom ? t('custom', { constraint: f.custom }) : '',
    f.hasDefault && !f.secret ? t('default', { value: f.initial || '""' }) : '',
  ].filter(Boolean);
  const hint: ReactNode = facts.length ? facts.join(' · ') : undefined;
  const label = f.label === f.name ? f.name : `${f.label} (${f.name})`;
  if (f.options || f.kind === 'boolean') {
    const opts = f.options ?? ['true', 'false'];
    return (
      <SelectField label={label} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
        {!opts.includes(value) && <option value={value}>{value || t('choose')}</option>}
        {opts.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </SelectField>
    );
  }
  if (f.kind === 'json') return <TextAreaField label={label} value={value} error={error} hint={hint} rows={3} spellCheck={false} className="font-mono text-xs" onChange={(e) => onChange(e.target.value)} />;
  return (
    <TextField
      label={label}
      type={f.secret ? 'password' : 'text'}
      inputMode={f.kind === 'number' ? 'decimal' : undefined}
      autoComplete={f.secret ? 'new-password' : 'off'}
      value={value}
      error={error}
      hint={hint}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** What a create would make: each resource with its type. */
function CreatePreview({ body }: { body: unknown }) {
  const t = useTranslations('orchestration.form');
  const parsed = StackPreviewSchema.safeParse(body);
  const rows = parsed.success ? previewResources(parsed.data.stack.resources) : [];
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">{t('previewHeading', { count: rows.length })}</h2>
      <SubTable label={t('previewTable')} rows={rows} rowKey={(r) => `${r.name}:${r.type}`} empty={t('previewEmpty')} columns={[
        { label: t('resourceName'), cell: (r) => r.name, mono: true },
        { label: t('resourceType'), cell: (r) => r.type, mono: true },
      ]} />
    </div>
  );
}

const CHANGE_LABELS = { replaced: 'changes.replaced', updated: 'changes.updated', added: 'changes.added', deleted: 'changes.deleted', unchanged: 'changes.unchanged' } as const;

/** What an update would change: replaced first (those are deleted and made again), then updated, added, deleted. */
function UpdatePreview({ body }: { body: unknown }) {
  const t = useTranslations('orchestration.form');
  const parsed = ResourceChangesSchema.safeParse(body);
  if (!parsed.success) return null;
  const { rows, counts } = previewChanges(parsed.data);
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">{t('dryRunHeading')}</h2>
      <p role="status" className="text-sm">
        {t('dryRunSummary', counts)}
      </p>
      <SubTable label={t('dryRunTable')} rows={rows} rowKey={(r) => `${r.change}:${r.name}`} empty={t('previewEmpty')} columns={[
        { label: t('change'), cell: (r) => t(CHANGE_LABELS[r.change]) },
        { label: t('resourceName'), cell: (r) => r.name, mono: true },
        { label: t('resourceType'), cell: (r) => r.type, mono: true },
      ]} />
    </div>
  );
}
