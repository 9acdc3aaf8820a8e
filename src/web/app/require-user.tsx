import { useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { buttonClass } from '../components/ui/button.tsx';
import { Loading } from '../components/ui/feedback.tsx';
import { PageHeader } from '../components/ui/layout.tsx';
import { AppLink } from '../lib/link.tsx';
import { useSession } from '../lib/session.ts';
import { usePageTitle } from '../lib/title.ts';
import { paths } from '../paths.ts';

/** Pages that need an account explain why and offer sign-in, then come back here. */
export function RequireUser({ title, why, children }: { title: string; why: string; children: ReactNode }) {
  const { user, isPending } = useSession();
  const href = useRouterState({ select: (s) => s.location.href });
  usePageTitle(user ? null : title);
  if (isPending) return <Loading />;
  if (user) return <>{children}</>;
  const next = `?next=${encodeURIComponent(href)}`;
  return (
    <div className="mx-auto max-w-xl space-y-6 py-8">
      <PageHeader title={title} lead={why} />
      <div className="flex flex-wrap gap-3">
        <AppLink href={`${paths.signIn()}${next}`} className={buttonClass('primary')}>
          Sign in
        </AppLink>
        <AppLink href={`${paths.signUp()}${next}`} className={buttonClass('secondary')}>
          Create an account
        </AppLink>
      </div>
    </div>
  );
}
