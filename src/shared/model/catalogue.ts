/**
 * The community-of-practice model (shared/MODEL.md) as data: one source for names,
 * one-line explanations and defaults, used by the server and the web UI.
 */

export interface CatalogueItem<K extends string = string> {
  key: K;
  name: string;
  description: string;
}

function keysOf<const T extends readonly { key: string }[]>(items: T) {
  return items.map((i) => i.key) as unknown as [T[number]['key'], ...T[number]['key'][]];
}

/** MODEL §2 — the five kinds of group and the need each one matches. */
export const structureKinds = [
  { key: 'team', name: 'Team', need: 'a task to accomplish', description: 'A group organized to accomplish a task together.' },
  { key: 'task_force', name: 'Task force', need: 'a single problem to solve', description: 'A temporary group that solves one problem, then disbands.' },
  { key: 'network', name: 'Network', need: 'connection between people', description: 'A loose web of people who stay connected and help each other.' },
  { key: 'community_of_practice', name: 'Community of practice', need: 'a knowledge domain to steward', description: 'People who share a domain, learn together and steward what they know.' },
  { key: 'center_of_excellence', name: 'Center of excellence', need: 'a knowledge service to provide', description: 'A group that provides expertise as a service to the organization.' },
] as const;
export const structureKindKeys = keysOf(structureKinds);
export type StructureKind = (typeof structureKindKeys)[number];

/** MODEL §3 — types of domain. */
export const domainTypes = [
  { key: 'professional', name: 'Professional', description: 'A profession or discipline recognized outside the organization, stable over a career.', charter: 'Advance the discipline; professional development.' },
  { key: 'technical', name: 'Technical', description: 'A specific technology or process, across business processes.', charter: 'Evaluate and manage the technology.' },
  { key: 'issue_driven', name: 'Issue-driven', description: 'An ongoing business concern.', charter: 'Bring all perspectives to bear on it.' },
] as const;
export const domainTypeKeys = keysOf(domainTypes);
export type DomainType = (typeof domainTypeKeys)[number];

/** MODEL §4 — stages of development. */
export const stages = [
  { key: 'potential', name: 'Potential', description: 'People with similar situations find each other and discover what they share.', tension: 'Discovering vs imagining' },
  { key: 'coalescing', name: 'Coalescing', description: 'Members come together, explore connectedness and show early value.', tension: 'Incubating vs delivering immediate value' },
  { key: 'maturing', name: 'Maturing', description: 'Joint activities, standards, a learning agenda, growth.', tension: 'Focus vs expansion' },
  { key: 'stewardship', name: 'Stewardship', description: 'Sustaining energy, renewing interest, educating newcomers, gaining a voice.', tension: 'Ownership vs openness' },
  { key: 'transformation', name: 'Transformation', description: 'The community ends, merges, splits or becomes something else; its knowledge lives on.', tension: 'Letting go vs living on' },
] as const;
export const stageKeys = keysOf(stages);
export type Stage = (typeof stageKeys)[number];

/** Names from an earlier version of the model, accepted as input. */
export const stageAliases: Record<string, Stage> = {
  active: 'stewardship',
  dispersed: 'transformation',
  memorable: 'transformation',
};

/** Resolves a stage name or alias to a stage key, or undefined. */
export function resolveStage(value: string): Stage | undefined {
  if ((stageKeys as readonly string[]).includes(value)) return value as Stage;
  return stageAliases[value];
}

/** Community visibility levels. */
export const visibilities = [
  { key: 'open', name: 'Open', description: 'Anyone can read it and join.' },
  { key: 'by_request', name: 'By request', description: 'Anyone can find it; people ask to join and a coordinator approves.' },
  { key: 'invite_only', name: 'Invite only', description: 'Anyone can find it; only invited people can join.' },
  { key: 'secret', name: 'Secret', description: 'Only members know it exists.' },
] as const;
export const visibilityKeys = keysOf(visibilities);
export type Visibility = (typeof visibilityKeys)[number];

/** MODEL §5 — cultivation needs and their default tasks. */
export const cultivationNeeds = [
  { key: 'prepare', name: 'Prepare', phase: 'early', description: 'Get ready before the community forms.', tasks: ['Interview members', 'Build a core group', 'Find an initial sponsor'] },
  { key: 'launch', name: 'Launch', phase: 'early', description: 'Invite the community into being.', tasks: ['Organize a launch process', 'Facilitate the launch event', 'Ensure follow-up'] },
  { key: 'build', name: 'Build', phase: 'early', description: 'Strengthen the community in its early life.', tasks: ['Build the core group', 'Organize value-creating events', 'Connect people around questions'] },
  { key: 'infrastructure', name: 'Infrastructure', phase: 'early', description: 'Put the basics in place.', tasks: ['Distribute responsibilities', 'Assess IT requirements', 'Create repositories'] },
  { key: 'strategize', name: 'Strategize', phase: 'later', description: 'Give the community strategic direction.', tasks: ['Cultivate strategic stewardship', 'Develop a learning agenda', 'Organize practice groups and projects'] },
  { key: 'grow', name: 'Grow', phase: 'later', description: 'Grow without losing what makes it work.', tasks: ['Manage boundaries', 'Help newcomers', 'Balance the needs of constituencies'] },
  { key: 'assess', name: 'Assess', phase: 'later', description: 'Know and show the value the community creates.', tasks: ['Keep the pulse of the community', 'Publicize success stories', 'Make the community aware of its value'] },
  { key: 'renew', name: 'Renew', phase: 'later', description: 'Keep the community alive over time.', tasks: ['Inject new energy', 'Prepare new leadership', 'Look for opportunities'] },
] as const;

/** MODEL §6 — the launch process. */
export const launchSteps = [
  { key: 'discovery', name: 'Discovery', description: 'What is the need? What is there to build on: network, identity, leadership?' },
  { key: 'preparation', name: 'Community preparation', description: 'Leadership, commitment and ownership in the community; support, infrastructure and sponsorship in the organization.' },
  { key: 'planning', name: 'Launch planning', description: 'Who is on the design team? What kind of launch: an activity, a core group, or the whole community? What is the agenda?' },
  { key: 'follow_up', name: 'Follow-up anticipation', description: 'What is the organization ready to do afterwards?' },
] as const;

/** MODEL §7 — roles. */
export const roles = [
  { key: 'coordinator', name: 'Coordinator', group: 'community', description: 'Organizes the community and keeps it connected.' },
  { key: 'subgroup_leader', name: 'Subgroup leader', group: 'community', description: 'Leads a practice group or project inside the community.' },
  { key: 'cybrarian', name: 'Cybrarian', group: 'community', description: 'Curates the community’s repository.' },
  { key: 'technology_steward', name: 'Technology steward', group: 'community', description: 'Chooses and configures the community’s tools.' },
  { key: 'assistant', name: 'Assistant', group: 'community', description: 'Helps the coordinator with logistics.' },
  { key: 'help_desk_attendant', name: 'Help desk attendant', group: 'community', description: 'Routes requests and questions to people who can help.' },
  { key: 'journalist', name: 'Journalist', group: 'community', description: 'Tells the community’s stories.' },
  { key: 'convener', name: 'Convener', group: 'member', description: 'Brings people together around a topic or event.' },
  { key: 'core_group_member', name: 'Core group member', group: 'member', description: 'Leads and carries the community with the coordinator.' },
  { key: 'subject_matter_expert', name: 'Subject matter expert', group: 'member', description: 'Known for deep knowledge others can draw on.' },
  { key: 'broker', name: 'Broker', group: 'member', description: 'Carries knowledge across boundaries.' },
  { key: 'outpost', name: 'Outpost / scout', group: 'member', description: 'Brings news from outside.' },
  { key: 'weaver', name: 'Networker / weaver', group: 'member', description: 'Connects people.' },
  { key: 'questioner', name: 'Questioner', group: 'member', description: 'Asks the questions that move the community.' },
  { key: 'sponsor', name: 'Sponsor', group: 'organization', description: 'Gives organizational backing.' },
  { key: 'support_team', name: 'Support team', group: 'organization', description: 'Supports the whole constellation of communities.' },
] as const;
export const roleKeys = keysOf(roles);
export type Role = (typeof roleKeys)[number];

/** MODEL §7 — leadership functions a community must cover. */
export const leadershipFunctions = [
  { key: 'coordination', name: 'Coordination', description: 'Keeping the community organized and moving.' },
  { key: 'event_facilitation', name: 'Event facilitation', description: 'Running events that create value.' },
  { key: 'inquiry', name: 'Inquiry and the learning agenda', description: 'Setting what the community wants to learn.' },
  { key: 'subgroup_leadership', name: 'Subgroup leadership', description: 'Leading practice groups and projects.' },
  { key: 'networking', name: 'Networking', description: 'Connecting people with each other.' },
  { key: 'expertise', name: 'Expertise', description: 'Offering deep knowledge of the domain.' },
  { key: 'institutional_liaison', name: 'Institutional liaison', description: 'Linking the community to the organization.' },
  { key: 'boundary_connections', name: 'Boundary connections', description: 'Linking to other communities and outside sources.' },
  { key: 'documentation', name: 'Documentation and the repository', description: 'Keeping what the community knows findable.' },
  { key: 'infrastructure', name: 'Infrastructure', description: 'Providing and configuring the tools.' },
  { key: 'generations', name: 'Generations', description: 'Welcoming newcomers and keeping alumni connected.' },
  { key: 'transactions', name: 'Transactions (help desk)', description: 'Routing requests to people who can help.' },
] as const;

/** MODEL §7 — the parts of a role reflection. */
export const roleReflectionParts = [
  { key: 'purpose', name: 'Purpose', description: 'Why the role matters.' },
  { key: 'actions', name: 'Typical actions', description: 'What the role-holder usually does.' },
  { key: 'challenges', name: 'Typical challenges', description: 'What makes the role hard.' },
  { key: 'gratification', name: 'Gratification', description: 'Rewards, recognition, where it leads.' },
  { key: 'qualification', name: 'Qualification', description: 'Who should do it: qualities and legitimacy.' },
  { key: 'support', name: 'Support', description: 'What the role-holder needs.' },
] as const;

/** MODEL §8 — forms of participation. */
export const participationForms = [
  { key: 'core', name: 'Core group', description: 'Leads and carries the community.' },
  { key: 'active', name: 'Active', description: 'Participates regularly.' },
  { key: 'occasional', name: 'Occasional', description: 'Takes part when the topic interests them.' },
  { key: 'peripheral', name: 'Peripheral', description: 'Watches and reads; lurkers learn too.' },
  { key: 'transactional', name: 'Transactional', description: 'Comes for a specific need or contribution.' },
  { key: 'outsider', name: 'Outsider', description: 'Not part of the community yet.' },
] as const;

/** MODEL §9 — learning activities; every topic is typed by one. */
export const learningActivities = [
  { key: 'problem_solving', name: 'Problem solving', description: '“Can we work on this design and brainstorm some ideas? I’m stuck.”' },
  { key: 'information_request', name: 'Request for information', description: '“Where can I find the code to connect to the server?”' },
  { key: 'seeking_experience', name: 'Seeking experience', description: '“Has anyone dealt with a customer in this situation?”' },
  { key: 'reusing_assets', name: 'Reusing assets', description: '“I have a proposal for a local network I wrote last year. You can adapt it.”' },
  { key: 'coordination', name: 'Coordination and synergy', description: '“Can we combine our purchases to get a discount?”' },
  { key: 'building_argument', name: 'Building an argument', description: '“How do people in other companies do this? Armed with this I can convince my manager.”' },
  { key: 'growing_confidence', name: 'Growing confidence', description: '“Before I do it, I’ll run it through my community first.”' },
  { key: 'discussing_developments', name: 'Discussing developments', description: '“What do you think of the new system? Does it really help?”' },
  { key: 'documentation_project', name: 'Documentation project', description: '“We have faced this problem five times now. Let us write it down once and for all.”' },
  { key: 'visit', name: 'Visit', description: '“Can we come and see your after-school program? We need to set one up.”' },
  { key: 'mapping_knowledge', name: 'Mapping knowledge and identifying gaps', description: '“Who knows what, and what are we missing?”' },
] as const;
export const learningActivityKeys = keysOf(learningActivities);
export type LearningActivity = (typeof learningActivityKeys)[number];

/** MODEL §10 — orientations. */
export const orientations = [
  { key: 'meetings', name: 'Meetings', description: 'Regular meetings, face to face or online.' },
  { key: 'conversations', name: 'Open-ended conversations', description: 'Ongoing discussion of the domain.' },
  { key: 'projects', name: 'Projects', description: 'Working together on defined pieces of work.' },
  { key: 'content', name: 'Content', description: 'Publishing and curating documents and tools.' },
  { key: 'expertise', name: 'Access to expertise', description: 'Getting answers from people who know.' },
  { key: 'relationships', name: 'Relationships', description: 'Getting to know each other.' },
  { key: 'individual', name: 'Individual participation', description: 'Personal paths and voice.' },
  { key: 'cultivation', name: 'Community cultivation', description: 'Tending the community itself.' },
  { key: 'context', name: 'Serving a context', description: 'Serving a parent organization or a cause.' },
] as const;

/** MODEL §12 — value creation cycles. */
export const valueCycles = [
  { key: 'immediate', name: 'Immediate value', description: 'Activities and interactions: participation, help given and received.' },
  { key: 'potential', name: 'Potential value', description: 'Knowledge capital: skills, relationships, documents, reputation, new ways of learning.' },
  { key: 'applied', name: 'Applied value', description: 'Changes in practice: knowledge capital put to use.' },
  { key: 'realized', name: 'Realized value', description: 'Improved performance for the member and the organization.' },
  { key: 'reframing', name: 'Reframing value', description: 'Redefining success, strategy or the criteria of value.' },
] as const;

/** Looks up a catalogue item's display name. */
export function nameOf(items: readonly CatalogueItem[], key: string): string {
  return items.find((i) => i.key === key)?.name ?? key;
}

/** Self-rated level of an expertise area on a profile. */
export const expertiseLevels = [
  { key: 'learning', name: 'Learning', weight: 1, description: 'Building up knowledge; happy to learn with others.' },
  { key: 'practitioner', name: 'Practitioner', weight: 2, description: 'Does this as part of the job.' },
  { key: 'experienced', name: 'Experienced', weight: 3, description: 'Years of practice; others often ask.' },
  { key: 'expert', name: 'Expert', weight: 4, description: 'Recognized authority; can teach and review.' },
] as const;
export const expertiseLevelKeys = keysOf(expertiseLevels);
export type ExpertiseLevel = (typeof expertiseLevelKeys)[number];

/** What can notify a person, with where it goes unless they choose otherwise. */
export const notificationKinds = [
  { key: 'reply', name: 'Replies', defaultDelivery: 'email', description: 'Someone replied in a topic you started or watch.' },
  { key: 'mention', name: 'Mentions', defaultDelivery: 'email', description: 'Someone mentioned you with @username.' },
  { key: 'answer_accepted', name: 'Accepted answers', defaultDelivery: 'email', description: 'Your reply was accepted as the answer to a question.' },
  { key: 'question_routed', name: 'Questions for you', defaultDelivery: 'digest', description: 'An unanswered question you may be able to answer.' },
  { key: 'new_topic', name: 'New topics', defaultDelivery: 'digest', description: 'A new topic in a community you watch.' },
  { key: 'invitation', name: 'Invitations', defaultDelivery: 'email', description: 'You were invited to join a community.' },
  { key: 'join_request', name: 'Join requests', defaultDelivery: 'email', description: 'Someone asked to join a community you coordinate.' },
  { key: 'role_given', name: 'Roles', defaultDelivery: 'in_app', description: 'You were given a role in a community.' },
  { key: 'event_created', name: 'New events', defaultDelivery: 'digest', description: 'A new event in a community you watch.' },
  { key: 'event_reminder', name: 'Event reminders', defaultDelivery: 'email', description: 'A day and an hour before an event you said you would (maybe) attend.' },
] as const;
export const notificationKindKeys = keysOf(notificationKinds);
export type NotificationKind = (typeof notificationKindKeys)[number];

/** Where a kind of notification goes. Every choice but "off" also shows it in the inbox. */
export const deliveries = [
  { key: 'in_app', name: 'In the app', description: 'Only in your inbox.' },
  { key: 'email', name: 'Email right away', description: 'In your inbox and by email as it happens.' },
  { key: 'digest', name: 'In the digest', description: 'In your inbox and gathered into your digest email.' },
  { key: 'off', name: 'Off', description: 'Not at all.' },
] as const;
export const deliveryKeys = keysOf(deliveries);
export type Delivery = (typeof deliveryKeys)[number];

/** How often the digest email comes. */
export const digestFrequencies = [
  { key: 'daily', name: 'Daily', description: 'Once a day, if anything happened.' },
  { key: 'weekly', name: 'Weekly', description: 'Once a week, if anything happened.' },
  { key: 'off', name: 'Never', description: 'No digest email.' },
] as const;
export const digestFrequencyKeys = keysOf(digestFrequencies);
export type DigestFrequency = (typeof digestFrequencyKeys)[number];

/** How closely a person follows a community or a topic. */
export const watchLevels = [
  { key: 'watching', name: 'Watching', description: 'Hear about every new topic (community) or reply (topic).' },
  { key: 'normal', name: 'Normal', description: 'Hear when someone replies to you or mentions you.' },
  { key: 'muted', name: 'Muted', description: 'Hear nothing from it, not even in the digest.' },
] as const;
export const watchLevelKeys = keysOf(watchLevels);
export type WatchLevel = (typeof watchLevelKeys)[number];

/**
 * MODEL §8 — how a member's form of participation is computed from their activity. Stated once
 * here and shown in the UI next to the result; every level is legitimate.
 */
export const participationThresholds = {
  /** Roles that make someone part of the core group. */
  coreRoles: ['coordinator', 'core_group_member'] as readonly string[],
  /** Posts (topics and replies) in the community within this many days count as recent. */
  activeWindowDays: 30,
  /** At least this many recent posts: active. */
  activeMinPosts: 4,
  /** Any post within this many days (but fewer than the active threshold): occasional. */
  occasionalWindowDays: 90,
} as const;

/** The form of participation for a member with these roles and recent posts (MODEL §8). */
export function participationFormFor(a: { roles: readonly string[]; postsInActiveWindow: number; postsInOccasionalWindow: number }) {
  const t = participationThresholds;
  if (a.roles.some((r) => t.coreRoles.includes(r))) return 'core' as const;
  if (a.postsInActiveWindow >= t.activeMinPosts) return 'active' as const;
  if (a.postsInOccasionalWindow > 0) return 'occasional' as const;
  return 'peripheral' as const;
}

/** The rule behind each computed form, in plain words, for the UI. */
export const participationRules: Record<'core' | 'active' | 'occasional' | 'peripheral', string> = {
  core: 'You are a coordinator or core group member here.',
  active: `You posted at least ${participationThresholds.activeMinPosts} times in the last ${participationThresholds.activeWindowDays} days.`,
  occasional: `You posted in the last ${participationThresholds.occasionalWindowDays} days, when a topic interested you.`,
  peripheral: `You have not posted in the last ${participationThresholds.occasionalWindowDays} days. Reading and listening is a legitimate way to learn.`,
};

/** Tools a community's technology steward can switch on or off; switched-off ones vanish from its navigation and API. */
export const communityFeatures = [
  { key: 'qa', name: 'Questions and answers', description: 'Topics can be questions with one accepted answer.', orientations: ['expertise', 'conversations', 'individual'] },
  { key: 'learning_agenda', name: 'Learning agenda', description: 'The questions the community wants to learn about, with owners and status.', orientations: ['cultivation', 'content', 'projects'] },
  { key: 'practice_groups', name: 'Practice groups', description: 'Smaller groups inside the community around a shared practice.', orientations: ['relationships', 'meetings', 'conversations'] },
  { key: 'projects', name: 'Projects', description: 'Time-boxed pieces of work with a goal, a leader and an end date.', orientations: ['projects', 'context', 'content'] },
] as const;
export const communityFeatureKeys = keysOf(communityFeatures);
export type CommunityFeature = (typeof communityFeatureKeys)[number];

/** Which leadership functions (MODEL §7) each role covers, for the coverage view. */
export const roleLeadershipFunctions: Record<Role, readonly string[]> = {
  coordinator: ['coordination'],
  subgroup_leader: ['subgroup_leadership'],
  cybrarian: ['documentation'],
  technology_steward: ['infrastructure'],
  assistant: ['coordination'],
  help_desk_attendant: ['transactions'],
  journalist: ['documentation'],
  convener: ['event_facilitation'],
  core_group_member: ['generations'],
  subject_matter_expert: ['expertise'],
  broker: ['boundary_connections'],
  outpost: ['boundary_connections'],
  weaver: ['networking'],
  questioner: ['inquiry'],
  sponsor: ['institutional_liaison'],
  support_team: ['institutional_liaison'],
};

/** Status of a cultivation task. */
export const taskStatuses = [
  { key: 'todo', name: 'To do', description: 'Not started yet.' },
  { key: 'doing', name: 'In progress', description: 'Someone is on it.' },
  { key: 'done', name: 'Done', description: 'Finished.' },
  { key: 'skipped', name: 'Not needed', description: 'Does not apply to this community now.' },
] as const;
export const taskStatusKeys = keysOf(taskStatuses);

/** Status of a learning agenda item. */
export const agendaStatuses = [
  { key: 'open', name: 'Open', description: 'A question the community wants to learn about.' },
  { key: 'exploring', name: 'Exploring', description: 'People are working on it: conversations, events, projects.' },
  { key: 'answered', name: 'Answered', description: 'The community has learned what it wanted; the answer is written down.' },
  { key: 'parked', name: 'Parked', description: 'Set aside for now.' },
] as const;
export const agendaStatusKeys = keysOf(agendaStatuses);

/** Subgroups inside a community. */
export const subgroupKinds = [
  { key: 'practice_group', name: 'Practice group', description: 'A smaller group around a shared practice, with no end date.' },
  { key: 'project', name: 'Project', description: 'A time-boxed piece of work with a goal and an end date.' },
] as const;
export const subgroupKindKeys = keysOf(subgroupKinds);

/** MODEL §13 — how the organization relates to a strategic domain. */
export const domainStances = [
  { key: 'engage', name: 'Engage', description: 'The organization takes part and keeps an eye on the domain.' },
  { key: 'invest', name: 'Invest', description: 'The organization puts time and money into developing the domain.' },
  { key: 'sponsor', name: 'Sponsor', description: 'The organization formally backs the domain and its communities.' },
] as const;
export const domainStanceKeys = keysOf(domainStances);

/** Whether a community is still being proposed, is running, or has been archived. */
export const communityStatuses = [
  { key: 'proposed', name: 'Proposed', description: 'Going through the launch process; not open to members yet.' },
  { key: 'active', name: 'Active', description: 'Launched and running.' },
  { key: 'archived', name: 'Archived', description: 'No longer active; its knowledge stays findable.' },
] as const;
export const communityStatusKeys = keysOf(communityStatuses);

/** MODEL §4 — what typically matters for a community at each stage, shown next to the stage and its tension. */
export const stageFocus: Record<Stage, string> = {
  potential: 'Find the people who share the domain, interview them, and name what they have in common before designing anything.',
  coalescing: 'Build trust and a core group; run value-creating events early so members see why it is worth their time.',
  maturing: 'Set a learning agenda, agree standards and decide what belongs in the domain as the community grows.',
  stewardship: 'Keep the energy up, renew interest, welcome newcomers and give the community a voice in the organization.',
  transformation: 'Decide together what happens next, mark the ending or the change, and keep the knowledge findable.',
};

/** MODEL §6 — the kinds of launch the launch planning step chooses from. */
export const launchKinds = [
  { key: 'activity', name: 'An activity', description: 'Start with one valuable activity (a workshop, a problem-solving session) and let the community grow from it.' },
  { key: 'core_group', name: 'A core group', description: 'Start with a small core group that gets going first, then invites the wider community.' },
  { key: 'community', name: 'The whole community', description: 'Invite the whole community to a launch event at once.' },
] as const;
export const launchKindKeys = keysOf(launchKinds);
export type LaunchKind = (typeof launchKindKeys)[number];
export const cultivationNeedKeys = keysOf(cultivationNeeds);
export type CultivationNeed = (typeof cultivationNeedKeys)[number];
export const launchStepKeys = keysOf(launchSteps);
export type LaunchStep = (typeof launchStepKeys)[number];
export type TaskStatus = (typeof taskStatusKeys)[number];

/** Which cultivation needs (MODEL §5) to highlight at each stage: early needs early, later needs later. */
export function needPhaseFor(stage: Stage): 'early' | 'later' {
  return stage === 'potential' || stage === 'coalescing' ? 'early' : 'later';
}

/** PRODUCT capability 5 — the kinds of event a community holds (MODEL §11, community spaces). */
export const eventKinds = [
  { key: 'meeting', name: 'Meeting', description: 'People gather in one room to talk, work on problems and get to know each other.' },
  { key: 'teleconference', name: 'Teleconference', description: 'A call or video meeting; easy to hold often, across sites and time zones.' },
  { key: 'conference', name: 'Conference', description: 'A larger gathering, often a day or more, with talks and new faces.' },
  { key: 'visit', name: 'Visit', description: 'Members visit a site, a plant or another team to see the practice where it happens.' },
  { key: 'other', name: 'Other', description: 'Any other kind of gathering: a workshop, a social, a walk.' },
] as const;
export const eventKindKeys = keysOf(eventKinds);
export type EventKind = (typeof eventKindKeys)[number];

/** MODEL §11 — rhythm balances familiarity (regular events, rituals) with excitement (special events). */
export const eventCadences = [
  { key: 'regular', name: 'Regular', description: 'A ritual that repeats: familiar faces and a steady beat build trust and in-depth discussion.' },
  { key: 'special', name: 'Special', description: 'A one-off that breaks the routine: new people and new ideas bring excitement.' },
] as const;
export const eventCadenceKeys = keysOf(eventCadences);
export type EventCadence = (typeof eventCadenceKeys)[number];

/** An answer to an invitation to an event. */
export const rsvpResponses = [
  { key: 'going', name: 'Going', description: 'You plan to be there; you get reminders.' },
  { key: 'maybe', name: 'Maybe', description: 'You might come; you get reminders too.' },
  { key: 'not_going', name: 'Not going', description: 'You will not be there this time.' },
] as const;
export const rsvpResponseKeys = keysOf(rsvpResponses);
export type RsvpResponse = (typeof rsvpResponseKeys)[number];

/** Event reminders: how long before an occurrence starts each one is sent. */
export const eventReminderOffsets = [
  { key: 'day', name: 'A day before', description: 'Sent 24 hours before the start.', minutes: 24 * 60 },
  { key: 'hour', name: 'An hour before', description: 'Sent one hour before the start.', minutes: 60 },
] as const;
export const eventReminderOffsetKeys = keysOf(eventReminderOffsets);
