'use client';
// The first page of a list as the server read it while rendering (lib/openstack/prefetch.ts): put in the query cache
// under the key the list reads, before the list renders (on the server for the HTML, in the browser for hydration),
// so the rows are in the HTML and the browser does not ask again. The call is listed in the API inspector as the
// page's own.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { recordServedCall, type ServedCall } from '@/lib/client/inspector';
import { useProjectScope } from '@/lib/resources/hooks';
import { listKey, pageFromBody, type ListParams } from '@/lib/resources/list-page';
import { useSection } from '@/lib/resources/use-section';

export interface Served {
  params: ListParams;
  body: unknown;
  call: ServedCall;
}

const seeded = new Set<string>();

export function ServedPage({ slug, served, children }: { slug: string; served?: Served; children: ReactNode }) {
  const qc = useQueryClient();
  const { projectId } = useProjectScope();
  const { def } = useSection(slug);
  // Before the children read the cache (what HydrationBoundary does for new queries). Each served page once per tab:
  // the router may show this page again from its cache (Back), and its old rows must not replace newer ones.
  useState(() => {
    if (!served || !def) return;
    if (typeof window !== 'undefined') {
      const id = `${served.call.at} ${served.call.path}`;
      if (seeded.has(id)) return;
      seeded.add(id);
    }
    try {
      // Fresh as of now on this clock (the server's may differ): the list then polls on its usual schedule.
      qc.setQueryData(listKey(projectId, def.kind, served.params), pageFromBody(def, served.params, served.body), { updatedAt: Date.now() });
    } catch {
      // An answer the page cannot read: the list asks again and reports it.
    }
  });
  useEffect(() => {
    if (served) recordServedCall(served.call, served.body);
  }, [served]);
  return <>{children}</>;
}
