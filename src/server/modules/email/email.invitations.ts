import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { queueEmails } from './email.outbox.ts';
import { renderEmail } from './email.render.ts';

/** Queues the email inviting someone with no account yet to sign up and join a community (in the caller's transaction). */
export async function queueInvitationEmail(tx: Queryable, appUrl: string, invite: { email: string; communityId: number; inviterId: number }) {
  const [row] = (
    await tx.execute<{ community: string; domain: string; inviter: string }>(sql`
      select c.name as community, c.domain_statement as domain, u.display_name as inviter
      from communities c, users u where c.id = ${invite.communityId} and u.id = ${invite.inviterId}`)
  ).rows;
  if (!row) return;
  const link = `${appUrl}/signup?email=${encodeURIComponent(invite.email)}`;
  const rendered = renderEmail(appUrl, {
    preheader: `${row.inviter} invited you to ${row.community} on Constellation.`,
    heading: `${row.inviter} invited you to join ${row.community}`,
    paragraphs: [
      `${row.community} is a community of practice on Constellation: ${row.domain}`,
      'Create your account with this email address and the invitation will be waiting for you.',
    ],
    action: { label: 'Create your account', url: link },
    reason: `You get this one email because ${row.inviter} invited ${invite.email}. If you do not want to join, ignore it.`,
  });
  await queueEmails(tx, [{ userId: null, kind: 'invitation', to: invite.email, subject: `${row.inviter} invited you to join ${row.community}`, ...rendered }]);
}
