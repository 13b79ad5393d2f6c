// The authenticated OpenStack proxy; all rules live in lib/openstack/proxy.ts.
// Production (`npm start`, lib/server/main.ts) answers /api/os/* on a node:http fast path before Next sees the
// request (lib/openstack/proxy-node.ts); this route handler serves it under `next dev`, with the same core.
import { proxyRequest } from '@/lib/openstack/proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = proxyRequest;
export const HEAD = proxyRequest;
export const POST = proxyRequest;
export const PUT = proxyRequest;
export const PATCH = proxyRequest;
export const DELETE = proxyRequest;
