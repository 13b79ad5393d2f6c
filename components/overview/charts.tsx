'use client';
// The overview's two chart kinds, drawn by Chart.js. This module is loaded lazily (next/dynamic in usage-charts.tsx)
// so Chart.js is not in any page's first-load JS; only the pieces used are registered (tree-shaken).
// A canvas is an image to assistive technology: each chart is role="img" with a full text alternative, and the
// rows beside it (usage-charts.tsx) carry the same numbers as text.

import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useMsg } from '@/components/i18n/use-msg';
import { formatAmount, isUnlimited, quotaBars, quotaSummary, quotaTone, statusColors, type QuotaItem } from '@/lib/resources/compute/quotas';

ChartJS.register(BarElement, ArcElement, CategoryScale, LinearScale, Tooltip);

interface Theme {
  dark: boolean;
  present: boolean;
}

/** Follows the dark-mode class and presentation flag on <html> (both toggled at runtime). */
function useTheme(): Theme {
  const read = (): Theme => ({ dark: document.documentElement.classList.contains('dark'), present: document.documentElement.hasAttribute('data-present') });
  const [theme, setTheme] = useState<Theme>(read);
  useEffect(() => {
    const obs = new MutationObserver(() => setTheme(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-present'] });
    return () => obs.disconnect();
  }, []);
  return theme;
}

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

// sRGB hex (Chart.js derives hover shades from the colour, which it can only do for sRGB notations).
const USED = { ok: '#2563eb', warn: '#d97706', full: '#dc2626' } as const;
const USED_CONTRAST = { ok: '#1d4ed8', warn: '#b45309', full: '#b91c1c' } as const;
export function QuotaBarChart({ title, items }: { title: string; items: readonly QuotaItem[] }) {
  const t = useTranslations('overview.chart');
  const m = useMsg();
  const locale = useLocale();
  const format = useFormatter();
  const amount = (n: number, q: QuotaItem) => formatAmount(n, q.unit, locale);
  const { dark, present } = useTheme();
  const bars = quotaBars(items);
  const text = dark ? '#e4e4e7' : '#27272a';
  const grid = dark ? '#3f3f46' : '#e4e4e7';
  const used = present ? USED_CONTRAST : USED;
  const labels = items.map((q) => (isUnlimited(q) ? t('unlimitedLabel', { label: m(q.label) }) : m(q.label)));
  const barThickness = present ? 20 : 14;
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 250 },
    scales: {
      x: { stacked: true, min: 0, max: 100, ticks: { color: text, callback: (v) => format.number(Number(v) / 100, { style: 'percent' }), stepSize: 25 }, grid: { color: grid } },
      y: { stacked: true, ticks: { color: text, font: { size: present ? 16 : 12 } }, grid: { display: false } },
    },
    plugins: {
      tooltip: {
        callbacks: {
          // One line per bar segment, in the quota's own unit.
          label: (ctx) => {
            const q = items[ctx.dataIndex];
            if (ctx.datasetIndex === 0) return t('tooltipUsed', { used: amount(q.used, q), limit: amount(q.limit, q) });
            if (ctx.datasetIndex === 1) return t('tooltipReserved', { amount: amount(q.reserved ?? 0, q) });
            return t('tooltipFree', { amount: amount(Math.max(0, q.limit - q.used - (q.reserved ?? 0)), q) });
          },
        },
        filter: (item) => (item.raw as number) > 0,
      },
    },
  };
  const data = {
    labels,
    datasets: [
      { label: t('used'), data: bars.map((b) => b.used), backgroundColor: items.map((q) => used[quotaTone(q)]), barThickness },
      { label: t('reserved'), data: bars.map((b) => b.reserved), backgroundColor: dark ? '#a1a1aa' : '#71717a', barThickness },
      { label: t('free'), data: bars.map((b) => b.free), backgroundColor: dark ? '#27272a' : '#e4e4e7', barThickness },
    ],
  };
  const alt = t('quotaAlt', { group: title, items: items.map((q) => t('quotaItem', { label: m(q.label), summary: m(quotaSummary(q, locale)) })).join(t('itemSeparator')) });
  return (
    <div style={{ height: items.length * (present ? 40 : 30) + 36 }}>
      <Bar role="img" aria-label={alt} data={data} options={options} fallbackContent={<p>{alt}</p>} />
    </div>
  );
}

export function StatusDoughnut({ title, counts }: { title: string; counts: readonly { label: string; tone: string; count: number }[] }) {
  const t = useTranslations('overview.chart');
  const format = useFormatter();
  const { dark } = useTheme();
  const colors = statusColors(counts);
  const options: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    cutout: '62%',
    animation: reducedMotion() ? false : { duration: 250 },
    plugins: { tooltip: { callbacks: { label: (ctx) => t('statusTooltip', { label: ctx.label, count: format.number(Number(ctx.raw)) }) } } },
  };
  const data = {
    labels: counts.map((c) => c.label),
    datasets: [{ data: counts.map((c) => c.count), backgroundColor: colors, borderColor: dark ? '#18181b' : '#ffffff', borderWidth: 2 }],
  };
  const alt = t('statusAlt', { title, items: counts.map((c) => t('statusItem', { label: c.label, count: format.number(c.count) })).join(t('listSeparator')) });
  return (
    <div className="h-36 w-36 shrink-0">
      <Doughnut role="img" aria-label={alt} data={data} options={options} fallbackContent={<p>{alt}</p>} />
    </div>
  );
}
