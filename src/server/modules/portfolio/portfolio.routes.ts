import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Viewer } from '../../../shared/contracts/auth.ts';
import { idParam, pageQuery, slugParam, username } from '../../../shared/contracts/common.ts';
import { type DomainView, domainInput, type SponsoredCommunity, updateDomainInput } from '../../../shared/contracts/portfolio.ts';
import { forbidden, notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { requireViewer } from '../../plugins/auth.ts';
import { findUserByUsername } from '../communities/communities.queries.ts';
import { loadVisibleCommunity } from '../communities/communities.service.ts';
import { portfolioPolicy } from './portfolio.policy.ts';
import { type DomainRow, listDomains, listSponsored } from './portfolio.queries.ts';
import { createDomain, deleteDomain, setCommunityDomain, setSponsor, updateDomain } from './portfolio.service.ts';

const tags = ['portfolio'];

function requireManager(viewer: Viewer | null): Viewer {
  const v = requireViewer({ viewer });
  if (!portfolioPolicy.canManage(v)) throw forbidden('Only site admins and the support team keep the portfolio of domains.');
  return v;
}

const present = (d: DomainRow): DomainView => ({
  id: d.id,
  name: d.name,
  description: d.description,
  priority: d.priority,
  stance: d.stance as DomainView['stance'],
  communities: d.communities,
  sponsors: d.sponsors,
});

const domainCommunityParams = z.object({ id: idParam.shape.id, slug: slugParam.shape.slug });
const domainSponsorParams = z.object({ id: idParam.shape.id, username });
const communitySponsorParams = z.object({ slug: slugParam.shape.slug, username });

export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  async function person(name: string) {
    const u = await findUserByUsername(app.db, name);
    if (!u) throw notFound('person');
    return u;
  }
  async function domainExists(id: number) {
    const rows = await app.db.execute(sql`select 1 from domains where id = ${id}`);
    if (!rows.rowCount) throw notFound('domain');
  }

  app.get('/api/domains', { schema: { tags, summary: 'The portfolio of strategic domains, highest priority first', querystring: pageQuery } }, async (req) => {
    requireViewer(req);
    const after = decodeCursor(req.query.cursor, ['number', 'string', 'number']) as [number, string, number] | null;
    const rows = await listDomains(app.db, req.viewer, { after, limit: req.query.limit });
    const page = toPage(rows, req.query.limit, (d) => [d.priority, d.name, d.id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor, canManage: portfolioPolicy.canManage(req.viewer) };
  });

  app.get('/api/domains/:id', { schema: { tags, summary: 'One domain with its communities and sponsors', params: idParam } }, async (req) => {
    requireViewer(req);
    const [d] = await listDomains(app.db, req.viewer, { after: null, limit: 1, id: req.params.id });
    if (!d) throw notFound('domain');
    return present(d);
  });

  app.post('/api/domains', { schema: { tags, summary: 'Add a strategic domain (admins, support team)', body: domainInput } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    const d = await createDomain(app.db, v, req.body);
    return reply.code(201).send(d);
  });

  app.patch('/api/domains/:id', { schema: { tags, summary: 'Edit a domain (admins, support team)', params: idParam, body: updateDomainInput } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    await updateDomain(app.db, v, req.params.id, req.body);
    return reply.code(204).send();
  });

  app.delete('/api/domains/:id', { schema: { tags, summary: 'Remove a domain from the portfolio (admins, support team)', params: idParam } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    await deleteDomain(app.db, v, req.params.id);
    return reply.code(204).send();
  });

  for (const linked of [true, false]) {
    const handler = async (req: { viewer: Viewer | null; params: { id: number; slug: string } }) => {
      const v = requireManager(req.viewer);
      await domainExists(req.params.id);
      const { community } = await loadVisibleCommunity(app.db, req.params.slug, v);
      await setCommunityDomain(app.db, v, req.params.id, community.id, linked);
    };
    const schema = { tags, summary: linked ? 'Link a community to a domain' : 'Unlink a community from a domain', params: domainCommunityParams };
    if (linked)
      app.put('/api/domains/:id/communities/:slug', { schema }, async (req, reply) => {
        await handler(req);
        return reply.code(204).send();
      });
    else
      app.delete('/api/domains/:id/communities/:slug', { schema }, async (req, reply) => {
        await handler(req);
        return reply.code(204).send();
      });
  }

  app.put('/api/domains/:id/sponsors/:username', { schema: { tags, summary: 'Make someone a sponsor of a domain', params: domainSponsorParams } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    await domainExists(req.params.id);
    await setSponsor(app.db, v, { domainId: req.params.id }, (await person(req.params.username)).id, true);
    return reply.code(204).send();
  });
  app.delete('/api/domains/:id/sponsors/:username', { schema: { tags, summary: 'Remove a domain sponsor', params: domainSponsorParams } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    await domainExists(req.params.id);
    await setSponsor(app.db, v, { domainId: req.params.id }, (await person(req.params.username)).id, false);
    return reply.code(204).send();
  });

  app.put('/api/communities/:slug/sponsors/:username', { schema: { tags, summary: 'Make someone a sponsor of a community', params: communitySponsorParams } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    const { community } = await loadVisibleCommunity(app.db, req.params.slug, v);
    await setSponsor(app.db, v, { communityId: community.id }, (await person(req.params.username)).id, true);
    return reply.code(204).send();
  });
  app.delete('/api/communities/:slug/sponsors/:username', { schema: { tags, summary: 'Remove a community sponsor', params: communitySponsorParams } }, async (req, reply) => {
    const v = requireManager(req.viewer);
    const { community } = await loadVisibleCommunity(app.db, req.params.slug, v);
    await setSponsor(app.db, v, { communityId: community.id }, (await person(req.params.username)).id, false);
    return reply.code(204).send();
  });

  app.get('/api/communities/:slug/sponsorship', { schema: { tags, summary: 'A community’s strategic domains and sponsors', params: slugParam } }, async (req) => {
    const { community } = await loadVisibleCommunity(app.db, req.params.slug, req.viewer);
    const res = await app.db.execute<{ domains: { id: number; name: string; stance: string; priority: number }[]; sponsors: { username: string; displayName: string; via: string | null }[] }>(sql`
      select
        coalesce((select json_agg(json_build_object('id', d.id, 'name', d.name, 'stance', d.stance, 'priority', d.priority) order by d.priority, d.name)
          from community_domains cd join domains d on d.id = cd.domain_id where cd.community_id = ${community.id}), '[]')::jsonb as domains,
        coalesce((select json_agg(json_build_object('username', x.username, 'displayName', x.display_name, 'via', x.via) order by x.display_name)
          from (select distinct on (u.id) u.username, u.display_name, d.name as via
                from sponsorships s join users u on u.id = s.user_id
                left join domains d on d.id = s.domain_id
                where s.community_id = ${community.id}
                   or s.domain_id in (select domain_id from community_domains where community_id = ${community.id})
                order by u.id, s.community_id nulls last) x), '[]')::jsonb as sponsors`);
    return { ...res.rows[0], canManage: portfolioPolicy.canManage(req.viewer) };
  });

  app.get('/api/me/sponsorships', { schema: { tags, summary: 'Communities I sponsor: stage and cultivation progress, read-only' } }, async (req) => {
    const v = requireViewer(req);
    const rows = await listSponsored(app.db, v.id);
    const items: SponsoredCommunity[] = rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      stage: r.stage,
      status: r.status,
      memberCount: r.member_count,
      direct: r.direct,
      via: r.via,
      progress: r.progress ?? [],
    }));
    return { items };
  });

};
