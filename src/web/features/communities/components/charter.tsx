import type { ReactNode } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { Card } from '../../../components/ui/layout.tsx';
import { domainTypes, lookup, stages, structureKinds, visibilities } from '../../../lib/catalogue.ts';
import { formatDate, plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { StageEditor } from './stage-editor.tsx';

function Item({ term, value, note }: { term: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="py-3 first:pt-0 last:pb-0">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{term}</dt>
      <dd className="mt-1 text-sm text-slate-900">
        {value}
        {note && <span className="mt-0.5 block text-slate-600">{note}</span>}
      </dd>
    </div>
  );
}

/** The charter and where the community stands in its life. */
export function Charter({ community: c }: { community: CommunityDetail }) {
  const stage = lookup(stages, c.stage);
  const tension = stages.find((s) => s.key === c.stage)?.tension;
  const stageIndex = stages.findIndex((s) => s.key === c.stage);
  return (
    <div className="space-y-4">
      <Card as="section" className="p-5">
        <h2 id="stage-heading" className="text-base font-semibold text-slate-900">
          Stage: {stage.name}
        </h2>
        <ol aria-label="Stages of development" className="mt-3 flex gap-1">
          {stages.map((s, i) => (
            <li key={s.key} className="flex-1">
              <span
                title={s.name}
                className={`block h-1.5 rounded-full ${i < stageIndex ? 'bg-brand-600' : i === stageIndex ? 'bg-brand-700' : 'bg-slate-200'}`}
              />
              <span className="sr-only">
                {s.name}
                {i === stageIndex ? ' (current stage)' : ''}
              </span>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm text-slate-700">{stage.description}</p>
        {tension && (
          <p className="mt-2 text-sm text-slate-700">
            <span className="font-medium text-slate-900">Tension to manage:</span> {tension.toLowerCase()}.
          </p>
        )}
        {c.viewer.canModerate && <StageEditor slug={c.slug} stage={c.stage} />}
      </Card>
      <Card as="section" className="p-5">
        <h2 className="text-base font-semibold text-slate-900">About this community</h2>
        <dl className="mt-3 divide-y divide-slate-100">
          <Item term="Domain type" value={lookup(domainTypes, c.domainType).name} note={lookup(domainTypes, c.domainType).description} />
          <Item term="Structure" value={lookup(structureKinds, c.structureKind).name} note={lookup(structureKinds, c.structureKind).description} />
          {c.purpose && <Item term="Purpose" value={<span className="whitespace-pre-line">{c.purpose}</span>} />}
          <Item term="Visibility" value={lookup(visibilities, c.visibility).name} note={lookup(visibilities, c.visibility).description} />
          <Item
            term="Members"
            value={
              c.viewer.canRead ? (
                <AppLink href={paths.members(c.slug)} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                  {plural(c.memberCount, 'member')}
                </AppLink>
              ) : (
                plural(c.memberCount, 'member')
              )
            }
          />
          <Item term="Started" value={formatDate(c.createdAt)} />
        </dl>
      </Card>
    </div>
  );
}
