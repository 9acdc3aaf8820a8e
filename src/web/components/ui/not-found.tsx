import { AppLink } from '../../lib/link.tsx';
import { usePageTitle } from '../../lib/title.ts';
import { paths } from '../../paths.ts';
import { buttonClass } from './button.tsx';

/** Said the same way for missing pages and for things the viewer may not know exist. */
export function NotFound({ what = 'page' }: { what?: string }) {
  usePageTitle('Not found');
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 tabIndex={-1} data-page-heading className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        We couldn’t find that {what}
      </h1>
      <p className="mt-4 text-base text-slate-600">
        It may have moved, or the link may be mistyped. If someone shared it with you, it may belong to a community you are
        not part of yet.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <AppLink href={paths.home()} className={buttonClass('primary')}>
          Browse communities
        </AppLink>
        <AppLink href={paths.search('')} className={buttonClass('secondary')}>
          Search
        </AppLink>
      </div>
    </div>
  );
}
