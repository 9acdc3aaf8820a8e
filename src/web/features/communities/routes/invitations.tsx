import { PageHeader } from '../../../components/ui/layout.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { InvitationsPanel } from '../components/invitations-panel.tsx';

export function InvitationsPage() {
  usePageTitle('Invitations');
  return (
    <div className="space-y-6">
      <PageHeader title="Invitations" lead="Communities that have invited you to join. Accepting makes you a member straight away." />
      <InvitationsPanel always />
    </div>
  );
}
