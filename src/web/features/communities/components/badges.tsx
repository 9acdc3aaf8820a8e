import { Badge } from '../../../components/ui/feedback.tsx';
import { lookup, visibilities } from '../../../lib/catalogue.ts';

function Lock() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3">
      <path fillRule="evenodd" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7A1.5 1.5 0 0 0 3 8.5v5A1.5 1.5 0 0 0 4.5 15h7a1.5 1.5 0 0 0 1.5-1.5v-5A1.5 1.5 0 0 0 11.5 7V4.5A3.5 3.5 0 0 0 8 1Zm2 6V4.5a2 2 0 1 0-4 0V7h4Z" clipRule="evenodd" />
    </svg>
  );
}

/** The community's visibility, with its explanation on hover. */
export function VisibilityBadge({ visibility }: { visibility: string }) {
  const v = lookup(visibilities, visibility);
  return (
    <Badge tone={visibility === 'secret' ? 'warning' : 'neutral'} title={v.description}>
      {(visibility === 'secret' || visibility === 'invite_only') && <Lock />}
      {v.name}
    </Badge>
  );
}
