// One localStorage key as an external store for useSyncExternalStore: every component of the tab reads the same value,
// and other tabs' writes arrive through the `storage` event. Storage may be disabled (private modes, policies): reads
// then give null and writes last for this page only.
export interface StoredValue {
  subscribe: (fn: () => void) => () => void;
  read: () => string | null;
  /** Stores `raw` (when storage allows) and tells this tab's subscribers. */
  write: (raw: string) => void;
}

export function storedValue(key: string): StoredValue {
  const listeners = new Set<() => void>();
  return {
    subscribe(fn) {
      listeners.add(fn);
      const onStorage = (e: StorageEvent) => e.key === key && fn();
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(fn);
        window.removeEventListener('storage', onStorage);
      };
    },
    read() {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(raw) {
      try {
        window.localStorage.setItem(key, raw);
      } catch {
        // storage disabled: nothing to keep it in beyond this page
      }
      listeners.forEach((l) => l());
    },
  };
}
