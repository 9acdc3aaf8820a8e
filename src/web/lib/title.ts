import { useEffect } from 'react';

/** Sets the document title for the current page; screen readers hear it after navigation. */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · Constellation`;
  }, [title]);
}
