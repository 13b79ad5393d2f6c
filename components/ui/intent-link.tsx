'use client';
// A next/link that prefetches on intent (pointer over it, focus, touch) instead of whenever it scrolls into view.
// Viewport prefetching fired ~75 React Server Component requests per page load (the sidebar's routes and every row's
// detail link), all competing with the list's own call on a small server (issue 16).
import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import { forwardRef, type ComponentProps } from 'react';

type Props = ComponentProps<typeof NextLink>;

const IntentLink = forwardRef<HTMLAnchorElement, Props>(function IntentLink({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }, ref) {
  const router = useRouter();
  // An explicit prefetch choice (true) keeps Next's behaviour; a string href is all router.prefetch takes.
  if (prefetch === true) return <NextLink ref={ref} prefetch {...props} onMouseEnter={onMouseEnter} onFocus={onFocus} onTouchStart={onTouchStart} />;
  const href = typeof props.href === 'string' ? props.href : undefined;
  const intent = () => {
    if (href && prefetch !== false) router.prefetch(href);
  };
  return (
    <NextLink
      ref={ref}
      prefetch={false}
      {...props}
      onMouseEnter={(e) => {
        intent();
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        intent();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        intent();
        onTouchStart?.(e);
      }}
    />
  );
});

export default IntentLink;
