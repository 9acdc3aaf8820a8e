import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type NotificationKind, notificationKinds, roles } from '../../../shared/model/catalogue.ts';
import { type OutgoingEmail, queueEmails, unsubscribeHeaders, unsubscribePageUrl } from './email.outbox.ts';
import { type EmailContent, renderEmail } from './email.render.ts';
import { canReadTopicSql, canSeeCommunitySql } from './email.visibility.ts';
import { markdownToText } from '../../lib/markdown.ts';

const BATCH = 100;

interface Row {
  id: number;
  user_id: number;
  kind: NotificationKind;
  data: Record<string, unknown>;
  topic_id: number | null;
  post_id: number | null;
  email: string;
  email_token: string;
  actor_name: string | null;
  topic_title: string | null;
  community_name: string | null;
  community_slug: string | null;
  post_body: string | null;
  visible: boolean;
}

const kindName = (kind: NotificationKind) => notificationKinds.find((k) => k.key === kind)?.name ?? kind;
const roleName = (role: unknown) => roles.find((r) => r.key === role)?.name.toLowerCase() ?? String(role ?? 'a new role');

function excerpt(markdown: string | null, max = 280): string | undefined {
  if (!markdown) return undefined;
  const flat = markdownToText(markdown);
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The subject and content of one notification's email. */
function compose(appUrl: string, n: Row): { subject: string; content: Omit<EmailContent, 'reason' | 'unsubscribe'> } {
  const who = n.actor_name ?? 'Someone';
  const topic = n.topic_title ? `“${n.topic_title}”` : 'a topic';
  const community = n.community_name ?? 'a community';
  const topicUrl = n.topic_id ? `${appUrl}/topics/${n.topic_id}${n.post_id ? `#post-${n.post_id}` : ''}` : appUrl;
  const communityUrl = n.community_slug ? `${appUrl}/c/${n.community_slug}` : appUrl;
  switch (n.kind) {
    case 'reply':
      return {
        subject: `${who} replied in ${topic}`,
        content: { heading: `${who} replied in ${topic}`, quote: excerpt(n.post_body), action: { label: 'Read the reply', url: topicUrl } },
      };
    case 'mention':
      return {
        subject: `${who} mentioned you in ${topic}`,
        content: { heading: `${who} mentioned you in ${topic}`, quote: excerpt(n.post_body), action: { label: 'See the mention', url: topicUrl } },
      };
    case 'answer_accepted':
      return {
        subject: `Your answer was accepted in ${topic}`,
        content: {
          heading: 'Your answer was accepted',
          paragraphs: [`${who} marked your reply as the answer to ${topic}. Thank you for helping.`],
          action: { label: 'See the answer', url: topicUrl },
        },
      };
    case 'question_routed': {
      const reasons = Array.isArray(n.data.reasons) ? n.data.reasons.filter((r): r is string => typeof r === 'string') : [];
      return {
        subject: `Can you help? ${topic}`,
        content: {
          heading: `A question you might be able to answer: ${topic}`,
          paragraphs: [
            'Nobody has answered this question yet, and you may know something that helps.',
            ...(reasons.length ? [`Why you: ${reasons.join('; ')}.`] : []),
          ],
          action: { label: 'Read the question', url: topicUrl },
        },
      };
    }
    case 'new_topic':
      return {
        subject: `New in ${community}: ${topic}`,
        content: {
          heading: `New topic in ${community}`,
          paragraphs: [`${who} started ${topic}.`],
          action: { label: 'Read the topic', url: topicUrl },
        },
      };
    case 'invitation':
      return {
        subject: `${who} invited you to join ${community}`,
        content: {
          heading: `You are invited to join ${community}`,
          paragraphs: [`${who} invited you to join ${community}. Have a look and join if it suits you.`],
          action: { label: 'See the invitation', url: communityUrl },
        },
      };
    case 'join_request':
      return {
        subject: `${who} asked to join ${community}`,
        content: {
          heading: `${who} asked to join ${community}`,
          paragraphs: ['As a coordinator you can approve or decline the request.'],
          action: { label: 'Review requests', url: `${communityUrl}/members` },
        },
      };
    case 'role_given':
      return {
        subject: `You are now ${roleName(n.data.role)} of ${community}`,
        content: {
          heading: `You are now ${roleName(n.data.role)} of ${community}`,
          paragraphs: [`${who} gave you this role.`],
          action: { label: `Open ${community}`, url: communityUrl },
        },
      };
    case 'event_created':
    case 'event_reminder': {
      const title = `“${String(n.data.title ?? 'An event')}”`;
      const url = `${appUrl}/events/${Number(n.data.eventId)}${n.data.occurrence ? `?at=${String(n.data.occurrence)}` : ''}`;
      const when = eventWhen(n.data);
      const where = [n.data.place, n.data.onlineUrl ? `online: ${String(n.data.onlineUrl)}` : ''].filter(Boolean).join(', ');
      if (n.kind === 'event_created') {
        return {
          subject: `New event in ${community}: ${title}`,
          content: { heading: `New event in ${community}`, paragraphs: [`${who} planned ${title}, ${when}.`], action: { label: 'See the event', url } },
        };
      }
      const soon = n.data.offset === 'hour' ? 'in an hour' : 'tomorrow';
      return {
        subject: `Reminder: ${title} ${soon}`,
        content: {
          heading: `${title} starts ${soon}`,
          paragraphs: [`${when}${where ? ` — ${where}` : ''}.`, `You said you would come (${community}). If your plans changed, update your answer so others can take your place.`],
          action: { label: 'See the event', url },
        },
      };
    }
  }
}

/** "Friday 6 March, 18:00 (Europe/Berlin)" from a notification's event data. */
function eventWhen(data: Record<string, unknown>): string {
  const tz = typeof data.timeZone === 'string' ? data.timeZone : 'UTC';
  const at = new Date(String(data.startsAt ?? ''));
  if (Number.isNaN(at.getTime())) return 'soon';
  try {
    const f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(at);
    return `${f} (${tz})`;
  } catch {
    return at.toISOString();
  }
}

/** Renders one notification as an email with its one-click unsubscribe for that kind. */
export function notificationEmail(appUrl: string, n: Row): OutgoingEmail {
  const { subject, content } = compose(appUrl, n);
  const name = kindName(n.kind).toLowerCase();
  const rendered = renderEmail(appUrl, {
    ...content,
    preheader: content.quote ?? content.paragraphs?.[0],
    reason: `You get this email because email is on for ${name}.`,
    unsubscribe: { url: unsubscribePageUrl(appUrl, n.email_token, n.kind), label: `Stop emails about ${name}` },
  });
  return {
    userId: n.user_id,
    kind: n.kind,
    to: n.email,
    subject,
    ...rendered,
    headers: unsubscribeHeaders(appUrl, n.email_token, n.kind),
  };
}

/**
 * Turns due email-delivery notifications into outbox emails. Each batch is claimed with
 * SKIP LOCKED; the emails are queued and emailed_at set in the same transaction. A recipient
 * who can no longer read the topic or see the community gets nothing (the row is still
 * marked, so it is not examined again). Returns how many emails were queued.
 */
export async function emailDueNotifications(app: FastifyInstance): Promise<number> {
  let queued = 0;
  for (;;) {
    const { claimed, emails } = await app.db.transaction(async (tx) => {
      const ids = (
        await tx.execute<{ id: number }>(sql`
          select id from notifications where delivery = 'email' and emailed_at is null
          order by id limit ${BATCH} for update skip locked`)
      ).rows.map((r) => Number(r.id));
      if (!ids.length) return { claimed: 0, emails: 0 };
      const rows = (
        await tx.execute<Row & Record<string, unknown>>(sql`
          select n.id, n.user_id, n.kind, n.data, n.topic_id, n.post_id,
            u.email, u.email_token, a.display_name as actor_name,
            t.title as topic_title, c.name as community_name, c.slug as community_slug,
            p.body_source as post_body,
            case
              when n.topic_id is not null then
                (n.post_id is null or p.id is not null) and ${canReadTopicSql(sql`u.id`, sql`u.site_role`, sql`n.topic_id`)}
              when n.community_id is not null then
                exists (select 1 from communities where communities.id = n.community_id and ${canSeeCommunitySql(sql`u.id`, sql`u.site_role`)})
              else true
            end as visible
          from notifications n
          join users u on u.id = n.user_id
          left join users a on a.id = n.actor_id
          left join topics t on t.id = n.topic_id
          left join communities c on c.id = n.community_id
          left join posts p on p.id = n.post_id and p.deleted_at is null
          where n.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
          order by n.id`)
      ).rows;
      const emails = rows.filter((r) => r.visible).map((r) => notificationEmail(app.env.appUrl, r));
      await queueEmails(tx, emails);
      await tx.execute(sql`update notifications set emailed_at = now() where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
      return { claimed: ids.length, emails: emails.length };
    });
    queued += emails;
    if (claimed < BATCH) break;
  }
  if (queued) await app.jobs.nudge('email.send');
  return queued;
}
