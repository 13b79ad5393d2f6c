// The authenticated OpenStack proxy; all rules live in lib/openstack/proxy.ts.
import { proxyRequest } from '@/lib/openstack/proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = proxyRequest;
export const HEAD = proxyRequest;
export const POST = proxyRequest;
export const PUT = proxyRequest;
export const PATCH = proxyRequest;
export const DELETE = proxyRequest;
