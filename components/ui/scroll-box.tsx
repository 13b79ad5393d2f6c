'use client';
// A box that scrolls sideways when its table is wider than the page. While it does, keyboard users must be able to
// scroll it (axe: scrollable-region-focusable), so it then becomes a named, focusable region; a box that fits adds
// no tab stop.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function ScrollBox({ className, label, children }: { className: string; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setOverflows(box.scrollWidth > box.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className} {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
