import { type ReactNode, useId, useState } from 'react';
import { cx } from '../../lib/cx.ts';

/** Filters that are always shown on wide screens and fold behind a button on phones. */
export function FilterPanel({ label, active, children, className }: { label: string; active: number; children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="space-y-3">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-medium text-slate-800 shadow-sm md:hidden"
      >
        <span>
          {label}
          {active > 0 && <span className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">{active}</span>}
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cx('size-4 text-slate-500 transition-transform', open && 'rotate-180')}>
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      <div id={id} className={cx(open ? 'block' : 'hidden', 'md:block', className)}>
        {children}
      </div>
    </div>
  );
}
