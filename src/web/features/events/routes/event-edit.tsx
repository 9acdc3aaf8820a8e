import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { createEvent, eventKeys, updateEvent, useEvent } from '../api/events.ts';
import { EventForm } from '../components/event-form.tsx';

/** Planning a new event in a community. */
export function NewEventPage({ community: c }: { community: CommunityDetail }) {
  const qc = useQueryClient();
  const router = useRouter();
  const navigate = (href: string) => void router.navigate({ href });
  return (
    <Card className="p-5">
      <EventForm
        submitLabel="Plan the event"
        onSubmit={async (body) => {
          const ev = await createEvent(c.slug, body);
          await qc.invalidateQueries({ queryKey: eventKeys.all });
          navigate(paths.event(ev.id));
        }}
      />
    </Card>
  );
}

/** Changing an event or its whole series. */
export function EditEventPage({ id }: { id: number }) {
  const qc = useQueryClient();
  const router = useRouter();
  const navigate = (href: string) => void router.navigate({ href });
  const q = useEvent(id);
  usePageTitle(q.data ? `Edit ${q.data.title}` : null);
  if (q.isPending) return <Loading label="Loading event…" />;
  if (q.isError) return q.error instanceof ApiError && q.error.status === 404 ? <NotFound what="event" /> : <Alert tone="error">{messageOf(q.error)}</Alert>;
  const ev = q.data;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <AppLink href={paths.event(ev.id)} className="text-slate-600 underline-offset-2 hover:underline">
            {ev.title}
          </AppLink>
        }
        title="Edit the event"
        lead={ev.rule ? 'Changes apply to the whole series. To move or cancel one date, open that date on the event page.' : undefined}
      />
      {!ev.viewer.canEdit ? (
        <EmptyState title="Only the organizer and coordinators can change this event" />
      ) : (
        <Card className="p-5">
          <EventForm
            initial={ev}
            submitLabel="Save changes"
            onSubmit={async (body) => {
              await updateEvent(ev.id, body);
              await qc.invalidateQueries({ queryKey: eventKeys.all });
              navigate(paths.event(ev.id));
            }}
          />
        </Card>
      )}
    </div>
  );
}
