import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useWhoKnows } from '../api/people.ts';
import { PersonListItem } from './directory.tsx';

export function WhoKnowsPage({ q }: { q?: string }) {
  usePageTitle(q ? `Who knows about ${q}` : 'Who knows about…');
  const router = useRouter();
  const [text, setText] = useState(q ?? '');
  const [error, setError] = useState<string | null>(null);
  const query = q?.trim() ?? '';
  const result = useWhoKnows(query);

  function submit(e: FormEvent) {
    e.preventDefault();
    const v = text.trim();
    if (v.length < 2) return setError('Say what you need to know, for example “pump maintenance”.');
    setError(null);
    void router.navigate({ href: paths.whoKnows(v) });
  }

  const items = result.data?.items ?? [];
  return (
    <div className="space-y-8">
      <PageHeader
        title="Who knows about…?"
        lead="Describe a subject and we suggest colleagues who know about it: what they say they know, and the answers they have given that you can see."
      />
      <form onSubmit={submit} noValidate aria-label="Who knows about" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end sm:p-5">
        <div className="flex-1">
          <TextField label="Subject" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. pump maintenance, SCADA alarms" maxLength={200} error={error ?? undefined} />
        </div>
        <Button type="submit">Find people</Button>
      </form>
      {!query ? (
        <EmptyState title="Ask about anything you are working on">
          Type a subject above. We look at declared expertise and at accepted answers, helpful replies and conversations on topics like it — only in
          communities you can read.
        </EmptyState>
      ) : result.isPending ? (
        <Loading label="Searching for people…" />
      ) : result.isError ? (
        <Alert tone="error">{messageOf(result.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState
          title={`Nobody stands out for “${query}” yet`}
          action={
            <AppLink href={paths.newTopic()} className={buttonClass('primary')}>
              Ask your communities
            </AppLink>
          }
        >
          Try a broader word, or start a topic: the people who answer it become the ones others find here next time.
        </EmptyState>
      ) : (
        <section aria-labelledby="suggestions-heading" className="space-y-3">
          <h2 id="suggestions-heading" className="text-lg font-semibold text-slate-900">
            People who may know about “{query}”
          </h2>
          <ol className="grid gap-3 md:grid-cols-2">
            {items.map((p) => (
              <PersonListItem key={p.username} p={p}>
                <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-700" aria-label={`Why ${p.displayName} was suggested`}>
                  {p.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </PersonListItem>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
