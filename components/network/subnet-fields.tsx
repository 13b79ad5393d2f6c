'use client';
// The subnet part of a form (create network, add subnet, edit subnet), with short explanations for newcomers.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { inputClass, SelectField, TextField } from '@/components/ui/field';
import { suggestFreeV4, suggestFreeV6 } from '@/lib/resources/network/cidr';
import { IPV6_MODE_HINTS, IPV6_MODES, type SubnetValues } from '@/lib/resources/network/subnet';
import { useIssueText } from './form-bits';

interface Props {
  values: SubnetValues;
  /** As the form holds them: catalog keys or messages with values (translated here). */
  errors: Record<string, string>;
  onChange: (v: SubnetValues) => void;
  /** CIDRs already in use (for the suggestion). */
  taken: readonly string[];
  /** Editing: CIDR, IP version and IPv6 modes are fixed once a subnet exists. */
  editing?: boolean;
}

// IP versions are named as the protocols are, in every language.
const VERSIONS = [
  ['4', 'IPv4'],
  ['6', 'IPv6'],
] as const;

export function suggestion(version: '4' | '6', taken: readonly string[]): string {
  return (version === '6' ? suggestFreeV6(taken) : suggestFreeV4(taken)) ?? '';
}

export function SubnetFields({ values: v, errors: raw, onChange, taken, editing }: Props) {
  const t = useTranslations('network.subnetFields');
  const m = useMsg();
  const { text } = useIssueText();
  const errors = Object.fromEntries(Object.entries(raw).map(([k, e]) => [k, text(e)]));
  const set = <K extends keyof SubnetValues>(k: K, val: SubnetValues[K]) => onChange({ ...v, [k]: val });
  const suggested = suggestion(v.ipVersion, taken);
  const suggestButton = (chunks: ReactNode) => (
    <button type="button" className="font-medium text-brand-700 underline dark:text-brand-300" onClick={() => set('cidr', suggested)}>
      {chunks}
    </button>
  );
  const modes = [
    { k: 'ipv6AddressMode', label: t('ipv6AddressMode'), hint: t('ipv6AddressModeHint') },
    { k: 'ipv6RaMode', label: t('ipv6RaMode'), hint: t('ipv6RaModeHint') },
  ] as const;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('name')} value={v.name} error={errors.name} autoComplete="off" onChange={(e) => set('name', e.target.value)} />
        <SelectField
          label={t('ipVersion')}
          value={v.ipVersion}
          disabled={editing}
          onChange={(e) => {
            const ipVersion = e.target.value === '6' ? '6' : '4';
            // A switch of version swaps in a suggestion of that version when the CIDR was still the suggestion or empty.
            const wasSuggested = !v.cidr || v.cidr === suggestion(v.ipVersion, taken);
            onChange({ ...v, ipVersion, cidr: wasSuggested ? suggestion(ipVersion, taken) : v.cidr, gateway: '', pools: '' });
          }}
        >
          {VERSIONS.map(([n, name]) => (
            <option key={n} value={n}>
              {name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('cidr')}
        value={v.cidr}
        error={errors.cidr}
        disabled={editing}
        placeholder={v.ipVersion === '6' ? 'fd00:1::/64' : '10.0.0.0/24'}
        autoComplete="off"
        hint={editing ? t('cidrFixed') : suggested && suggested !== v.cidr ? t.rich('cidrHintSuggested', { cidr: suggested, use: suggestButton }) : t('cidrHint')}
        onChange={(e) => set('cidr', e.target.value)}
      />
      <TextField
        label={t('gateway')}
        value={v.gateway}
        error={errors.gateway}
        placeholder={t('gatewayPlaceholder')}
        autoComplete="off"
        hint={t('gatewayHint')}
        onChange={(e) => set('gateway', e.target.value)}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={v.dhcp} onChange={(e) => set('dhcp', e.target.checked)} />
        <span>
          <span className="font-medium">{t('dhcp')}</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t('dhcpHint')}</span>
        </span>
      </label>
      {v.ipVersion === '6' && !editing && (
        <div className="grid gap-4 sm:grid-cols-2">
          {modes.map(({ k, label, hint }) => (
            <div key={k} className="space-y-1">
              <SelectField label={label} value={v[k]} error={errors[k]} onChange={(e) => set(k, e.target.value)}>
                <option value="">{t('notSet')}</option>
                {IPV6_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {mode}
                  </option>
                ))}
              </SelectField>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">{v[k] ? m(IPV6_MODE_HINTS[v[k] as (typeof IPV6_MODES)[number]]) : hint}</p>
            </div>
          ))}
        </div>
      )}
      <TextField
        label={t('dns')}
        value={v.dns}
        error={errors.dns}
        placeholder={v.ipVersion === '6' ? '2001:4860:4860::8888' : '8.8.8.8, 1.1.1.1'}
        autoComplete="off"
        hint={t('dnsHint')}
        onChange={(e) => set('dns', e.target.value)}
      />
      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">{t('pools')}</span>
        <textarea
          className={`${inputClass} font-mono`}
          rows={2}
          value={v.pools}
          placeholder={v.ipVersion === '6' ? 'fd00:1::10-fd00:1::ff' : '10.0.0.10-10.0.0.200'}
          aria-invalid={errors.pools ? true : undefined}
          onChange={(e) => set('pools', e.target.value)}
        />
        {errors.pools ? (
          <span className="block text-sm text-red-600 dark:text-red-400">{errors.pools}</span>
        ) : (
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t('poolsHint')}</span>
        )}
      </label>
    </div>
  );
}
