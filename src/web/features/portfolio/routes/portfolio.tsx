import { useId, useState } from 'react';
import type { DomainView } from '../../../../shared/contracts/portfolio.ts';
import { domainStances, stages } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useDomains, usePortfolioChange } from '../api/portfolio.ts';
import { DomainForm } from '../components/domain-form.tsx';

/** A one-field form that PUTs `${base}/${value}`: links a community or adds a sponsor. */
function AddByName({ label, hint, base, placeholder }: { label: string; hint: string; base: string; placeholder: string }) {
  const id = useId();
  const [value, setValue] = useState('');
  const change = usePortfolioChange();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const v = value.trim().replace(/^@/, '');
        if (!v) return;
        change.mutate({ method: 'PUT', url: `${base}/${encodeURIComponent(v)}` }, { onSuccess: () => setValue('') });
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
        </label>
        <input
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={placeholder}
          aria-describedby={`${id}-hint`}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600" aria-live="polite">
          {change.isError ? <span className="text-red-700">{messageOf(change.error)}</span> : hint}
        </p>
      </div>
      <Button type="submit" size="sm" variant="secondary" busy={change.isPending} className="mb-5">
        Add
      </Button>
    </form>
  );
}

function DomainCard({ d, canManage }: { d: DomainView; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const change = usePortfolioChange();
  const stance = lookup(domainStances, d.stance);
  if (editing) {
    return (
      <Card as="li" className="p-5">
        <h2 className="mb-4 text-base font-semibold text-slate-900">Edit “{d.name}”</h2>
        <DomainForm domain={d} onDone={() => setEditing(false)} />
      </Card>
    );
  }
  return (
    <Card as="li" className="space-y-4 p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">{d.name}</h2>
          <div className="mt-1 flex flex-wrap gap-2">
            <Badge tone={d.priority <= 2 ? 'brand' : 'neutral'}>Priority {d.priority} of 5</Badge>
            <Badge tone="success" title={stance.description}>
              {stance.name}
            </Badge>
          </div>
          <p className="mt-1 text-xs text-slate-600">{stance.description}</p>
        </div>
        {canManage && (
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="danger"
              busy={change.isPending}
              onClick={() => {
                if (window.confirm(`Remove “${d.name}” from the portfolio? Its communities stay as they are.`)) change.mutate({ method: 'DELETE', url: `/api/domains/${d.id}` });
              }}
            >
              Remove
            </Button>
          </div>
        )}
      </div>
      {d.description && <p className="text-sm text-slate-700 whitespace-pre-line">{d.description}</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-label={`Communities in ${d.name}`}>
          <h3 className="text-sm font-semibold text-slate-900">Communities</h3>
          {d.communities.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No community works on this domain yet.</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {d.communities.map((c) => (
                <li key={c.slug} className="flex flex-wrap items-center gap-2 text-sm">
                  <AppLink href={paths.community(c.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {c.name}
                  </AppLink>
                  <span className="text-xs text-slate-600">{lookup(stages, c.stage).name}</span>
                  {canManage && (
                    <button
                      type="button"
                      className="text-xs text-slate-600 underline underline-offset-2 hover:text-red-700"
                      onClick={() => change.mutate({ method: 'DELETE', url: `/api/domains/${d.id}/communities/${c.slug}` })}
                    >
                      Unlink<span className="sr-only"> {c.name}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canManage && <AddByName label="Link a community" hint="Its web address name, e.g. network-operations." base={`/api/domains/${d.id}/communities`} placeholder="community-slug" />}
        </section>
        <section aria-label={`Sponsors of ${d.name}`}>
          <h3 className="text-sm font-semibold text-slate-900">Sponsors</h3>
          {d.sponsors.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No sponsor yet.</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {d.sponsors.map((s) => (
                <li key={s.username} className="flex flex-wrap items-center gap-2 text-sm">
                  <AppLink href={paths.person(s.username)} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {s.displayName}
                  </AppLink>
                  {canManage && (
                    <button
                      type="button"
                      className="text-xs text-slate-600 underline underline-offset-2 hover:text-red-700"
                      onClick={() => change.mutate({ method: 'DELETE', url: `/api/domains/${d.id}/sponsors/${s.username}` })}
                    >
                      Remove<span className="sr-only"> {s.displayName} as sponsor</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canManage && <AddByName label="Add a sponsor" hint="Their username." base={`/api/domains/${d.id}/sponsors`} placeholder="username" />}
        </section>
      </div>
      {change.isError && <Alert tone="error">{messageOf(change.error)}</Alert>}
    </Card>
  );
}

export function PortfolioPage() {
  usePageTitle('Domain portfolio');
  const query = useDomains();
  const [adding, setAdding] = useState(false);
  const domains = query.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = query.data?.pages[0]?.canManage ?? false;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Domain portfolio"
        lead="The knowledge domains the organization engages with, invests in and sponsors, by strategic priority — and the communities that steward them."
        actions={
          canManage && !adding ? (
            <Button onClick={() => setAdding(true)}>Add a domain</Button>
          ) : undefined
        }
      />
      {adding && (
        <Card className="p-5">
          <h2 className="mb-4 text-base font-semibold text-slate-900">New domain</h2>
          <DomainForm onDone={() => setAdding(false)} />
        </Card>
      )}
      {query.isPending ? (
        <Loading label="Loading the portfolio…" />
      ) : query.isError ? (
        <Alert tone="error" title="We could not load the portfolio.">
          {messageOf(query.error)}
        </Alert>
      ) : domains.length === 0 ? (
        <EmptyState title="No strategic domains yet">
          {canManage
            ? 'Add the domains your organization cares about most, then link the communities that work on them and name their sponsors.'
            : 'Site admins and the support team keep the portfolio. Once they add domains, you will see which communities steward each one.'}
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {domains.map((d) => (
            <DomainCard key={d.id} d={d} canManage={canManage} />
          ))}
        </ul>
      )}
      <LoadMore hasMore={Boolean(query.hasNextPage)} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} label="More domains" />
    </div>
  );
}
