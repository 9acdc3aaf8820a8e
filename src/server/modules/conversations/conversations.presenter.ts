import type { PostView, TopicSummary } from '../../../shared/contracts/conversations.ts';

interface TopicRow {
  id: number;
  title: string;
  activityType: string;
  isQuestion: boolean;
  acceptedPostId: number | null;
  tags: string[];
  replyCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  authorUsername: string;
  authorDisplayName: string;
}

export const presentTopic = (t: TopicRow): TopicSummary => ({
  id: t.id,
  title: t.title,
  activityType: t.activityType,
  isQuestion: t.isQuestion,
  answered: t.acceptedPostId !== null,
  tags: t.tags,
  replyCount: t.replyCount,
  author: { username: t.authorUsername, displayName: t.authorDisplayName },
  createdAt: t.createdAt.toISOString(),
  lastActivityAt: t.lastActivityAt.toISOString(),
});

interface PostRow {
  id: number;
  parentId: number | null;
  authorId: number;
  authorUsername: string;
  authorDisplayName: string;
  bodySource: string;
  bodyHtml: string;
  helpfulCount: number;
  helpedByMe: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

/** A post as the viewer may see it: deleted posts keep their place but lose their text, except for moderators. */
export function presentPost(
  p: PostRow,
  ctx: { viewerId: number | null; canModerate: boolean; acceptedPostId: number | null },
): PostView {
  const mine = ctx.viewerId === p.authorId;
  const hidden = p.deletedAt !== null && !ctx.canModerate;
  return {
    id: p.id,
    parentId: p.parentId,
    author: { username: p.authorUsername, displayName: p.authorDisplayName },
    bodyHtml: hidden ? '' : p.bodyHtml,
    bodySource: mine && !p.deletedAt ? p.bodySource : null,
    helpfulCount: p.helpfulCount,
    helpedByMe: p.helpedByMe,
    isAccepted: ctx.acceptedPostId === p.id,
    createdAt: p.createdAt.toISOString(),
    editedAt: p.editedAt?.toISOString() ?? null,
    deleted: p.deletedAt !== null,
    canEdit: mine && !p.deletedAt,
    canDelete: (mine || ctx.canModerate) && !p.deletedAt,
  };
}
