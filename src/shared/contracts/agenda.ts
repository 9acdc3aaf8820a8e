import { z } from 'zod';
import { agendaStatusKeys } from '../model/catalogue.ts';
import { pageQuery } from './common.ts';
import type { PersonRef } from './conversations.ts';

export const agendaParams = z.object({ slug: z.string().min(1).max(50) });
export const agendaItemParams = z.object({ slug: z.string().min(1).max(50), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const agendaTopicParams = agendaItemParams.extend({ topicId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const question = z.string().trim().min(5, 'Ask the question in at least 5 characters.').max(300, 'Use at most 300 characters.');
const notes = z.string().trim().max(4000, 'Use at most 4000 characters.');
const owner = z.string().trim().min(1).max(30).nullable();

export const createAgendaItemInput = z.object({
  question,
  notes: notes.default(''),
  /** Username of the member who looks after the item; null or absent for nobody yet. */
  owner: owner.optional(),
  status: z.enum(agendaStatusKeys).default('open'),
});
export type CreateAgendaItemInput = z.infer<typeof createAgendaItemInput>;

export const updateAgendaItemInput = z.object({
  question: question.optional(),
  notes: notes.optional(),
  owner: owner.optional(),
  status: z.enum(agendaStatusKeys).optional(),
});
export type UpdateAgendaItemInput = z.infer<typeof updateAgendaItemInput>;

export const agendaListQuery = pageQuery.extend({ status: z.enum(agendaStatusKeys).optional() });

/** Topics shown with an item are capped; `topicCount` says how many in all. */
export const TOPICS_PER_ITEM = 20;

export interface AgendaTopicRef {
  id: number;
  title: string;
  isQuestion: boolean;
  answered: boolean;
  replyCount: number;
  lastActivityAt: string;
}

export interface AgendaItemView {
  id: number;
  question: string;
  notes: string;
  status: string;
  owner: PersonRef | null;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  topicCount: number;
  topics: AgendaTopicRef[];
  canEdit: boolean;
}

/** An agenda item a topic serves, as shown on the topic page. */
export interface TopicAgendaRef {
  id: number;
  question: string;
  status: string;
  community: { slug: string; name: string };
}
