import type { Viewer } from '../../../shared/contracts/auth.ts';

/** Who may do what with email. */
export const emailPolicy = {
  /** The outbox holds everyone's mail (reset links included): site admins only. */
  canReadOutbox: (v: Viewer | null) => v?.siteRole === 'admin',
};
