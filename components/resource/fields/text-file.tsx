'use client';
// A `textfile` field: text typed in or read from a chosen file (a zone file), the file's name kept beside it.
import { useState } from 'react';
import { TextAreaField } from '@/components/ui/field';
import type { FormField, FormValue } from '@/lib/resources/types';

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export function TextFileInput({ field, value, values, error, set }: { field: FormField; value: string; values: Record<string, FormValue>; error?: string; set: (name: string, v: FormValue) => void }) {
  const file = field.file!;
  // A file over the limit is refused here, before its text is read.
  const [tooBig, setTooBig] = useState<string>();
  const name = values[file.nameField];
  return (
    <>
      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">{file.label}</span>
        <input
          type="file"
          accept={file.accept}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            if (f.size > file.maxBytes) return setTooBig(`The file is larger than ${mib(file.maxBytes)}`);
            setTooBig(undefined);
            set(file.nameField, f.name);
            set(field.name, await f.text());
          }}
        />
      </label>
      <TextAreaField
        label={typeof name === 'string' && name ? `${field.label} (${name})` : field.label}
        className="font-mono"
        rows={8}
        placeholder={field.placeholder}
        error={tooBig ?? error}
        value={value}
        onChange={(e) => set(field.name, e.target.value)}
      />
    </>
  );
}
