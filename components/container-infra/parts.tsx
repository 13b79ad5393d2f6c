'use client';
// Pieces both Magnum create forms use (their heading and footer are components/resource/form-parts.tsx).
import { useFlavorNames } from '@/lib/resources/compute/queries';

/** `<option>`s of the project's flavors, by name (Magnum takes a flavor name or id). */
export function FlavorOptions() {
  const flavors = useFlavorNames();
  return (
    <>
      {(flavors.data?.flavors ?? []).map((f) => (
        <option key={f.id} value={f.name ?? f.id}>
          {f.name ?? f.id}
        </option>
      ))}
    </>
  );
}
