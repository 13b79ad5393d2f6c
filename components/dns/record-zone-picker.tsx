'use client';
// "Create DNS record" from another page (e.g. an instance with a floating IP) lands here with
// ?type=&records=&name=: choose the zone, then the recordset form opens prefilled.
import { ParentPicker } from '@/components/resource/fields/parent-picker';
import { zoneDefinition } from '@/lib/resources/dns/zone';

export function RecordZonePicker() {
  return (
    <ParentPicker
      parent={zoneDefinition}
      heading="Create DNS record"
      summary={{ label: 'Record to create', text: (q) => [q.get('type'), q.get('name'), q.getAll('records').join(', ')].filter(Boolean).join(' ') }}
      required="Choose the zone for the record"
      usable={(z) => z.action !== 'DELETE'}
      rest={(id) => `${id}/recordsets/new`}
    />
  );
}
