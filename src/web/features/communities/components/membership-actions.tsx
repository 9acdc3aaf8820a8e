import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { CommunityDetail } from '../../../../shared/contracts/communities.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge } from '../../../components/ui/feedback.tsx';
import { messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSession } from '../../../lib/session.ts';
import { paths } from '../../../paths.ts';
import { communityKeys, joinCommunity, leaveCommunity } from '../api/communities.ts';

/** Join, ask to join, accept an invitation, withdraw, or leave — whatever fits the viewer now. */
export function MembershipActions({ community: c }: { community: CommunityDetail }) {
  const { user } = useSession();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const m = c.viewer.membership;

  async function run(action: 'join' | 'leave', message: string) {
    setBusy(true);
    setError(null);
    try {
      const res = action === 'join' ? await joinCommunity(c.slug) : await leaveCommunity(c.slug);
      setNotice(res && res.membership === 'requested' ? 'Request sent. A coordinator will review it.' : message);
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: communityKeys.all });
      await qc.invalidateQueries({ queryKey: communityKeys.invitations });
      await qc.invalidateQueries({ queryKey: ['topics'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  let content: ReactNode;
  if (!user) {
    content = (
      <AppLink href={`${paths.signIn()}?next=${encodeURIComponent(paths.community(c.slug))}`} className={buttonClass('primary')}>
        Sign in to join
      </AppLink>
    );
  } else if (m === 'active') {
    content = confirming ? (
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-700">Leave {c.name}?</span>
        <Button variant="danger" size="sm" busy={busy} onClick={() => void run('leave', `You left ${c.name}.`)}>
          Yes, leave
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Stay
        </Button>
      </div>
    ) : (
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="success">
          <span aria-hidden="true">✓</span> You are a member
        </Badge>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
          Leave
        </Button>
      </div>
    );
  } else if (m === 'requested') {
    content = (
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="warning">Request sent — waiting for a coordinator</Badge>
        <Button variant="ghost" size="sm" busy={busy} onClick={() => void run('leave', 'Your request was withdrawn.')}>
          Withdraw request
        </Button>
      </div>
    );
  } else if (m === 'invited') {
    content = (
      <div className="flex flex-wrap items-center gap-2">
        <Button busy={busy} onClick={() => void run('join', `Welcome to ${c.name}!`)}>
          Accept invitation
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void run('leave', 'You declined the invitation.')}>
          Decline
        </Button>
      </div>
    );
  } else if (c.viewer.canJoin) {
    content = (
      <Button busy={busy} onClick={() => void run('join', `Welcome to ${c.name}!`)}>
        Join community
      </Button>
    );
  } else if (c.viewer.canRequest) {
    content = (
      <Button busy={busy} onClick={() => void run('join', 'Request sent. A coordinator will review it.')}>
        Ask to join
      </Button>
    );
  } else {
    content = <Badge>Invitation only</Badge>;
  }

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      {content}
      <div aria-live="polite" className="text-sm text-emerald-800">
        {notice}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
