import { z } from 'zod';
import {
  domainTypeKeys,
  resolveStage,
  roleKeys,
  structureKindKeys,
  visibilityKeys,
  type Stage,
} from '../model/catalogue.ts';
import { pageQuery, slug } from './common.ts';
import { advisorAnswersInput } from './cultivation.ts';

const stageInput = z
  .string()
  .transform((v, ctx) => {
    const s = resolveStage(v);
    if (!s) ctx.addIssue({ code: 'custom', message: 'Unknown stage.' });
    return s as Stage;
  });

export const createCommunityInput = z.object({
  name: z.string().trim().min(3, 'Use at least 3 characters.').max(80, 'Use at most 80 characters.'),
  slug,
  domainStatement: z
    .string()
    .trim()
    .min(10, 'Say in a sentence what the community is about (at least 10 characters).')
    .max(500, 'Use at most 500 characters.'),
  domainType: z.enum(domainTypeKeys),
  structureKind: z.enum(structureKindKeys),
  purpose: z.string().trim().max(2000, 'Use at most 2000 characters.').default(''),
  visibility: z.enum(visibilityKeys),
  /**
   * now: the community is active at once (the API's default, for scripts and imports);
   * propose: it starts as a proposal in the launch process, as the web flow creates it.
   */
  launch: z.enum(['now', 'propose']).default('now'),
  /** The structure advisor's answers, kept in the launch record with its recommendation. */
  advisor: advisorAnswersInput.optional(),
});
/** Parsed input; `launch` may be left out by callers inside the server (it defaults to now). */
export type CreateCommunityInput = Omit<z.infer<typeof createCommunityInput>, 'launch'> & { launch?: 'now' | 'propose' };

export const updateCommunityInput = createCommunityInput
  .omit({ slug: true, launch: true, advisor: true })
  .partial()
  .extend({
    stage: stageInput.optional(),
    /** Why the stage changed, kept in the stage history. */
    stageReason: z.string().trim().max(500, 'Use at most 500 characters.').optional(),
  });
export type UpdateCommunityInput = z.infer<typeof updateCommunityInput>;

export const listCommunitiesQuery = pageQuery.extend({
  domainType: z.enum(domainTypeKeys).optional(),
  structureKind: z.enum(structureKindKeys).optional(),
  stage: stageInput.optional(),
  q: z.string().trim().max(100).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const inviteInput = z.object({
  /** An email address or a username. */
  who: z.string().trim().min(2, 'Enter an email address or a username.').max(254),
});

export const roleParams = z.object({
  slug: z.string().min(1).max(50),
  username: z.string().min(1).max(30),
  role: z.enum(roleKeys),
});
export const memberParams = z.object({ slug: z.string().min(1).max(50), username: z.string().min(1).max(30) });

export interface CommunitySummary {
  slug: string;
  name: string;
  domainStatement: string;
  domainType: string;
  structureKind: string;
  visibility: string;
  stage: string;
  /** proposed (in the launch process), active or archived. */
  status: string;
  memberCount: number;
  topicCount: number;
}

export interface CommunityDetail extends CommunitySummary {
  purpose: string;
  createdAt: string;
  /** Features (catalogue communityFeatures) the technology steward switched off here. */
  featuresOff: string[];
  /** The viewer's relation to the community. */
  viewer: {
    membership: 'active' | 'requested' | 'invited' | null;
    roles: string[];
    canRead: boolean;
    canPost: boolean;
    canModerate: boolean;
    canJoin: boolean;
    canRequest: boolean;
    /** May rate orientations and switch features (coordinator, technology steward, site admin). */
    canSteward: boolean;
    /** May read the cultivation plan and launch record (members, sponsors, support team, site admins). */
    canReadCultivation: boolean;
  };
}

export interface MemberSummary {
  username: string;
  displayName: string;
  roles: string[];
  joinedAt: string;
}
