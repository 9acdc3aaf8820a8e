import { useRouter } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** Navigates inside the app without a reload when a plain left click lands on an internal link. */
export function useInternalNavigation() {
  const router = useRouter();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    void router.navigate({ href: url.pathname + url.search + url.hash });
  };
}

interface AppLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

/** An ordinary link (works with new tabs, copy link, screen readers) that navigates client-side. */
export function AppLink({ onClick, ...rest }: AppLinkProps) {
  const navigate = useInternalNavigation();
  const props: AnchorHTMLAttributes<HTMLAnchorElement> = {
    ...rest,
    onClick: (e) => {
      onClick?.(e);
      navigate(e);
    },
  };
  return <a {...props} />;
}
