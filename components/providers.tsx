'use client';

import { QueryClient, QueryClientProvider, isServer } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { ApiError } from '@/lib/client/api';

// zod 4 probes for eval (new Function) to compile faster parsers; the page CSP forbids eval, and the refused probe
// would be reported as a violation on every page. The interpreted parsers are fast enough for API answers.
z.config({ jitless: true });

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change on retry; 401 already sends the browser to the login page
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
