import type { TopicSummary } from '../../../../shared/contracts/conversations.ts';
import { Badge } from '../../../components/ui/feedback.tsx';
import { learningActivities, lookup } from '../../../lib/catalogue.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';

export function QuestionBadge({ topic }: { topic: Pick<TopicSummary, 'isQuestion' | 'answered'> }) {
  if (!topic.isQuestion) return null;
  return topic.answered ? (
    <Badge tone="success">
      <span aria-hidden="true">✓</span> Answered
    </Badge>
  ) : (
    <Badge tone="warning">Question</Badge>
  );
}

/** Topics, most recently active first. */
export function TopicList({ topics, onTag }: { topics: TopicSummary[]; onTag?: (tag: string) => void }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {topics.map((t) => (
        <li key={t.id} className="relative px-4 py-4 hover:bg-slate-50 sm:px-5">
          <div className="flex items-start gap-4">
            <div className="min-w-0 flex-1">
              <h3 className="text-base font-semibold text-slate-900">
                <AppLink href={paths.topic(t.id)} className="underline-offset-2 hover:text-brand-800 hover:underline">
                  {t.title}
                </AppLink>
              </h3>
              <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
                <Badge tone="brand" title={lookup(learningActivities, t.activityType).description}>
                  {lookup(learningActivities, t.activityType).name}
                </Badge>
                <QuestionBadge topic={t} />
                {t.tags.map((tag) =>
                  onTag ? (
                    <button
                      key={tag}
                      type="button"
                      onClick={() => onTag(tag)}
                      className="rounded-full px-1.5 text-xs font-medium text-slate-700 underline-offset-2 hover:text-brand-800 hover:underline"
                      aria-label={`Show topics tagged ${tag}`}
                    >
                      #{tag}
                    </button>
                  ) : (
                    <span key={tag} className="px-1.5 text-xs font-medium text-slate-700">
                      #{tag}
                    </span>
                  ),
                )}
              </div>
              <p className="mt-2 text-sm text-slate-600">
                <AppLink href={paths.person(t.author.username)} className="underline-offset-2 hover:text-slate-900 hover:underline">
                  {t.author.displayName}
                </AppLink>{' '}
                · last activity{' '}
                <time dateTime={t.lastActivityAt} title={formatDateTime(t.lastActivityAt)}>
                  {formatRelative(t.lastActivityAt)}
                </time>
              </p>
            </div>
            <div className="shrink-0 text-right text-sm text-slate-600">
              <span className="block text-lg font-semibold text-slate-900">{t.replyCount}</span>
              {t.replyCount === 1 ? 'reply' : 'replies'}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
