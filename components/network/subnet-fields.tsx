'use client';
// The subnet part of a form (create network, add subnet, edit subnet), with short explanations for newcomers.
import { inputClass, SelectField, TextField } from '@/components/ui/field';
import { suggestFreeV4, suggestFreeV6 } from '@/lib/resources/network/cidr';
import { IPV6_MODE_HINTS, IPV6_MODES, type SubnetValues } from '@/lib/resources/network/subnet';

interface Props {
  values: SubnetValues;
  errors: Record<string, string>;
  onChange: (v: SubnetValues) => void;
  /** CIDRs already in use (for the suggestion). */
  taken: readonly string[];
  /** Editing: CIDR, IP version and IPv6 modes are fixed once a subnet exists. */
  editing?: boolean;
}

export function suggestion(version: '4' | '6', taken: readonly string[]): string {
  return (version === '6' ? suggestFreeV6(taken) : suggestFreeV4(taken)) ?? '';
}

export function SubnetFields({ values: v, errors, onChange, taken, editing }: Props) {
  const set = <K extends keyof SubnetValues>(k: K, val: SubnetValues[K]) => onChange({ ...v, [k]: val });
  const suggested = suggestion(v.ipVersion, taken);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Subnet name" value={v.name} error={errors.name} autoComplete="off" onChange={(e) => set('name', e.target.value)} />
        <SelectField
          label="IP version"
          value={v.ipVersion}
          disabled={editing}
          onChange={(e) => {
            const ipVersion = e.target.value === '6' ? '6' : '4';
            // A switch of version swaps in a suggestion of that version when the CIDR was still the suggestion or empty.
            const wasSuggested = !v.cidr || v.cidr === suggestion(v.ipVersion, taken);
            onChange({ ...v, ipVersion, cidr: wasSuggested ? suggestion(ipVersion, taken) : v.cidr, gateway: '', pools: '' });
          }}
        >
          <option value="4">IPv4</option>
          <option value="6">IPv6</option>
        </SelectField>
      </div>
      <TextField
        label="Network address (CIDR)"
        value={v.cidr}
        error={errors.cidr}
        disabled={editing}
        placeholder={v.ipVersion === '6' ? 'fd00:1::/64' : '10.0.0.0/24'}
        autoComplete="off"
        hint={
          editing ? (
            'The range of a subnet cannot change; create another subnet for a new range.'
          ) : (
            <>
              The address range, as address/prefix: /24 holds 254 IPv4 hosts; IPv6 subnets are usually /64. Ranges within one network must not overlap.
              {suggested && suggested !== v.cidr && (
                <>
                  {' '}
                  <button type="button" className="font-medium text-brand-700 underline dark:text-brand-300" onClick={() => set('cidr', suggested)}>
                    Use {suggested}
                  </button>{' '}
                  (free: overlaps none of your subnets)
                </>
              )}
            </>
          )
        }
        onChange={(e) => set('cidr', e.target.value)}
      />
      <TextField
        label="Gateway IP"
        value={v.gateway}
        error={errors.gateway}
        placeholder="Default: the first address"
        autoComplete="off"
        hint='The router address instances send off-subnet traffic to. Blank: the first address of the range. "none": no gateway (an isolated subnet).'
        onChange={(e) => set('gateway', e.target.value)}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={v.dhcp} onChange={(e) => set('dhcp', e.target.checked)} />
        <span>
          <span className="font-medium">Enable DHCP</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">Instances get their address, gateway and DNS servers automatically. Turn off only if you configure addresses yourself.</span>
        </span>
      </label>
      {v.ipVersion === '6' && !editing && (
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ['ipv6AddressMode', 'IPv6 address mode', 'How instances get addresses'],
              ['ipv6RaMode', 'IPv6 router advertisement mode', 'What the router advertises (needs a router)'],
            ] as const
          ).map(([k, label, hint]) => (
            <div key={k} className="space-y-1">
              <SelectField label={label} value={v[k]} error={errors[k]} onChange={(e) => set(k, e.target.value)}>
                <option value="">Not set</option>
                {IPV6_MODES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </SelectField>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">{v[k] ? IPV6_MODE_HINTS[v[k] as (typeof IPV6_MODES)[number]] : hint}</p>
            </div>
          ))}
        </div>
      )}
      <TextField
        label="DNS name servers"
        value={v.dns}
        error={errors.dns}
        placeholder={v.ipVersion === '6' ? '2001:4860:4860::8888' : '8.8.8.8, 1.1.1.1'}
        autoComplete="off"
        hint="IP addresses, separated by commas; DHCP hands them to instances. Blank: Neutron's default resolver."
        onChange={(e) => set('dns', e.target.value)}
      />
      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">Allocation pools</span>
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
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">The ranges Neutron hands addresses out of, one start-end per line. Blank: the whole range except the gateway. Addresses outside stay free for fixed use.</span>
        )}
      </label>
    </div>
  );
}
