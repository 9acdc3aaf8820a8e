import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import type { Page } from '../../shared/contracts/common.ts';
import type { CommunitySummary } from '../../shared/contracts/communities.ts';
import { buttonClass } from '../components/ui/button.tsx';
import { InboxLink } from '../features/notifications/components/inbox-link.tsx';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { api } from '../lib/api.ts';
import { cx } from '../lib/cx.ts';
import { AppLink } from '../lib/link.tsx';
import { useSession, useSessionChanged } from '../lib/session.ts';
import { paths } from '../paths.ts';
import { useLiveUpdates } from './live.tsx';

function Logo() {
  return (
    <AppLink href={paths.home()} className="flex shrink-0 items-center gap-2 rounded-md font-semibold text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
        <rect width="32" height="32" rx="8" fill="#312e81" />
        <g stroke="#a5b4fc" strokeWidth="1.2">
          <path d="M9 11 16 19 22 8M16 19l8 5" />
        </g>
        <g fill="#fff">
          <circle cx="9" cy="11" r="2.5" />
          <circle cx="22" cy="8" r="2" />
          <circle cx="16" cy="19" r="3" />
          <circle cx="24" cy="24" r="2" />
        </g>
      </svg>
      <span className="text-lg tracking-tight">Constellation</span>
    </AppLink>
  );
}

/** The signed-in person's menu: a disclosure of links, closed by Escape or a click outside. */
function UserMenu({ displayName, username, admin, support }: { displayName: string; username: string; admin: boolean; support: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  const qc = useQueryClient();
  const sessionChanged = useSessionChanged();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => api<Page<CommunitySummary>>('GET', '/api/me/invitations'),
    staleTime: 30_000,
  });
  const count = invitations.data?.items.length ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: close whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function signOut() {
    await api('POST', '/api/auth/signout').catch(() => undefined);
    await sessionChanged();
    qc.clear();
    await router.navigate({ href: paths.home() });
  }

  const item = 'flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900';
  const initials = displayName
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <div ref={ref} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        <span aria-hidden="true" className="relative flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-900">
          {initials}
          {count > 0 && <span className="absolute -right-0.5 -top-0.5 size-2.5 rounded-full bg-amber-500 ring-2 ring-white" />}
        </span>
        <span className="hidden max-w-[10rem] truncate sm:inline">{displayName}</span>
        <span className="sr-only">
          {' '}
          — your menu{count > 0 ? `, ${count} ${count === 1 ? 'invitation' : 'invitations'}` : ''}
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 text-slate-500">
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      <div id={id} hidden={!open} className="absolute right-0 z-20 mt-2 w-60 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg">
        <p className="truncate px-3 pb-2 pt-1.5 text-xs text-slate-600">
          Signed in as <span className="font-medium text-slate-900">@{username}</span>
        </p>
        <ul>
          <li>
            <AppLink href={paths.person(username)} className={item}>
              Your profile
            </AppLink>
          </li>
          <li>
            <AppLink href={paths.myCommunities()} className={item}>
              My communities
            </AppLink>
          </li>
          <li>
            <AppLink href={paths.editProfile()} className={item}>
              Edit profile
            </AppLink>
          </li>
          <li>
            <AppLink href={paths.reviews()} className={item}>
              Your review queue
            </AppLink>
          </li>
          <li>
            <AppLink href="/invitations" className={item}>
              Invitations
              {count > 0 && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{count}</span>}
            </AppLink>
          </li>
          <li>
            <AppLink href={paths.newCommunity()} className={item}>
              Create a community
            </AppLink>
          </li>
          <li>
            <AppLink href="/settings/notifications" className={item}>
              Notification settings
            </AppLink>
          </li>
          <li>
            <AppLink href={paths.calendarFeeds()} className={item}>
              Calendar feeds
            </AppLink>
          </li>
          <li>
            <AppLink href="/portfolio" className={item}>
              Domain portfolio
            </AppLink>
          </li>
          <li>
            <AppLink href="/sponsoring" className={item}>
              Communities you sponsor
            </AppLink>
          </li>
          {(admin || support) && (
            <li>
              <AppLink href={paths.proposals()} className={item}>
                Proposals
              </AppLink>
            </li>
          )}
          {admin && (
            <li>
              <AppLink href={paths.outbox()} className={item}>
                Email outbox
              </AppLink>
            </li>
          )}
          <li className="mt-1 border-t border-slate-100 pt-1">
            <button type="button" className={cx(item, 'w-full text-left')} onClick={() => void signOut()}>
              Sign out
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function Header() {
  const { user, isPending } = useSession();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Logo />
        <nav aria-label="Main" className="order-last -mx-2 flex w-full gap-1 md:order-none md:mx-0 md:w-auto">
          <AppLink href={paths.home()} className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:text-slate-900">
            Communities
          </AppLink>
          <AppLink href={paths.people()} className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:text-slate-900">
            People
          </AppLink>
        </nav>
        <SearchBox className="order-last w-full md:order-none md:ml-auto md:w-80" />
        <div className="ml-auto flex items-center gap-2 md:ml-0">
          {isPending ? null : user ? (
            <>
              <InboxLink />
              <UserMenu displayName={user.displayName} username={user.username} admin={user.siteRole === 'admin'} support={user.siteRole === 'support'} />
            </>
          ) : (
            <>
              <AppLink href={paths.signIn()} className={buttonClass('ghost', 'sm')}>
                Sign in
              </AppLink>
              <AppLink href={paths.signUp()} className={buttonClass('primary', 'sm')}>
                Sign up
              </AppLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

/** Moves focus to the new page's heading after client-side navigation, so screen readers start there. */
function useFocusOnNavigate() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (window.location.hash) return;
    let tries = 0;
    const tick = () => {
      const h = document.querySelector<HTMLElement>('[data-page-heading]');
      if (h) h.focus({ preventScroll: true });
      else if (tries++ < 20) setTimeout(tick, 100);
      else document.getElementById('main')?.focus();
    };
    tick();
  }, [pathname]);
}

export function Layout() {
  useFocusOnNavigate();
  const { user } = useSession();
  const announcement = useLiveUpdates(user?.id ?? null);
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
      >
        Skip to content
      </a>
      <Header />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>Constellation — where communities of practice learn together.</p>
          <p>
            <a href="/api/docs" className="underline underline-offset-2 hover:text-slate-900">
              API documentation
            </a>
          </p>
        </div>
      </footer>
    </div>
  );
}
