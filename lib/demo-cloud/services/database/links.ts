import type { RequestContext } from '../../core/context';

/** Trove's self and bookmark links (trove/common/views.py create_links), on the URL the caller reached. */
export function links(ctx: RequestContext, path: string, id: string) {
  const project = ctx.tryAuth()?.project?.id ?? '';
  return [
    { href: `${ctx.serviceUrl}/v1.0/${project}/${path}/${id}`, rel: 'self' },
    { href: `${ctx.serviceUrl}/${path}/${id}`, rel: 'bookmark' },
  ];
}
