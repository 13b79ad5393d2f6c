import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import { expiryMessage } from './expiry-warning';
import { filterProjects, MAX_VISIBLE_PROJECTS } from './projects';

describe('project filter', () => {
  const projects = Array.from({ length: 1500 }, (_, i) => ({
    id: `id${i}`,
    name: `project-${i}`,
    domainId: 'default',
    enabled: true,
    description: '',
    key: `project-${i}\u0000id${i}`,
  }));
  it('caps what is rendered and counts the rest', () => {
    const { visible, total } = filterProjects(projects, '');
    expect(visible).toHaveLength(MAX_VISIBLE_PROJECTS);
    expect(total).toBe(1500);
  });
  it('matches names and ids, case-insensitively', () => {
    expect(filterProjects(projects, 'PROJECT-1499').visible.map((p) => p.id)).toEqual(['id1499']);
    expect(filterProjects(projects, 'id42').total).toBe(11);
  });
  it('is fast on big lists', () => {
    const t = performance.now();
    for (let i = 0; i < 100; i++) filterProjects(projects, `${i}`);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('expiry message', () => {
  it.each([
    [5 * 60_000, 'Your session expires in 5 minutes'],
    [61_000, 'Your session expires in 2 minutes'],
    [30_000, 'Your session expires in 1 minute'],
    [0, 'Your session has expired'],
  ])('%i ms -> %s', (ms, text) => {
    // the message is a catalog key (with the minutes); English renders it so
    const t = createTranslator({ locale: 'en', messages: en });
    const m = expiryMessage(ms);
    expect(typeof m === 'string' ? t(m) : t(m.key, m.values)).toBe(text);
  });
});
