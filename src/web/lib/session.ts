import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Viewer } from '../../shared/contracts/auth.ts';
import { setCsrfToken } from './api.ts';

export const sessionKey = ['session'] as const;

/** Who is signed in (null when nobody), with a fresh CSRF token remembered for writes. */
export async function fetchSession(): Promise<Viewer | null> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error('Could not load your session.');
  const body = (await res.json()) as { user: Viewer | null; csrfToken: string };
  setCsrfToken(body.csrfToken);
  return body.user;
}

/** The signed-in person, or null; `isPending` while the first answer is on its way. */
export function useSession() {
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  return { user: query.data ?? null, isPending: query.isPending };
}

/** After sign-in, sign-up or sign-out: refresh the session and forget everything cached for the previous person. */
export function useSessionChanged() {
  const qc = useQueryClient();
  return useCallback(async () => {
    setCsrfToken(null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    await qc.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
  }, [qc]);
}
