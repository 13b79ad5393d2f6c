'use client';
// A `textfile` field: text typed in or read from a chosen file (a zone file), the file's name kept beside it.
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { TextAreaField } from '@/components/ui/field';
import type { FormField, FormValue } from '@/lib/resources/types';

export function TextFileInput({ field, value, values, error, set }: { field: FormField; value: string; values: Record<string, FormValue>; error?: string; set: (name: string, v: FormValue) => void }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const format = useFormatter();
  const file = field.file!;
  // A file over the limit is refused here, before its text is read.
  const [tooBig, setTooBig] = useState(false);
  const name = values[file.nameField];
  const label = m(field.label);
  const limit = t('size.mib', { size: format.number(file.maxBytes / 1024 / 1024, { maximumFractionDigits: 1 }) });
  return (
    <>
      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">{m(file.label)}</span>
        <input
          type="file"
          accept={file.accept}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            if (f.size > file.maxBytes) return setTooBig(true);
            setTooBig(false);
            set(file.nameField, f.name);
            set(field.name, await f.text());
          }}
        />
      </label>
      <TextAreaField
        label={typeof name === 'string' && name ? t('form.fileNamed', { label, name }) : label}
        className="font-mono"
        rows={8}
        placeholder={field.placeholder === undefined ? undefined : m(field.placeholder)}
        error={tooBig ? t('form.fileTooBig', { size: limit }) : error}
        value={value}
        onChange={(e) => set(field.name, e.target.value)}
      />
    </>
  );
}
