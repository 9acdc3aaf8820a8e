import type { ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';

/** The page's h1 with an optional lead paragraph and actions; the h1 receives focus after navigation. */
export function PageHeader({ title, lead, actions, eyebrow }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        {eyebrow && <div className="mb-2 text-sm text-slate-600">{eyebrow}</div>}
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl break-words">
          {title}
        </h1>
        {lead && <div className="mt-2 max-w-2xl text-base text-slate-600">{lead}</div>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function Card({ children, className, as: As = 'div' }: { children: ReactNode; className?: string; as?: 'div' | 'section' | 'article' | 'li' | 'aside' }) {
  return <As className={cx('rounded-xl border border-slate-200 bg-white shadow-sm', className)}>{children}</As>;
}

/** A section of a page with an h2. */
export function Section({ title, id, actions, children, className }: { title: ReactNode; id?: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} className={cx('space-y-4', className)}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
