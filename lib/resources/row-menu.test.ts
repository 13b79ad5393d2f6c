import { describe, expect, it } from 'vitest';
import { destructiveLast, offeredRowItems, panelCli, requestedPanel, rowMenuTarget, withoutPanel } from './row-menu';
import type { DetailForm, RowMenuItem } from './types';

type Row = { id: string; status: string };
const def = { slug: 'volumes', id: (r: Row) => r.id };
const attach: RowMenuItem<Row> = { id: 'attach', label: 'kinds.volume.rowMenu.attach', panel: 'attach', when: (r) => r.status === 'available' };
const launch: RowMenuItem<Row> = { id: 'launch', label: 'kinds.volume.rowMenu.launch', to: (r) => ({ slug: 'instances', rest: 'new', query: `volume=${r.id}` }) };

describe('row menu', () => {
  it('opens a panel on the object page, the id encoded', () => {
    expect(rowMenuTarget(def, attach, { id: 'a/b', status: 'available' })).toEqual({ slug: 'volumes', rest: 'a%2Fb', query: 'open=attach' });
  });

  it('leads to another page when the item names one', () => {
    expect(rowMenuTarget(def, launch, { id: 'v1', status: 'available' })).toEqual({ slug: 'instances', rest: 'new', query: 'volume=v1' });
  });

  it('offers only the items the state allows, in their order', () => {
    const d = { rowMenu: [attach, launch] };
    expect(offeredRowItems(d, { id: 'v', status: 'available' }).map((i) => i.id)).toEqual(['attach', 'launch']);
    expect(offeredRowItems(d, { id: 'v', status: 'in-use' }).map((i) => i.id)).toEqual(['launch']);
    expect(offeredRowItems({}, { id: 'v', status: 'in-use' })).toEqual([]);
  });

  it("offers the definition's detail forms too, unless an item opens them already", () => {
    const form = (id: string, when?: (r: Row) => boolean) => ({ id, label: `kinds.node.${id}.label`, when, hint: (r: Row) => `openstack x ${r.id}` }) as unknown as DetailForm<Row>;
    const d = { rowMenu: [attach], forms: [form('attach'), form('maintenance', (r) => r.status !== 'maintenance')] };
    const items = offeredRowItems(d, { id: 'n1', status: 'available' });
    expect(items.map((i) => [i.id, i.panel])).toEqual([['attach', 'attach'], ['form-maintenance', 'maintenance']]);
    expect(items[1].cli?.({ id: 'n1', status: 'available' })).toBe('openstack x n1');
    expect(offeredRowItems(d, { id: 'n1', status: 'maintenance' }).map((i) => i.id)).toEqual([]);
  });

  it("gives a panel's toggle its row item's command", () => {
    const d = { rowMenu: [{ ...attach, cli: (r: Row) => `openstack server add volume <server> ${r.id}` }, launch] };
    expect(panelCli(d, 'attach', { id: 'v1', status: 'available' })).toBe('openstack server add volume <server> v1');
    expect(panelCli(d, 'extend', { id: 'v1', status: 'available' })).toBeUndefined();
  });

  it('puts destructive entries last, keeping each group in order', () => {
    const items = [{ id: 'delete', destructive: true }, { id: 'a' }, { id: 'detach', destructive: true }, { id: 'b' }];
    expect(destructiveLast(items).map((i) => i.id)).toEqual(['a', 'b', 'delete', 'detach']);
  });

  it('reads only a panel id from the URL, and drops it again', () => {
    expect(requestedPanel(new URLSearchParams('open=attach&region=R1'))).toBe('attach');
    expect(requestedPanel(new URLSearchParams('open=<script>'))).toBeNull();
    expect(requestedPanel(new URLSearchParams('region=R1'))).toBeNull();
    expect(withoutPanel(new URLSearchParams('open=attach&region=R1&tab=overview'))).toBe('region=R1&tab=overview');
  });
});
