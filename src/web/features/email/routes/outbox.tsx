import type { OutboxStatus, OutboxSummary } from '../../../../shared/contracts/email.ts';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDateTime, formatRelative, plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useOutbox, useOutboxMessage } from '../api/email.ts';

const statusText: Record<OutboxStatus, { label: string; tone: 'success' | 'warning' | 'neutral' | 'danger' }> = {
  sent: { label: 'Sent', tone: 'success' },
  waiting: { label: 'Waiting to send', tone: 'neutral' },
  retrying: { label: 'Retrying', tone: 'warning' },
  kept: { label: 'Kept here (no SMTP)', tone: 'neutral' },
};

function Status({ status }: { status: OutboxStatus }) {
  return <Badge tone={statusText[status].tone}>{statusText[status].label}</Badge>;
}

function Row({ m }: { m: OutboxSummary }) {
  return (
    <li className="px-4 py-3 sm:px-5">
      <div className="flex flex-wrap items-center gap-2">
        <Status status={m.status} />
        <span className="text-xs text-slate-600">{m.kind.replaceAll('_', ' ')}</span>
        <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)} className="text-xs text-slate-600">
          {formatRelative(m.createdAt)}
        </time>
      </div>
      <AppLink href={paths.outboxMessage(m.id)} className="mt-1 block break-words font-semibold text-slate-900 underline-offset-2 hover:underline">
        {m.subject}
      </AppLink>
      <p className="break-all text-sm text-slate-700">To {m.to}</p>
      {m.attempts > 0 && m.status !== 'sent' && (
        <p className="mt-1 text-sm text-amber-900">
          {plural(m.attempts, 'failed attempt')}; next try {formatRelative(m.nextAttemptAt)}.
          {m.lastError && <span className="block break-words text-slate-700">Last error: {m.lastError}</span>}
        </p>
      )}
    </li>
  );
}

/** Every email the site has written, newest first (site admins). */
export function OutboxPage() {
  usePageTitle('Email outbox');
  const outbox = useOutbox();
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const smtp = outbox.data?.pages[0]?.smtpConfigured;
  return (
    <div className="space-y-6">
      <PageHeader title="Email outbox" lead="Every email the site writes is kept here first, then sent. Failed sends are retried and never dropped." />
      {smtp === false && (
        <Alert tone="info" title="Email is not being sent">
          No mail server is configured (<code>SMTP_URL</code> is not set), so emails stay here. Read them below, or set <code>SMTP_URL</code> to deliver them.
        </Alert>
      )}
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <Alert tone="error">{messageOf(outbox.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title="No emails yet">Password resets, invitations, notifications and digests will appear here.</EmptyState>
      ) : (
        <Card className="p-0">
          <ul className="divide-y divide-slate-100">
            {items.map((m) => (
              <Row key={m.id} m={m} />
            ))}
          </ul>
        </Card>
      )}
      <LoadMore hasMore={!!outbox.hasNextPage} loading={outbox.isFetchingNextPage} onClick={() => void outbox.fetchNextPage()} label="Show older emails" />
    </div>
  );
}

/** One email: its headers, the plain-text part and a sandboxed preview of the HTML part. */
export function OutboxMessagePage({ id }: { id: number }) {
  const message = useOutboxMessage(id);
  usePageTitle(message.data ? message.data.subject : 'Email');
  if (message.isPending) return <Loading />;
  if (message.isError) return <Alert tone="error">{messageOf(message.error)}</Alert>;
  const m = message.data;
  const rows: [string, React.ReactNode][] = [
    ['To', m.to],
    ['Kind', m.kind.replaceAll('_', ' ')],
    ['Status', <Status key="s" status={m.status} />],
    ['Written', formatDateTime(m.createdAt)],
    ['Sent', m.sentAt ? formatDateTime(m.sentAt) : 'Not yet'],
    ['Attempts', String(m.attempts)],
    ...(m.lastError ? ([['Last error', m.lastError]] as [string, string][]) : []),
    ...Object.entries(m.headers).map(([k, v]) => [k, v] as [string, string]),
  ];
  return (
    <div className="space-y-6">
      <p>
        <AppLink href={paths.outbox()} className="text-sm font-medium text-brand-700 underline underline-offset-2">
          ← All emails
        </AppLink>
      </p>
      <PageHeader title={m.subject} />
      <Card className="p-4 sm:p-5">
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-700">{k}</dt>
              <dd className="break-all text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <section aria-labelledby="html-part" className="space-y-2">
        <h2 id="html-part" className="text-lg font-semibold text-slate-900">
          HTML part
        </h2>
        <iframe title="Preview of the email's HTML part" sandbox="" srcDoc={m.html} className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white" />
      </section>
      <section aria-labelledby="text-part" className="space-y-2">
        <h2 id="text-part" className="text-lg font-semibold text-slate-900">
          Plain-text part
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-900">{m.text}</pre>
      </section>
    </div>
  );
}
