// What service discovery learnt about one catalog service (lib/openstack/discovery.ts), as the overview and the
// section pages render it: plain data the browser may see. `error` and `note` are our words: catalog messages.
import type { Msg } from '@/lib/i18n/msg';

export type ServiceVersion = { id: string; status: string; minVersion?: string; maxVersion?: string };
export type ServiceInfo = {
  type: string;
  name: string;
  endpoints: { interface: string; region: string; url: string }[];
  versions: ServiceVersion[];
  error?: Msg;
  /** What was learnt instead of a version document (Swift publishes none; its /info names the release). */
  note?: Msg;
};
