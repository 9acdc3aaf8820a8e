import type { InboxItem } from '../../../shared/contracts/notifications.ts';
import { nameOf, roles } from '../../../shared/model/catalogue.ts';
import type { InboxRow } from './notifications.queries.ts';

function summaryOf(r: InboxRow): string {
  const who = r.actor_name ?? 'Someone';
  const topic = r.topic_title ? `“${r.topic_title}”` : 'a topic';
  const community = r.community_name ?? 'a community';
  switch (r.kind) {
    case 'reply':
      return `${who} replied in ${topic}`;
    case 'mention':
      return `${who} mentioned you in ${topic}`;
    case 'answer_accepted':
      return `Your reply was accepted as the answer to ${topic}`;
    case 'question_routed':
      return `A question you may be able to answer: ${topic}`;
    case 'new_topic':
      return `${who} started ${topic} in ${community}`;
    case 'invitation':
      return `${who} invited you to join ${community}`;
    case 'join_request':
      return `${who} asked to join ${community}`;
    case 'role_given':
      return `${who} made you ${nameOf(roles, String(r.data.role ?? ''))} of ${community}`;
    case 'event_created':
      return `${who} planned “${String(r.data.title ?? 'an event')}” in ${community}`;
    case 'event_reminder':
      return `Reminder: “${String(r.data.title ?? 'an event')}” starts ${r.data.offset === 'hour' ? 'in an hour' : 'tomorrow'}`;
    default:
      return `Something happened in ${community}`;
  }
}

function hrefOf(r: InboxRow): string {
  if (r.topic_id) return r.post_id ? `/topics/${r.topic_id}#post-${r.post_id}` : `/topics/${r.topic_id}`;
  if ((r.kind === 'event_created' || r.kind === 'event_reminder') && r.data.eventId) {
    return `/events/${Number(r.data.eventId)}${r.data.occurrence ? `?at=${String(r.data.occurrence)}` : ''}`;
  }
  if (r.kind === 'join_request' && r.community_slug) return `/c/${r.community_slug}/members`;
  if (r.community_slug) return `/c/${r.community_slug}`;
  return '/inbox';
}

export function presentInboxItem(r: InboxRow): InboxItem {
  return {
    id: r.id,
    kind: r.kind as InboxItem['kind'],
    createdAt: new Date(r.created_at).toISOString(),
    read: r.read_at !== null,
    summary: summaryOf(r),
    href: hrefOf(r),
    actor: r.actor_username ? { username: r.actor_username, displayName: r.actor_name ?? r.actor_username } : null,
    topic: r.topic_id ? { id: r.topic_id, title: r.topic_title ?? '' } : null,
    community: r.community_slug ? { slug: r.community_slug, name: r.community_name ?? '' } : null,
    reasons: Array.isArray(r.data.reasons) ? (r.data.reasons as string[]) : [],
  };
}
