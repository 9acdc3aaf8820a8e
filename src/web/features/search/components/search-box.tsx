import { useRouter, useRouterState } from '@tanstack/react-router';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { paths } from '../../../paths.ts';

/** The search box in the header: submits to /search, keeps the current query when on the results page. */
export function SearchBox({ className }: { className?: string }) {
  const router = useRouter();
  const id = useId();
  const location = useRouterState({ select: (s) => s.location });
  const current = location.pathname === '/search' ? String((location.search as { q?: unknown }).q ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void router.navigate({ href: paths.search(q.trim()) });
  }

  return (
    <search className={className}>
    <form onSubmit={submit} className="relative">
      <label htmlFor={id} className="sr-only">
        Search topics and the repository
      </label>
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-500">
        <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.58 3.58a.75.75 0 1 1-1.06 1.06l-3.58-3.58A7 7 0 0 1 2 9Z" clipRule="evenodd" />
      </svg>
      <input
        id={id}
        type="search"
        name="q"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search topics and the repository"
        className="block w-full rounded-lg border border-slate-300 bg-white py-2 pl-9 pr-3 text-base text-slate-900 placeholder:text-slate-500 focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 sm:text-sm"
      />
    </form>
    </search>
  );
}
