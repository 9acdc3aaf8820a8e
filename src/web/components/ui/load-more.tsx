import { Button } from './button.tsx';

/** "Load more" for cursor-paginated lists. */
export function LoadMore({ hasMore, loading, onClick, label = 'Load more' }: { hasMore: boolean; loading: boolean; onClick: () => void; label?: string }) {
  if (!hasMore) return null;
  return (
    <div className="flex justify-center pt-2">
      <Button variant="secondary" busy={loading} onClick={onClick}>
        {loading ? 'Loading…' : label}
      </Button>
    </div>
  );
}
