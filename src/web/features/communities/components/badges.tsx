import { Badge } from '../../../components/ui/feedback.tsx';
import { lookup, visibilities } from '../../../lib/catalogue.ts';

const icons: Record<string, string> = { open: '', by_request: '✋', invite_only: '✉', secret: '🔒' };

export function VisibilityBadge({ visibility }: { visibility: string }) {
  const v = lookup(visibilities, visibility);
  return (
    <Badge tone={visibility === 'secret' ? 'warning' : 'neutral'} title={v.description}>
      {icons[visibility] && <span aria-hidden="true">{icons[visibility]}</span>}
      {v.name}
    </Badge>
  );
}
