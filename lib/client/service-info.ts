// What service discovery learnt about one catalog service (lib/openstack/discovery.ts), as the overview and the
// section pages render it: plain data the browser may see.
export type ServiceVersion = { id: string; status: string; minVersion?: string; maxVersion?: string };
export type ServiceInfo = {
  type: string;
  name: string;
  endpoints: { interface: string; region: string; url: string }[];
  versions: ServiceVersion[];
  error?: string;
  /** What was learnt instead of a version document (Swift publishes none; its /info names the release). */
  note?: string;
};
