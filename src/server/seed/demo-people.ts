import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { PEOPLE } from './demo-content.ts';

// Northbridge's sites; most people work in the UK, a few with partners abroad.
const SITES: [string, string][] = [
  ['Northbridge HQ', 'Europe/London'],
  ['Ashgrove depot', 'Europe/London'],
  ['Riverside treatment works', 'Europe/London'],
  ['Thornmoor control centre', 'Europe/London'],
  ['Harbour Road substation', 'Europe/London'],
  ['Dublin (partner utility)', 'Europe/Dublin'],
  ['Rotterdam (secondment)', 'Europe/Amsterdam'],
];

/**
 * Gives demo people a job title (the first clause of their bio), a site and time zone, and
 * expertise areas drawn from the tags of topics they actually wrote in, so "who knows" has
 * both declared expertise and evidence to work with. The level grows with how much they wrote.
 */
export async function seedDemoProfiles(db: Db) {
  for (const [i, [username, , bio]] of PEOPLE.entries()) {
    const title = bio.split(/[,;.]/)[0].trim();
    const [location, timeZone] = SITES[i % SITES.length];
    await db.execute(sql`update users set title = ${title.length <= 60 ? title : ''}, location = ${location}, time_zone = ${timeZone} where username = ${username}`);
  }
  await db.execute(sql`
    insert into expertise (user_id, tag, level)
    select user_id, tag,
      -- Someone whose job is named after the area ("Pressure management engineer") is its expert.
      case when n >= 4 or (select lower(u.title) from users u where u.id = s.user_id) ~ ('\\m' || replace(tag, '-', ' ') || '\\M') then 'expert'
        when n >= 3 then 'experienced' when n >= 2 then 'practitioner' else 'learning' end
    from (
      select p.author_id as user_id, tag, count(*) as n,
        row_number() over (partition by p.author_id order by count(*) desc, tag) as rank
      from posts p join topics t on t.id = p.topic_id, unnest(t.tags) as tag
      group by p.author_id, tag
    ) s
    where rank <= 4 and user_id in (select id from users where site_role <> 'admin')
    on conflict do nothing`);
}
