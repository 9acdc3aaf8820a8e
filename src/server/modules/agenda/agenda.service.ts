import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import type { CreateAgendaItemInput, UpdateAgendaItemInput } from '../../../shared/contracts/agenda.ts';
import type { Db } from '../../db/client.ts';
import { agendaItems, agendaItemTopics } from '../../db/schema/index.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { activeMember } from '../leadership/leadership.service.ts';
import { topicInCommunity } from './agenda.queries.ts';

async function ownerId(db: Db, communityId: number, owner: string | null | undefined) {
  if (owner === undefined) return undefined;
  if (owner === null || owner === '') return null;
  return (await activeMember(db, communityId, owner, 'owner')).id;
}

/** Adds a question to the community's learning agenda. */
export async function createItem(db: Db, viewer: Viewer, communityId: number, input: CreateAgendaItemInput) {
  const owner = await ownerId(db, communityId, input.owner);
  const [row] = await db
    .insert(agendaItems)
    .values({ communityId, question: input.question, notes: input.notes, status: input.status, ownerId: owner ?? null, createdBy: viewer.id })
    .returning({ id: agendaItems.id });
  return row.id;
}

/** Changes an item's question, notes, status or owner. */
export async function updateItem(db: Db, communityId: number, id: number, input: UpdateAgendaItemInput) {
  if (Object.values(input).every((v) => v === undefined)) throw invalidField('body', 'Change at least one field.');
  const owner = await ownerId(db, communityId, input.owner);
  const { owner: _ignored, ...rest } = input;
  await db
    .update(agendaItems)
    .set({ ...rest, ...(owner === undefined ? {} : { ownerId: owner }), updatedAt: sql`now()` })
    .where(and(eq(agendaItems.communityId, communityId), eq(agendaItems.id, id)));
}

export async function deleteItem(db: Db, communityId: number, id: number) {
  await db.delete(agendaItems).where(and(eq(agendaItems.communityId, communityId), eq(agendaItems.id, id)));
}

/** Links a topic posted in the community to an item. */
export async function linkTopic(db: Db, communityId: number, itemId: number, topicId: number) {
  if (!(await topicInCommunity(db, topicId, communityId))) throw invalidField('topicId', 'Link a topic that was posted in this community.');
  await db.transaction(async (tx) => {
    const added = await tx.insert(agendaItemTopics).values({ itemId, topicId }).onConflictDoNothing().returning();
    if (!added.length) throw conflict('already_linked', 'That topic is already linked to this item.', 'topicId');
    await tx.update(agendaItems).set({ updatedAt: sql`now()` }).where(eq(agendaItems.id, itemId));
  });
}

export async function unlinkTopic(db: Db, itemId: number, topicId: number) {
  const removed = await db
    .delete(agendaItemTopics)
    .where(and(eq(agendaItemTopics.itemId, itemId), eq(agendaItemTopics.topicId, topicId)))
    .returning();
  if (!removed.length) throw notFound('link');
}
