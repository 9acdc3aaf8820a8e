import type { ReactNode } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { Alert, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { PageHeader } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { messageOf } from '../../../lib/api.ts';
import { cx } from '../../../lib/cx.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { isNotFound, useCommunity } from '../api/communities.ts';

export type CommunityTab = 'conversations' | 'members' | 'leadership' | 'agenda' | 'groups' | 'projects' | 'profile' | 'plan' | 'launch' | 'events' | 'repository';

interface TabDef {
  key: CommunityTab;
  label: string;
  href: (slug: string) => string;
  /** The switchable feature (catalogue communityFeatures) the tab belongs to; hidden when it is off. */
  feature?: string;
  /** Shown only to people who may read the community. */
  readers?: boolean;
  /** Shown only when this holds (cultivation pages: members, sponsors, the support team). */
  when?: (c: CommunityDetail) => boolean;
}

/** The community's sections, in one list both the cultivation and the roles/agenda/subgroups work add to. */
const TABS: TabDef[] = [
  { key: 'conversations', label: 'Conversations', href: paths.community },
  { key: 'members', label: 'Members', href: paths.members },
  { key: 'leadership', label: 'Leadership', href: paths.leadership, readers: true },
  { key: 'events', label: 'Events', href: paths.events, readers: true },
  { key: 'repository', label: 'Repository', href: paths.repository, readers: true },
  { key: 'agenda', label: 'Agenda', href: paths.agenda, feature: 'learning_agenda', readers: true },
  { key: 'groups', label: 'Groups', href: paths.practiceGroups, feature: 'practice_groups', readers: true },
  { key: 'projects', label: 'Projects', href: paths.projects, feature: 'projects', readers: true },
  { key: 'profile', label: 'Profile', href: paths.communityProfile, readers: true },
  { key: 'plan', label: 'Plan', href: paths.plan, when: (c) => c.viewer.canReadCultivation },
  { key: 'launch', label: 'Launch', href: paths.launch, when: (c) => c.viewer.canReadCultivation && c.status === 'proposed' },
];

/** The community's sub-navigation; switched-off features vanish from it. */
export function CommunityTabs({ community: c, current }: { community: CommunityDetail; current: CommunityTab }) {
  const tabs = TABS.filter(
    (t) => (!t.feature || !c.featuresOff.includes(t.feature)) && (!t.readers || c.viewer.canRead) && (!t.when || t.when(c)),
  );
  return (
    <nav aria-label={`${c.name} sections`} className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {tabs.map((t) => {
          const active = t.key === current;
          return (
            <li key={t.key}>
              <AppLink
                href={t.href(c.slug)}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  '-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium',
                  active ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {t.label}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * A section page of a community: loads it, answers 404 and errors, shows the header and tabs,
 * and renders the section for people who may read it. Feature pages get the community from here.
 */
export function CommunitySection({
  slug,
  tab,
  title,
  lead,
  feature,
  allow,
  children,
}: {
  slug: string;
  tab: CommunityTab;
  title: string;
  lead?: ReactNode;
  /** The section's switchable feature: when it is off, the page says so instead. */
  feature?: string;
  /** Who may see the section; people who may read the community, unless said otherwise. */
  allow?: (community: CommunityDetail) => boolean;
  children: (community: CommunityDetail) => ReactNode;
}) {
  const query = useCommunity(slug);
  const c = query.data;
  usePageTitle(c ? `${title} · ${c.name}` : query.isError ? 'Not found' : null);
  if (query.isPending) return <Loading label="Loading community…" />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound what="community" />;
    return <Alert tone="error" title="We could not load this community.">{messageOf(query.error)}</Alert>;
  }
  if (!c) return null;
  const off = feature && c.featuresOff.includes(feature);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <AppLink href={paths.community(c.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            {c.name}
          </AppLink>
        }
        title={title}
        lead={lead}
      />
      <CommunityTabs community={c} current={tab} />
      {off ? (
        <EmptyState title="This community does not use this tool">Its technology steward switched it off. Ask them if you think it would help.</EmptyState>
      ) : !(allow ? allow(c) : c.viewer.canRead) ? (
        <EmptyState title="This is for members">Join the community to see it.</EmptyState>
      ) : (
        children(c)
      )}
    </div>
  );
}
