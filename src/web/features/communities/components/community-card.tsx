import type { CommunitySummary } from '../../../../shared/contracts/communities.ts';
import { Badge } from '../../../components/ui/feedback.tsx';
import { domainTypes, lookup, stages, structureKinds } from '../../../lib/catalogue.ts';
import { plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { VisibilityBadge } from './badges.tsx';

/** One community in a list: the whole card is one link, named by the community. */
export function CommunityCard({ community: c }: { community: CommunitySummary }) {
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition-shadow hover:border-slate-300 hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-600">
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-base font-semibold text-slate-900">
          <AppLink href={paths.community(c.slug)} className="after:absolute after:inset-0 focus:outline-none group-hover:text-brand-800">
            {c.name}
          </AppLink>
        </h3>
        {c.visibility !== 'open' && <VisibilityBadge visibility={c.visibility} />}
      </div>
      <p className="mt-2 line-clamp-3 text-sm text-slate-600">{c.domainStatement}</p>
      <div className="mt-4 flex flex-wrap gap-1.5">
        <Badge tone="brand">{lookup(domainTypes, c.domainType).name}</Badge>
        <Badge>{lookup(structureKinds, c.structureKind).name}</Badge>
        <Badge>Stage: {lookup(stages, c.stage).name}</Badge>
      </div>
      <p className="mt-auto pt-4 text-sm text-slate-600">
        {plural(c.memberCount, 'member')} · {plural(c.topicCount, 'topic')}
      </p>
    </article>
  );
}
