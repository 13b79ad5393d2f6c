import { describe, expect, it } from 'vitest';
import { msg } from '@/lib/i18n/msg';
import { LINK_SLOT, linkedField, linksText, linkTo, overviewLinks, splitAtLink } from './overview-links';

describe('overview links', () => {
  it('names an object from its lookup, else the name given, else its id; nothing without an id', () => {
    expect(linkTo('routers', 'r1', { r1: 'edge' }, 'other')).toEqual([{ name: 'edge', to: { slug: 'routers', id: 'r1' } }]);
    expect(linkTo('ports', 'p1', undefined, 'eth0')).toEqual([{ name: 'eth0', to: { slug: 'ports', id: 'p1' } }]);
    expect(linkTo('ports', 'p1', { p1: '' })).toEqual([{ name: 'p1', to: { slug: 'ports', id: 'p1' } }]);
    expect(linkTo('routers', null, { r1: 'edge' })).toEqual([]);
  });

  it('makes the text value from the links: one value for one link, a list for several, the name inside its words', () => {
    const text = msg('kinds.volume.fields.attachedOn', { name: 'web-1', device: '/dev/vdb' });
    expect(linksText([{ name: 'web-1', text }])).toEqual({ key: 'kinds.volume.fields.attachedOn', values: { name: 'web-1', device: '/dev/vdb' } });
    expect(linksText([{ name: 'a' }, { name: 'b' }])).toEqual(['a', 'b']);
    const field = linkedField<{ r?: string }>({ label: 'common.id', links: (row) => linkTo('routers', row.r, undefined) });
    expect(field.value({ r: 'r1' }, { lookups: {} })).toBe('r1');
    expect(overviewLinks(field, {}, { lookups: {} })).toBeUndefined();
    // A plain field has no links.
    expect(overviewLinks({ label: 'common.id', value: () => 'x' }, {}, { lookups: {} })).toBeUndefined();
  });

  it('finds the link inside rendered words, or says it is not there', () => {
    expect(splitAtLink(`${LINK_SLOT} on /dev/vdb`)).toEqual(['', ' on /dev/vdb']);
    expect(splitAtLink(`/dev/vdb の ${LINK_SLOT}`)).toEqual(['/dev/vdb の ', '']);
    expect(splitAtLink('no slot')).toBeUndefined();
  });
});
