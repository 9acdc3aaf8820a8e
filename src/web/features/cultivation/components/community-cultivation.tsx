import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { type Stage, stageFocus, stages } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { Card } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { paths } from '../../../paths.ts';
import { changeStage, cultivationKeys, useLaunchRecord, useStageHistory, useStageSignals } from '../api/cultivation.ts';

const stageName = (key: string | null) => stages.find((s) => s.key === key)?.name ?? key ?? '';
const link = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900';

/** Where a dismissal is remembered: per community and per suggested move, for 30 days. */
const dismissKey = (slug: string, from: string, to: string) => `constellation:signals:${slug}:${from}->${to}`;
const DISMISS_DAYS = 30;

function dismissed(key: string): boolean {
  try {
    const at = Number(localStorage.getItem(key));
    return Number.isFinite(at) && at > Date.now() - DISMISS_DAYS * 86_400_000;
  } catch {
    return false;
  }
}

/** Coordinators see what the signals suggest and confirm (the stage moves, the signals are the reason) or dismiss it. */
export function StageSignalsBanner({ community: c }: { community: CommunityDetail }) {
  const qc = useQueryClient();
  const enabled = c.viewer.canModerate && c.status === 'active';
  const signals = useStageSignals(c.slug, enabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, rerender] = useState(0);
  const s = signals.data?.suggestion;
  if (!enabled || !s) return null;
  const key = dismissKey(c.slug, s.from, s.to);
  if (dismissed(key)) return null;

  async function confirm() {
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      await changeStage(c.slug, s.to, s.sentence);
      await Promise.all([qc.invalidateQueries({ queryKey: cultivationKeys.communities }), qc.invalidateQueries({ queryKey: cultivationKeys.all })]);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  function dismiss() {
    try {
      localStorage.setItem(key, String(Date.now()));
    } catch {
      // Private browsing without storage: the banner simply comes back next time.
    }
    rerender((n) => n + 1);
  }

  return (
    <Alert tone="info" title={`Stage: ${stageName(s.from)} → ${stageName(s.to)}?`}>
      <p>{s.sentence}</p>
      <p className="mt-1 text-brand-900/80">Signals only suggest. You know the community; confirm if it rings true.</p>
      {error && <p className="mt-2 font-medium text-red-800">{error}</p>}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" busy={busy} onClick={confirm}>
          Confirm: move to {stageName(s.to)}
        </Button>
        <Button size="sm" variant="secondary" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
    </Alert>
  );
}

/** A proposal's place in the launch process, shown on its page. */
export function ProposalNotice({ community: c }: { community: CommunityDetail }) {
  const record = useLaunchRecord(c.slug, c.status === 'proposed' && c.viewer.canReadCultivation);
  if (c.status !== 'proposed') return null;
  const progress = record.data?.progress;
  return (
    <Alert tone="warning" title="A proposal in the launch process">
      <p>
        Only its members, the support team and site admins can see it until a coordinator launches it. A launch is an invitation, not a roll-out.
        {progress && ` ${progress.complete} of ${progress.total} launch steps done.`}
      </p>
      {c.viewer.canReadCultivation && (
        <AppLink href={paths.launch(c.slug)} className={buttonClass('primary', 'sm', 'mt-3')}>
          {c.viewer.canModerate ? 'Continue the launch process' : 'See the launch process'}
        </AppLink>
      )}
    </Alert>
  );
}

function History({ slug }: { slug: string }) {
  const history = useStageHistory(slug, true);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (history.isPending) return <p className="text-sm text-slate-600">Loading the history…</p>;
  if (history.isError) return <p className="text-sm text-red-700">{messageOf(history.error)}</p>;
  if (!items.length) return <p className="text-sm text-slate-600">No stage changes recorded yet.</p>;
  return (
    <>
      <ol className="space-y-3">
        {items.map((h) => (
          <li key={h.id} className="border-l-2 border-brand-200 pl-3 text-sm">
            <p className="font-medium text-slate-900">{h.from ? `${stageName(h.from)} → ${stageName(h.to)}` : `Started as ${stageName(h.to)}`}</p>
            <p className="text-slate-600">
              {formatDate(h.at)}
              {h.by && (
                <>
                  {' · '}
                  <AppLink href={paths.person(h.by.username)} className="underline-offset-2 hover:underline">
                    {h.by.displayName}
                  </AppLink>
                </>
              )}
            </p>
            {h.reason && <p className="mt-0.5 text-slate-700">{h.reason}</p>}
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <Button size="sm" variant="ghost" className="mt-2" busy={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>
          Show earlier changes
        </Button>
      )}
    </>
  );
}

/** What typically matters at this stage, the way to the plan and launch record, and the stage history. */
export function CommunityCultivation({ community: c }: { community: CommunityDetail }) {
  const focus = stageFocus[c.stage as Stage];
  return (
    <Card as="section" className="p-5">
      <h2 className="text-base font-semibold text-slate-900">What typically matters now</h2>
      {focus && <p className="mt-2 text-sm text-slate-700">{focus}</p>}
      {c.viewer.canReadCultivation && (
        <ul className="mt-3 space-y-1 text-sm">
          <li>
            <AppLink href={paths.plan(c.slug)} className={link}>
              Cultivation plan
            </AppLink>
          </li>
          <li>
            <AppLink href={paths.launch(c.slug)} className={link}>
              Launch record
            </AppLink>
          </li>
        </ul>
      )}
      {c.viewer.canRead && (
        <>
          <h3 className="mt-5 text-sm font-semibold text-slate-900">Stage history</h3>
          <div className="mt-2">
            <History slug={c.slug} />
          </div>
        </>
      )}
    </Card>
  );
}
