import { bigintArray } from '../../db/arrays.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CreateTopicInput } from '../../../shared/contracts/conversations.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { executePrepared } from '../../db/prepared.ts';
import { agendaItems, agendaItemTopics, communities, helpfulMarks, mentions, posts, postRevisions, subgroupMembers, subgroups, topicCommunities, topics } from '../../db/schema/index.ts';
import { conflict, forbidden, invalidField, notFound } from '../../errors.ts';
import { mentionCandidates, renderMarkdown } from '../../lib/markdown.ts';
import { type CommunityAccess, communityPolicy } from '../communities/communities.policy.ts';
import { findCommunityWithAccess } from '../communities/communities.queries.ts';
import { notifyNewMentions, notifyNewTopic, notifyReply, publishTopicEvent, notify, topicEventSql } from '../notifications/notifications.service.ts';
import { existingUsernames, findPost, findTopic, topicCommunitiesWithAccess } from './conversations.queries.ts';

/** Renders Markdown with links for @mentions of people who exist; returns their ids. */
async function render(db: Queryable, source: string) {
  const found = await existingUsernames(db, mentionCandidates(source));
  return { html: renderMarkdown(source, new Set(found.map((u) => u.username))), mentionedIds: found.map((u) => u.id) };
}

const searchVector = (title: string | null, body: string) =>
  title === null
    ? sql`setweight(to_tsvector('english', ${body}), 'B')`
    : sql`setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${body}), 'B')`;

/** A topic the viewer may read, with what they may do in it; 404 otherwise. */
export async function loadReadableTopic(db: Queryable, id: number, viewer: Viewer | null) {
  const topic = await findTopic(db, id);
  if (!topic) throw notFound('topic');
  const places = await topicCommunitiesWithAccess(db, id, viewer);
  const withAccess = places.map((p) => {
    const access: CommunityAccess = { visibility: p.visibility, membership: p.membership, roles: p.roles, status: p.status };
    return { ...p, access };
  });
  const readable = withAccess.filter((p) => communityPolicy.canRead(viewer, p.access));
  if (!readable.length) throw notFound('topic');
  const canModerate = withAccess.some((p) => communityPolicy.canModerate(viewer, p.access));
  if (topic.deletedAt && !canModerate) throw notFound('topic');
  return {
    topic,
    communities: readable.map((p) => ({ slug: p.slug, name: p.name })),
    canPost: withAccess.some((p) => communityPolicy.canPost(viewer, p.access)),
    canModerate,
    isAuthor: viewer?.id === topic.authorId,
    /** Questions and answers are on in at least one of the communities the viewer reads it in. */
    qaOn: readable.some((p) => communityPolicy.featureOn(p, 'qa')),
  };
}

/**
 * Checks what a new topic asks for against the features of the communities it goes to: a question
 * needs questions and answers on in each; a practice group or project must be one of theirs, switched
 * on, open and joined by the author; an agenda item must be on one of their learning agendas.
 */
async function checkTopicLinks(db: Queryable, viewer: Viewer, input: CreateTopicInput, places: { id: number; slug: string; featuresOff: string[] }[]) {
  const noQa = places.find((p) => !communityPolicy.featureOn(p, 'qa'));
  if (input.isQuestion && noQa) throw invalidField('isQuestion', `Questions and answers are switched off in “${noQa.slug}”; post it as a discussion.`);
  let subgroupId: number | null = null;
  if (input.subgroupId !== undefined) {
    const [sg] = await db.select().from(subgroups).where(eq(subgroups.id, input.subgroupId)).limit(1);
    const place = sg && places.find((p) => p.id === sg.communityId);
    const kindOn = sg && place && communityPolicy.featureOn(place, sg.kind === 'project' ? 'projects' : 'practice_groups');
    if (!sg || !place || !kindOn) throw invalidField('subgroupId', 'Choose a practice group or project of a community you are posting in.');
    if (sg.closedAt) throw invalidField('subgroupId', `“${sg.name}” is closed.`);
    const [joined] = await db.select({ one: sql`1` }).from(subgroupMembers).where(and(eq(subgroupMembers.subgroupId, sg.id), eq(subgroupMembers.userId, viewer.id))).limit(1);
    if (!joined) throw invalidField('subgroupId', `Join “${sg.name}” before you post in it.`);
    subgroupId = sg.id;
  }
  let agendaItemId: number | null = null;
  if (input.agendaItemId !== undefined) {
    const [item] = await db.select({ id: agendaItems.id, communityId: agendaItems.communityId }).from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).limit(1);
    const place = item && places.find((p) => p.id === item.communityId);
    if (!item || !place || !communityPolicy.featureOn(place, 'learning_agenda')) {
      throw invalidField('agendaItemId', 'Choose a learning agenda item of a community you are posting in.');
    }
    agendaItemId = item.id;
  }
  return { subgroupId, agendaItemId };
}

/** Starts a topic in one or more communities the author belongs to. */
export async function createTopic(db: Db, viewer: Viewer, input: CreateTopicInput) {
  const slugs = [...new Set(input.communities)];
  const targets: number[] = [];
  const places: { id: number; slug: string; featuresOff: string[] }[] = [];
  for (const [i, slug] of slugs.entries()) {
    const c = await findCommunityWithAccess(db, slug, viewer);
    const access = c && { visibility: c.visibility, membership: c.membership, roles: c.roles, status: c.status };
    if (!c || !access || !communityPolicy.canPost(viewer, access)) {
      throw invalidField(`communities.${i}`, `You can only post in communities you belong to (“${slug}”).`);
    }
    targets.push(c.id);
    places.push(c);
  }
  const links = await checkTopicLinks(db, viewer, input, places);
  const { html, mentionedIds } = await render(db, input.body);
  return db.transaction(async (tx) => {
    const [topic] = await tx
      .insert(topics)
      .values({ authorId: viewer.id, title: input.title, activityType: input.activityType, isQuestion: input.isQuestion, tags: [...new Set(input.tags)], subgroupId: links.subgroupId })
      .returning({ id: topics.id, lastActivityAt: topics.lastActivityAt });
    await tx.insert(topicCommunities).values(targets.map((communityId) => ({ topicId: topic.id, communityId, lastActivityAt: topic.lastActivityAt })));
    const [post] = await tx
      .insert(posts)
      .values({ topicId: topic.id, authorId: viewer.id, isOpening: true, bodySource: input.body, bodyHtml: html, searchVector: searchVector(input.title, input.body) })
      .returning({ id: posts.id });
    if (mentionedIds.length) await tx.insert(mentions).values(mentionedIds.map((userId) => ({ postId: post.id, userId })));
    await tx.update(communities).set({ topicCount: sql`${communities.topicCount} + 1` }).where(inArray(communities.id, targets));
    if (links.agendaItemId) await tx.insert(agendaItemTopics).values({ itemId: links.agendaItemId, topicId: topic.id });
    await notifyNewTopic(tx, { topicId: topic.id, postId: post.id, authorId: viewer.id, communityIds: targets, mentionedIds });
    return { id: topic.id };
  });
}

/** Cross-posts an existing topic to another community the author belongs to. */
export async function crossPost(db: Db, viewer: Viewer, topicId: number, slug: string) {
  const c = await findCommunityWithAccess(db, slug, viewer);
  const access = c && { visibility: c.visibility, membership: c.membership, roles: c.roles, status: c.status };
  if (!c || !access || !communityPolicy.canPost(viewer, access)) {
    throw invalidField('community', `You can only post in communities you belong to (“${slug}”).`);
  }
  await db.transaction(async (tx) => {
    const [t] = await tx.select({ lastActivityAt: topics.lastActivityAt, deletedAt: topics.deletedAt }).from(topics).where(eq(topics.id, topicId));
    const inserted = await tx
      .insert(topicCommunities)
      .values({ topicId, communityId: c.id, lastActivityAt: t.lastActivityAt, deleted: t.deletedAt !== null })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw conflict('already_posted', 'The topic is already in that community.', 'community');
    await tx.update(communities).set({ topicCount: sql`${communities.topicCount} + 1` }).where(eq(communities.id, c.id));
  });
}

/** Adds a reply (optionally under another post of the same topic). */
export async function reply(db: Db, viewer: Viewer, topicId: number, body: string, parentId?: number) {
  if (parentId) {
    const parent = await findPost(db, parentId);
    if (!parent || parent.topicId !== topicId) throw invalidField('parentId', 'You can only reply to a post in this topic.');
  }
  const { html, mentionedIds } = await render(db, body);
  // One statement for the post, its mentions and the topic's activity; then who to tell, in the same transaction.
  // Prepared: its plan is the same for every reply, and planning it cost as much as running it.
  return db.transaction(async (tx) => {
    const res = await executePrepared<{ id: number; created_at: Date }>(tx, sql`
    with p as (
      insert into posts (topic_id, author_id, parent_id, body_source, body_html, search_vector)
      values (${topicId}, ${viewer.id}, ${parentId ?? null}, ${body}, ${html}, ${searchVector(null, body)})
      returning id, created_at
    ),
    m as (insert into mentions (post_id, user_id) select p.id, u from p, unnest(${bigintArray(mentionedIds)}) u),
    t as (update topics set reply_count = reply_count + 1, last_activity_at = (select created_at from p) where id = ${topicId}),
    tc as (update topic_communities set last_activity_at = (select created_at from p) where topic_id = ${topicId}),
    live as (select ${topicEventSql(topicId, 'reply')} as sent)
    select id, created_at, (select count(*) from live) as sent from p`);
    const [row] = res.rows;
    await notifyReply(tx, { topicId, postId: row.id, authorId: viewer.id, parentId, mentionedIds });
    return { id: row.id, createdAt: row.created_at };
  });
}

/** Edits a post, keeping the previous text as a revision; the opening post may change the title too. */
export async function editPost(db: Db, viewer: Viewer, postId: number, body: string, title?: string) {
  const post = await findPost(db, postId);
  if (!post) throw notFound('post');
  const topic = await findTopic(db, post.topicId);
  const { html, mentionedIds } = await render(db, body);
  const newTitle = post.isOpening ? (title ?? topic!.title) : null;
  await db.transaction(async (tx) => {
    await tx.insert(postRevisions).values({ postId, editorId: viewer.id, bodySource: post.bodySource, title: post.isOpening ? topic!.title : null });
    await tx
      .update(posts)
      .set({ bodySource: body, bodyHtml: html, editedAt: sql`now()`, searchVector: searchVector(newTitle, body) })
      .where(eq(posts.id, postId));
    if (post.isOpening && title) await tx.update(topics).set({ title }).where(eq(topics.id, post.topicId));
    const before = await tx.delete(mentions).where(eq(mentions.postId, postId)).returning({ userId: mentions.userId });
    if (mentionedIds.length) await tx.insert(mentions).values(mentionedIds.map((userId) => ({ postId, userId })));
    const added = mentionedIds.filter((id) => !before.some((b) => b.userId === id));
    await notifyNewMentions(tx, { topicId: post.topicId, postId, authorId: viewer.id, mentionedIds: added });
    await publishTopicEvent(tx, post.topicId, 'edited');
  });
}

/** Updates a topic's title, activity type or tags (a title change is kept as a revision of the opening post). */
export async function updateTopic(
  db: Db,
  viewer: Viewer,
  topicId: number,
  input: { title?: string; activityType?: CreateTopicInput['activityType']; tags?: string[] },
) {
  if (!input.title && !input.activityType && !input.tags) throw invalidField('body', 'Change at least one field.');
  if (input.title) {
    const [opening] = await db.select({ id: posts.id, body: posts.bodySource }).from(posts).where(and(eq(posts.topicId, topicId), eq(posts.isOpening, true)));
    await editPost(db, viewer, opening.id, opening.body, input.title);
  }
  const set: Partial<typeof topics.$inferInsert> = {};
  if (input.activityType) set.activityType = input.activityType;
  if (input.tags) set.tags = [...new Set(input.tags)];
  if (Object.keys(set).length) await db.update(topics).set(set).where(eq(topics.id, topicId));
}

/** Soft-deletes a post; deleting the opening post deletes the topic. Restorable by coordinators. */
export async function setPostDeleted(db: Db, viewer: Viewer, postId: number, deleted: boolean) {
  const post = await findPost(db, postId);
  if (!post) throw notFound('post');
  await db.transaction(async (tx) => {
    await tx
      .update(posts)
      .set({ deletedAt: deleted ? sql`now()` : null, deletedBy: deleted ? viewer.id : null })
      .where(eq(posts.id, postId));
    if (post.isOpening) {
      await tx.update(topics).set({ deletedAt: deleted ? sql`now()` : null }).where(eq(topics.id, post.topicId));
      await tx.update(topicCommunities).set({ deleted }).where(eq(topicCommunities.topicId, post.topicId));
      const delta = deleted ? -1 : 1;
      await tx
        .update(communities)
        .set({ topicCount: sql`greatest(${communities.topicCount} + ${delta}, 0)` })
        .where(sql`${communities.id} in (select community_id from topic_communities where topic_id = ${post.topicId})`);
    } else {
      await tx
        .update(topics)
        .set({ replyCount: sql`greatest(${topics.replyCount} + ${deleted ? -1 : 1}, 0)` })
        .where(eq(topics.id, post.topicId));
      if (deleted) {
        await tx.update(topics).set({ acceptedPostId: null }).where(and(eq(topics.id, post.topicId), eq(topics.acceptedPostId, postId)));
      }
    }
  });
  return post;
}

/** Marks one reply as the accepted answer of a question (or clears it with null). */
export async function acceptAnswer(db: Db, viewer: Viewer, topicId: number, postId: number | null) {
  const post = postId === null ? null : await findPost(db, postId);
  if (postId !== null && (!post || post.topicId !== topicId || post.isOpening || post.deletedAt)) {
    throw invalidField('postId', 'Choose a reply in this topic as the answer.');
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ acceptedPostId: topics.acceptedPostId }).from(topics).where(eq(topics.id, topicId)).for('update');
    await tx.update(topics).set({ acceptedPostId: postId, isQuestion: true }).where(eq(topics.id, topicId));
    if (post && before?.acceptedPostId !== post.id) {
      await notify(tx, { kind: 'answer_accepted', actorId: viewer.id, recipients: sql`select ${post.authorId}::bigint`, topicId, postId: post.id });
    }
    await publishTopicEvent(tx, topicId, 'accepted');
  });
}

/** "This helped me": idempotent on and off; you cannot mark your own post. */
export async function setHelpful(db: Db, viewer: Viewer, postId: number, on: boolean) {
  const post = await findPost(db, postId);
  if (!post || post.deletedAt) throw notFound('post');
  if (post.authorId === viewer.id) throw forbidden('You cannot mark your own post as helpful.');
  return db.transaction(async (tx) => {
    const changed = on
      ? await tx.insert(helpfulMarks).values({ postId, userId: viewer.id }).onConflictDoNothing().returning()
      : await tx.delete(helpfulMarks).where(and(eq(helpfulMarks.postId, postId), eq(helpfulMarks.userId, viewer.id))).returning();
    const [row] = await tx
      .update(posts)
      .set({ helpfulCount: sql`${posts.helpfulCount} + ${changed.length ? (on ? 1 : -1) : 0}` })
      .where(eq(posts.id, postId))
      .returning({ helpfulCount: posts.helpfulCount });
    return { helpfulCount: row.helpfulCount, helpedByMe: on };
  });
}
