import type { AgendaItemView } from '../../../shared/contracts/agenda.ts';
import type { ItemRow, ItemTopicRow } from './agenda.queries.ts';

export function presentItem(r: ItemRow, topics: ItemTopicRow[], canEdit: boolean): AgendaItemView {
  return {
    id: r.id,
    question: r.question,
    notes: r.notes,
    status: r.status,
    owner: r.ownerUsername ? { username: r.ownerUsername, displayName: r.ownerDisplayName ?? r.ownerUsername } : null,
    createdBy: r.creatorUsername ? { username: r.creatorUsername, displayName: r.creatorDisplayName ?? r.creatorUsername } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    topicCount: r.topicCount,
    topics: topics
      .filter((t) => t.itemId === r.id)
      .map((t) => ({ id: t.id, title: t.title, isQuestion: t.isQuestion, answered: t.answered, replyCount: t.replyCount, lastActivityAt: t.lastActivityAt.toISOString() })),
    canEdit,
  };
}
