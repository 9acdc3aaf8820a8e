import { createRootRoute, createRoute, createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { NotFound } from '../components/ui/not-found.tsx';
import { SignInPage } from '../features/auth/routes/sign-in.tsx';
import { SignUpPage } from '../features/auth/routes/sign-up.tsx';
import { BrowsePage } from '../features/communities/routes/browse.tsx';
import { CommunityPage } from '../features/communities/routes/community.tsx';
import { InvitationsPage } from '../features/communities/routes/invitations.tsx';
import { MembersPage } from '../features/communities/routes/members.tsx';
import { CommunitySection } from '../features/communities/components/community-tabs.tsx';
import { AgendaPage } from '../features/agenda/routes/agenda.tsx';
import { LeadershipPage } from '../features/leadership/routes/leadership.tsx';
import { ProfilePage } from '../features/orientation/routes/profile.tsx';
import { AssetPage } from '../features/assets/routes/asset.tsx';
import { CollectionPage } from '../features/assets/routes/collection.tsx';
import { RepositoryPage } from '../features/assets/routes/repository.tsx';
import { ReviewQueuePage } from '../features/assets/routes/reviews.tsx';
import { SubgroupPage } from '../features/subgroups/routes/subgroup.tsx';
import { SubgroupsPage } from '../features/subgroups/routes/subgroups.tsx';
import { CalendarFeedsPage } from '../features/events/routes/calendar-feeds.tsx';
import { EventPage } from '../features/events/routes/event.tsx';
import { EditEventPage, NewEventPage } from '../features/events/routes/event-edit.tsx';
import { EventsPage } from '../features/events/routes/events.tsx';
import { RhythmPage } from '../features/events/routes/rhythm.tsx';
import { NewCommunityPage } from '../features/communities/routes/new-community.tsx';
import { CommunityCultivation, ProposalNotice, StageSignalsBanner } from '../features/cultivation/components/community-cultivation.tsx';
import { LaunchPage } from '../features/cultivation/routes/launch.tsx';
import { PlanPage } from '../features/cultivation/routes/plan.tsx';
import { ProposalsPage } from '../features/cultivation/routes/proposals.tsx';
import { CommunityTopics } from '../features/conversations/components/community-topics.tsx';
import { NewTopicPage } from '../features/conversations/routes/new-topic.tsx';
import { TopicPage } from '../features/conversations/routes/topic.tsx';
import { DirectoryPage } from '../features/people/routes/directory.tsx';
import { EditProfilePage } from '../features/people/routes/edit-profile.tsx';
import { MyCommunitiesPage } from '../features/people/routes/my-communities.tsx';
import { PersonPage } from '../features/people/routes/person.tsx';
import { WhoKnowsPage } from '../features/people/routes/who-knows.tsx';
import { SearchPage } from '../features/search/routes/search.tsx';
import { InboxPage } from '../features/notifications/routes/inbox.tsx';
import { NotificationSettingsPage } from '../features/notifications/routes/settings.tsx';
import { ForgotPasswordPage } from '../features/auth/routes/forgot-password.tsx';
import { ResetPasswordPage } from '../features/auth/routes/reset-password.tsx';
import { OutboxMessagePage, OutboxPage } from '../features/email/routes/outbox.tsx';
import { UnsubscribePage } from '../features/email/routes/unsubscribe.tsx';
import { PortfolioPage } from '../features/portfolio/routes/portfolio.tsx';
import { SponsoringPage } from '../features/portfolio/routes/sponsoring.tsx';
import { Layout } from './layout.tsx';
import { RequireUser } from './require-user.tsx';

type Raw = Record<string, unknown>;
/**
 * Search params are read as the URL's text, not as JSON (the router's default), which turned a
 * phrase search ("pressure management", quotes included) into its bare words. The router still
 * reads "123" and "true" as a number and a boolean; `str` and `bool` take either.
 */
const parseSearch = parseSearchWith((value) => value);
const stringifySearch = stringifySearchWith(JSON.stringify);
const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
const bool = (v: unknown) => v === true || v === 'true' || undefined;
/** An id or a number in the address: a positive whole number, or nothing. */
const positiveInt = (v: unknown) => {
  const n = Number(str(v));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: () => <NotFound /> });

const browseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (s: Raw) => ({
    q: str(s.q),
    domainType: str(s.domainType),
    structureKind: str(s.structureKind),
    stage: str(s.stage),
    mine: bool(s.mine),
  }),
  component: function Browse() {
    return <BrowsePage search={browseRoute.useSearch()} />;
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (s: Raw) => ({ next: str(s.next) }),
  component: function SignIn() {
    return <SignInPage next={signInRoute.useSearch().next} />;
  },
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  validateSearch: (s: Raw) => ({ next: str(s.next), email: str(s.email) }),
  component: function SignUp() {
    const { next, email } = signUpRoute.useSearch();
    return <SignUpPage next={next} email={email} />;
  },
});

const newCommunityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/communities/new',
  component: () => (
    <RequireUser title="Create a community" why="Sign in to create a community. You will become its first coordinator.">
      <NewCommunityPage />
    </RequireUser>
  ),
});

const invitationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations',
  component: () => (
    <RequireUser title="Invitations" why="Sign in to see the communities that have invited you.">
      <InvitationsPage />
    </RequireUser>
  ),
});

const communityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug',
  validateSearch: (s: Raw) => ({ activity: str(s.activity), tag: str(s.tag), unanswered: bool(s.unanswered) }),
  component: function Community() {
    const { slug } = communityRoute.useParams();
    const filters = communityRoute.useSearch();
    return (
      <CommunityPage
        slug={slug}
        feed={(c) => <CommunityTopics key={c.slug} community={c} filters={filters} />}
        top={(c) => (
          <>
            <ProposalNotice community={c} />
            <StageSignalsBanner community={c} />
          </>
        )}
        aside={(c) => <CommunityCultivation community={c} />}
      />
    );
  },
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/plan',
  component: function Plan() {
    const { slug } = planRoute.useParams();
    return (
      <RequireUser title="Cultivation plan" why="Sign in to see the cultivation plan of your communities.">
        <CommunitySection
          key={slug}
          slug={slug}
          tab="plan"
          title="Cultivation plan"
          lead="The coordinator’s checklist: what a community needs at each stage of its life, who is on it and by when."
          allow={(c) => c.viewer.canReadCultivation}
        >
          {(c) => <PlanPage community={c} />}
        </CommunitySection>
      </RequireUser>
    );
  },
});

const launchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/launch',
  component: function Launch() {
    const { slug } = launchRoute.useParams();
    return (
      <RequireUser title="Launch process" why="Sign in to follow the launch process of your communities.">
        <CommunitySection
          key={slug}
          slug={slug}
          tab="launch"
          title="Launch process"
          lead="Four steps from an idea to a community: discovery, community preparation, launch planning and follow-up anticipation. Save each as you go."
          allow={(c) => c.viewer.canReadCultivation}
        >
          {(c) => <LaunchPage community={c} />}
        </CommunitySection>
      </RequireUser>
    );
  },
});

const proposalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/proposals',
  component: () => (
    <RequireUser title="Proposals" why="Sign in as a member of the support team to see every proposal.">
      <ProposalsPage />
    </RequireUser>
  ),
});

const leadershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/leadership',
  component: function Leadership() {
    const { slug } = leadershipRoute.useParams();
    return (
      <CommunitySection key={slug} slug={slug} tab="leadership" title="Leadership" lead="The twelve leadership functions a community needs, who covers each, and what each role means here.">
        {(c) => <LeadershipPage community={c} />}
      </CommunitySection>
    );
  },
});

const agendaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/agenda',
  validateSearch: (s: Raw) => ({ status: str(s.status) }),
  component: function Agenda() {
    const { slug } = agendaRoute.useParams();
    const { status } = agendaRoute.useSearch();
    const navigate = agendaRoute.useNavigate();
    return (
      <CommunitySection key={slug} slug={slug} tab="agenda" feature="learning_agenda" title="Learning agenda" lead="The questions this community wants to learn about, who looks after each, and the conversations working on them.">
        {(c) => <AgendaPage community={c} status={status} onStatus={(next) => void navigate({ search: { status: next } })} />}
      </CommunitySection>
    );
  },
});

function subgroupRoutes(kind: 'practice_group' | 'project') {
  const segment = kind === 'project' ? 'projects' : 'groups';
  const feature = kind === 'project' ? 'projects' : 'practice_groups';
  const title = kind === 'project' ? 'Projects' : 'Practice groups';
  const list = createRoute({
    getParentRoute: () => rootRoute,
    path: `/c/$slug/${segment}`,
    component: function Subgroups() {
      const { slug } = list.useParams();
      return (
        <CommunitySection key={slug} slug={slug} tab={segment} feature={feature} title={title}>
          {(c) => <SubgroupsPage community={c} kind={kind} />}
        </CommunitySection>
      );
    },
  });
  const one = createRoute({
    getParentRoute: () => rootRoute,
    path: `/c/$slug/${segment}/$id`,
    component: function Subgroup() {
      const { slug, id } = one.useParams();
      const n = Number(id);
      if (!Number.isSafeInteger(n) || n <= 0) return <NotFound what="group" />;
      return (
        <CommunitySection key={`${slug}/${n}`} slug={slug} tab={segment} feature={feature} title={title}>
          {(c) => <SubgroupPage community={c} id={n} />}
        </CommunitySection>
      );
    },
  });
  return [list, one] as const;
}
const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/events',
  component: function Events() {
    const { slug } = eventsRoute.useParams();
    return (
      <CommunitySection key={slug} slug={slug} tab="events" title="Events" lead="Meetings, calls, visits and conferences: the community’s rhythm of regular rituals and special moments.">
        {(c) => <EventsPage community={c} />}
      </CommunitySection>
    );
  },
});

const repositoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/repository',
  validateSearch: (s: Raw) => ({ fromTopic: positiveInt(s.fromTopic), fromEvent: positiveInt(s.fromEvent) }),
  component: function Repository() {
    const { slug } = repositoryRoute.useParams();
    const search = repositoryRoute.useSearch();
    const fromTopic = search.fromTopic;
    const fromEvent = fromTopic === undefined ? search.fromEvent : undefined;
    return (
      <CommunitySection key={slug} slug={slug} tab="repository" title="Repository" lead="What the community has written down, uploaded and linked, each with a steward who keeps it fresh.">
        {(c) => <RepositoryPage key={`${fromTopic ?? 0}-${fromEvent ?? 0}`} community={c} fromTopic={fromTopic} fromEvent={fromEvent} />}
      </CommunitySection>
    );
  },
});

const assetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assets/$id',
  // An earlier version, when asked for by its number; anything else shows the current one.
  validateSearch: (s: Raw) => ({ version: positiveInt(s.version) }),
  component: function Asset() {
    const n = Number(assetRoute.useParams().id);
    const { version } = assetRoute.useSearch();
    if (!Number.isSafeInteger(n) || n <= 0) return <NotFound what="asset" />;
    return <AssetPage key={n} id={n} version={version} />;
  },
});

const collectionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/collections/$id',
  component: function Collection() {
    const n = Number(collectionRoute.useParams().id);
    if (!Number.isSafeInteger(n) || n <= 0) return <NotFound what="collection" />;
    return <CollectionPage key={n} id={n} />;
  },
});

const reviewQueueRoute = createRoute({ getParentRoute: () => rootRoute, path: '/me/reviews', component: ReviewQueuePage });

const newEventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/events/new',
  component: function NewEvent() {
    const { slug } = newEventRoute.useParams();
    return (
      <CommunitySection key={slug} slug={slug} tab="events" title="Plan an event" allow={(c) => c.viewer.canPost}>
        {(c) => <NewEventPage community={c} />}
      </CommunitySection>
    );
  },
});

const rhythmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/rhythm',
  component: function Rhythm() {
    const { slug } = rhythmRoute.useParams();
    return (
      <CommunitySection key={slug} slug={slug} tab="events" title="Rhythm" lead="Regular events build familiarity and trust; special ones bring excitement and new people. How this community balances them.">
        {(c) => <RhythmPage community={c} />}
      </CommunitySection>
    );
  },
});

const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$id',
  validateSearch: (s: Raw) => ({ at: str(s.at) }),
  component: function Event() {
    const n = Number(eventRoute.useParams().id);
    const { at } = eventRoute.useSearch();
    if (!Number.isSafeInteger(n) || n <= 0) return <NotFound what="event" />;
    return <EventPage key={n} id={n} at={at} />;
  },
});

const editEventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$id/edit',
  component: function EditEvent() {
    const n = Number(editEventRoute.useParams().id);
    if (!Number.isSafeInteger(n) || n <= 0) return <NotFound what="event" />;
    return (
      <RequireUser title="Edit the event" why="Sign in to change an event you organize.">
        <EditEventPage id={n} />
      </RequireUser>
    );
  },
});

const calendarFeedsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/me/calendar',
  validateSearch: (s: Raw) => ({ community: str(s.community) }),
  component: function CalendarFeeds() {
    const { community } = calendarFeedsRoute.useSearch();
    return (
      <RequireUser title="Calendar feeds" why="Sign in to get a calendar link for your events.">
        <CalendarFeedsPage community={community} />
      </RequireUser>
    );
  },
});

const practiceGroupRoutes = subgroupRoutes('practice_group');
const projectRoutes = subgroupRoutes('project');

const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/profile',
  component: function Profile() {
    const { slug } = profileRoute.useParams();
    return (
      <CommunitySection key={slug} slug={slug} tab="profile" title="Profile and tools" lead="The community’s orientations — what its togetherness is about — and the tools they call for.">
        {(c) => <ProfilePage community={c} />}
      </CommunitySection>
    );
  },
});

const membersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$slug/members',
  component: function Members() {
    return <MembersPage slug={membersRoute.useParams().slug} />;
  },
});

const newTopicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/topics/new',
  validateSearch: (s: Raw) => ({ community: str(s.community), agendaItem: positiveInt(s.agendaItem), subgroup: positiveInt(s.subgroup) }),
  component: function NewTopic() {
    const { community, agendaItem, subgroup } = newTopicRoute.useSearch();
    return (
      <RequireUser title="Start a topic" why="Sign in to start a topic in your communities.">
        <NewTopicPage community={community} agendaItem={agendaItem} subgroup={subgroup} />
      </RequireUser>
    );
  },
});

const topicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/topics/$id',
  component: function Topic() {
    const { id } = topicRoute.useParams();
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n <= 0) return <NotFound what="topic" />;
    return <TopicPage key={n} id={n} />;
  },
});

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: (s: Raw) => ({
    q: str(s.q),
    community: str(s.community),
    activity: str(s.activity),
    kind: (['community', 'topic', 'reply', 'asset'] as const).find((k) => k === s.kind),
  }),
  component: function Search() {
    return <SearchPage search={searchRoute.useSearch()} />;
  },
});

const personRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/$username',
  component: function Person() {
    const { username } = personRoute.useParams();
    return <PersonPage key={username} username={username} />;
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbox',
  validateSearch: (s: Raw) => ({ unread: bool(s.unread) }),
  component: function Inbox() {
    const { unread } = inboxRoute.useSearch();
    const navigate = inboxRoute.useNavigate();
    return (
      <RequireUser title="Inbox" why="Sign in to see replies, mentions and questions for you.">
        <InboxPage unreadOnly={Boolean(unread)} onFilter={(only) => void navigate({ search: { unread: only || undefined } })} />
      </RequireUser>
    );
  },
});

const notificationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/notifications',
  component: () => (
    <RequireUser title="Notification settings" why="Sign in to choose which notifications reach you and how.">
      <NotificationSettingsPage />
    </RequireUser>
  ),
});

const directoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people',
  validateSearch: (s: Raw) => ({ q: str(s.q), community: str(s.community), tag: str(s.tag), role: str(s.role) }),
  component: function Directory() {
    return <DirectoryPage search={directoryRoute.useSearch()} />;
  },
});

const whoKnowsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/who-knows',
  validateSearch: (s: Raw) => ({ q: str(s.q) }),
  component: function WhoKnows() {
    const { q } = whoKnowsRoute.useSearch();
    return <WhoKnowsPage key={q ?? ''} q={q} />;
  },
});

const editProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/me/profile',
  component: () => (
    <RequireUser title="Edit your profile" why="Sign in to edit your profile, photo and expertise.">
      <EditProfilePage />
    </RequireUser>
  ),
});

const myCommunitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/me/communities',
  component: () => (
    <RequireUser title="My communities" why="Sign in to see the communities you belong to and how you take part.">
      <MyCommunitiesPage />
    </RequireUser>
  ),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (s: Raw) => ({ token: str(s.token) }),
  component: function ResetPassword() {
    return <ResetPasswordPage token={resetPasswordRoute.useSearch().token} />;
  },
});

const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unsubscribe',
  validateSearch: (s: Raw) => ({ token: str(s.token), kind: str(s.kind) }),
  component: function Unsubscribe() {
    const { token, kind } = unsubscribeRoute.useSearch();
    return <UnsubscribePage token={token} kind={kind} />;
  },
});

const outboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/outbox',
  component: () => (
    <RequireUser title="Email outbox" why="Sign in as a site admin to read the outbox.">
      <OutboxPage />
    </RequireUser>
  ),
});

const outboxMessageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/outbox/$id',
  component: function OutboxMessage() {
    return (
      <RequireUser title="Email" why="Sign in as a site admin to read the outbox.">
        <OutboxMessagePage id={Number(outboxMessageRoute.useParams().id)} />
      </RequireUser>
    );
  },
});

const portfolioRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portfolio',
  component: () => (
    <RequireUser title="Domain portfolio" why="Sign in to see the organization’s strategic domains and the communities that steward them.">
      <PortfolioPage />
    </RequireUser>
  ),
});

const sponsoringRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sponsoring',
  component: () => (
    <RequireUser title="Communities you sponsor" why="Sign in to see the communities you sponsor.">
      <SponsoringPage />
    </RequireUser>
  ),
});

const routeTree = rootRoute.addChildren([
  forgotPasswordRoute,
  resetPasswordRoute,
  unsubscribeRoute,
  outboxRoute,
  outboxMessageRoute,
  directoryRoute,
  whoKnowsRoute,
  editProfileRoute,
  myCommunitiesRoute,
  browseRoute,
  signInRoute,
  signUpRoute,
  newCommunityRoute,
  invitationsRoute,
  communityRoute,
  planRoute,
  launchRoute,
  proposalsRoute,
  membersRoute,
  leadershipRoute,
  agendaRoute,
  ...practiceGroupRoutes,
  ...projectRoutes,
  eventsRoute,
  repositoryRoute,
  assetRoute,
  collectionRoute,
  reviewQueueRoute,
  newEventRoute,
  rhythmRoute,
  eventRoute,
  editEventRoute,
  calendarFeedsRoute,
  profileRoute,
  newTopicRoute,
  topicRoute,
  searchRoute,
  personRoute,
  inboxRoute,
  notificationSettingsRoute,
  portfolioRoute,
  sponsoringRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true, parseSearch, stringifySearch });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
