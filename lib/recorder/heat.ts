// The objects a recording created that still stand at its end, as the Heat export page's selection (`kind:id`): the
// export page (components/orchestration/heat-export.tsx) reads them live and writes the template with references
// between them (lib/resources/iac/heat-template.ts).
import { replayable, type RecordedCall } from './recording';

/** The definition kind of an answer's key (`floatingip` is Neutron's key for the `floating-ip` kind). */
export const kindOfKey = (key: string) => (key === 'floatingip' ? 'floating-ip' : key.replace(/_/g, '-'));

/** Created objects in recording order, without those a later call of the recording deleted; `exportable` filters kinds. */
export function createdSelection(calls: readonly RecordedCall[], exportable: (kind: string) => boolean): { kind: string; id: string }[] {
  const kept = replayable(calls).filter((c) => c.outcome === 'sent');
  const deleted = new Set(kept.filter((c) => c.method === 'DELETE').map((c) => c.path.split('?')[0].split('/').pop() ?? ''));
  const seen = new Set<string>();
  return kept.flatMap((c) => {
    if (!c.created || deleted.has(c.created.id) || seen.has(c.created.id)) return [];
    const kind = kindOfKey(c.created.key);
    if (!exportable(kind)) return [];
    seen.add(c.created.id);
    return [{ kind, id: c.created.id }];
  });
}
