'use client';

// Form pieces shared by the router, floating IP and security group pages and their instance-page parts (their data
// comes from lib/resources/network/queries.ts).
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { associateTargets } from '@/lib/resources/network/floating-ip';
import type { Port } from '@/lib/resources/network/port';
import type { ResourceDefinition } from '@/lib/resources/types';

/** A small form: a one-line explanation, the fields, the API's refusal, the CLI line, submit and cancel. */
export { InlineForm as EdgeForm } from '@/components/resource/form-parts';

/** A short explanation under a page heading: what this kind of thing is. */
export function Explain({ children }: { children: ReactNode }) {
  return <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{children}</p>;
}

/** A kind's list with an explanation and a header button that opens its create panel above the table. */
export function EdgeList<T>({ def, button, explain, panel }: { def: ResourceDefinition<T>; button: string; explain: ReactNode; panel: (close: () => void) => ReactNode }) {
  // `?new=1` opens the form at once (the command palette's actions link here).
  const search = useSearchParams();
  const [open, setOpen] = useState(search.get('new') === '1');
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        <button type="button" className={buttonClass.primary} aria-expanded={open} onClick={() => setOpen(!open)}>
          {button}
        </button>
      }
      notice={
        <>
          <Explain>{explain}</Explain>
          {open && panel(() => setOpen(false))}
        </>
      }
    />
  );
}

/** The port and fixed IP a floating IP goes to, when an instance has more than one IPv4 address. */
export function TargetSelect({ ports, value, onChange, error }: { ports: readonly Port[]; value: string; onChange: (v: string) => void; error?: string }) {
  const t = useTranslations('network.edge');
  const list = associateTargets(ports);
  if (list.length <= 1) return null;
  return (
    <SelectField label={t('target')} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('chooseTarget')}</option>
      {list.map((x) => (
        <option key={x.value} value={x.value}>
          {t('targetOption', { ip: x.ip, port: x.port.name || x.port.id.slice(0, 8) })}
        </option>
      ))}
    </SelectField>
  );
}
