import type { Viewer } from '../../../shared/contracts/auth.ts';

/** Site admins and the support team keep the portfolio of domains and assign sponsors. */
export const portfolioPolicy = {
  canManage: (v: Viewer | null) => v?.siteRole === 'admin' || v?.siteRole === 'support',
  /** The portfolio is the organization's strategy: anyone signed in may read it. */
  canRead: (v: Viewer | null) => v !== null,
};
