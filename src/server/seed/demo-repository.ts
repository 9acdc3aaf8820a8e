import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { Viewer } from '../../shared/contracts/auth.ts';
import type { CreateAssetInput } from '../../shared/contracts/assets.ts';
import type { LearningActivity } from '../../shared/model/catalogue.ts';
import type { Db } from '../db/client.ts';
import { events, topicCommunities, topics } from '../db/schema/index.ts';
import type { FileStorage } from '../lib/storage.ts';
import { findAsset, findVersion } from '../modules/assets/assets.queries.ts';
import { checkUpload, createAsset, createCollection, recordReuse, setCollectionItems, setReviewAfterDays, updateAsset } from '../modules/assets/assets.service.ts';

const DAY = 86_400_000;

/** The DMA leakage method, as first written (its second version adds one point). */
const DMA_LEAKAGE = `We agreed this in the community after the same question came up five times.

## The calculation

1. Take the **minimum night flow** (MNF) between 02:00 and 04:00, averaged over seven nights.
2. Subtract legitimate night use: *1.7 litres per property per hour* plus known night users.
3. What is left is leakage at night pressure; scale it to a daily figure with the night-day factor.

## What to watch

- Pressure-managed DMAs need their own night-day factor.
- A new large user at night will look like a leak: check the billing data first.

Ask in the community if your DMA does not fit.`;

/** PDF string literal text: ASCII only, with its delimiters escaped. */
const pdfText = (s: string) => s.replace(/[^\x20-\x7e]/g, '-').replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A small but real PDF, written by hand: one page per entry, its first line a heading and the
 * rest body text (Helvetica, one of the fonts every reader has).
 */
export function makeDemoPdf(pages: string[][]): Buffer {
  const objects: string[] = [];
  /** Adds an object; returns its number. */
  const add = (o: string) => objects.push(o);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled in once the pages are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const [i, [heading, ...lines]] of pages.entries()) {
    const ops = [`BT /F2 18 Tf 72 730 Td (${pdfText(heading)}) Tj ET`];
    for (const [k, line] of lines.entries()) ops.push(`BT /F1 11 Tf 72 ${696 - k * 16} Td (${pdfText(line)}) Tj ET`);
    ops.push(`BT /F1 9 Tf 72 40 Td (Page ${i + 1} of ${pages.length}) Tj ET`);
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PNG of a bar chart (RGB, drawn pixel by pixel): `values` between 0 and 1, the last bar highlighted. */
export function makeDemoChartPng(values: number[], width = 320, height = 160): Buffer {
  const rows: Buffer[] = [];
  const barWidth = Math.floor((width - 20) / values.length);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255);
    row[0] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const i = Math.floor((x - 10) / barWidth);
      const inBar = x >= 10 && i < values.length && (x - 10) % barWidth < barWidth - 4;
      const top = height - 10 - Math.round(values[i] * (height - 30));
      let rgb = [255, 255, 255];
      if (y === height - 10) rgb = [100, 116, 139];
      else if (inBar && y > top && y < height - 10) rgb = i === values.length - 1 ? [220, 38, 38] : [37, 99, 235];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

type Content = { kind: 'article'; body: string } | { kind: 'link'; url: string } | { kind: 'file'; name: string; data: () => Buffer };

interface DemoAsset {
  key: string;
  community: string;
  by: string;
  title: string;
  summary: string;
  tags: string[];
  activity: LearningActivity | null;
  content: Content;
  /** Added this many days ago; the review date follows from it (past the community's period: needs review). */
  daysAgo: number;
  topics?: string[];
  events?: string[];
  /** A later edit (a second version) by this person, with this new body. */
  revised?: { by: string; body: string; daysAgo: number };
  reuses?: { by: string; note: string; daysAgo: number }[];
}

const STEP_TEST_PDF: string[][] = [
  [
    'Step test procedure (2024 version)',
    'Network Operations - Northbridge Water',
    '',
    'A step test finds which part of a district metered area (DMA) is leaking by closing',
    'valves in steps during the night and watching the inflow drop. This procedure replaces',
    'the 2019 version. Read it with the valve sheet template on page 3.',
    '',
    'Before you start',
    '- Check the night flow trend for the last two weeks; pick a dry, calm night.',
    '- Tell the control room and customer services 48 hours ahead.',
    '- Confirm every valve on the sheet is operable (exercised in the last 12 months).',
    '- Two people on site, with radios, lamps and the valve keys for the DMA.',
  ],
  [
    'Running the test',
    '1. Log the DMA inflow at 01:00; it should be stable for 20 minutes.',
    '2. Close the first boundary step valve; wait 10 minutes; record the inflow.',
    '3. Repeat step by step, from the far end of the DMA back towards the meter.',
    '4. A drop larger than the expected night use of the step points to a leak there.',
    '5. Reopen every valve in reverse order; confirm pressure is back before you leave.',
    '',
    'Pressure transients: open and close slowly (at least 30 turns a minute is too fast).',
    'If pressure at the critical point falls below 15 m, stop and reopen the last valve.',
  ],
  [
    'Valve sheet template',
    'Step | Valve ID | Turns | Closed at | Inflow before | Inflow after | Drop (l/s)',
    '1    |          |       |           |               |              |',
    '2    |          |       |           |               |              |',
    '3    |          |       |           |               |              |',
    '4    |          |       |           |               |              |',
    '',
    'Keep the sheet with the DMA record; scan it into the repository after the test.',
  ],
  [
    'After the test',
    '- Compare the drops with the expected night use per step (properties x 1.7 l/h).',
    '- Send leak detection crews to the steps with the largest unexplained drop.',
    '- Record the result against the DMA so the next step test starts from it.',
    'Questions: ask in the Network Operations community (topic: step test procedure).',
  ],
];

const TURBIDITY_PDF: string[][] = [
  [
    'Turbidity analyser quick reference',
    'Water Quality & Treatment - Central laboratory',
    '',
    'Daily: check the reading against the 1 NTU formazin standard; clean the cuvette.',
    'Weekly: verify with the 0.1 NTU and 10 NTU standards; record the drift.',
    'Recalibrate when drift exceeds 5 percent, or after the lamp is changed.',
    'Never use a scratched cuvette; bubbles read as turbidity - degas before measuring.',
  ],
];

const ASSETS: DemoAsset[] = [
  {
    key: 'step-test',
    community: 'network-operations',
    by: 'tomasz',
    title: 'Step test procedure (2024)',
    summary: 'How we run night-time step tests to find leaks in a DMA, with the valve sheet template.',
    tags: ['leakage', 'procedure', 'dma'],
    activity: 'documentation_project',
    content: { kind: 'file', name: 'step-test-procedure-2024.pdf', data: () => makeDemoPdf(STEP_TEST_PDF) },
    daysAgo: 160,
    topics: ['Step test procedure and valve sheet template (2024 version)', 'Night flow creeping up in DMA 14 (Ashgrove) — where would you start?'],
    reuses: [
      { by: 'james', note: 'Used it for the Ashgrove step test; found the leak on step 3.', daysAgo: 120 },
      { by: 'aisha', note: 'Trained two new operators with it.', daysAgo: 45 },
      { by: 'kenji', note: '', daysAgo: 12 },
    ],
  },
  {
    key: 'dma-leakage',
    community: 'network-operations',
    by: 'julia',
    title: 'How we calculate DMA leakage',
    summary: 'Minimum night flow minus legitimate night use, step by step, with the numbers we agreed.',
    tags: ['leakage', 'dma', 'method'],
    activity: 'documentation_project',
    content: {
      kind: 'article',
      body: DMA_LEAKAGE,
    },
    daysAgo: 200,
    topics: ['Let us document how we calculate DMA leakage, once and for all'],
    revised: { by: 'emma', daysAgo: 90, body: DMA_LEAKAGE.replace('check the billing data first.', 'check the billing data first.\n- Since the 2024 meter upgrade, use the logger data, not the SCADA average.') },
    reuses: [{ by: 'tariq', note: 'Checked our regulator return against it.', daysAgo: 30 }],
  },
  {
    key: 'ashgrove-chart',
    community: 'network-operations',
    by: 'james',
    title: 'Ashgrove DMA 14 night flow, last 12 weeks',
    summary: 'Weekly minimum night flow; the red bar is the week the burst was found.',
    tags: ['leakage', 'dma'],
    activity: 'problem_solving',
    content: { kind: 'file', name: 'ashgrove-night-flow.png', data: () => makeDemoChartPng([0.3, 0.32, 0.31, 0.35, 0.38, 0.42, 0.47, 0.5, 0.56, 0.61, 0.7, 0.92]) },
    daysAgo: 60,
    topics: ['Night flow creeping up in DMA 14 (Ashgrove) — where would you start?'],
  },
  {
    key: 'leakage-guidance',
    community: 'network-operations',
    by: 'aisha',
    title: 'Industry guidance on managing leakage',
    summary: 'The sector’s reference on leakage targets and methods; the basis of our own procedure.',
    tags: ['leakage', 'reference'],
    activity: 'information_request',
    content: { kind: 'link', url: 'https://www.water.org.uk/' },
    daysAgo: 300,
  },
  {
    key: 'valve-checklist',
    community: 'network-operations',
    by: 'maria',
    title: 'Valve exercising checklist (2023)',
    summary: 'What to check when exercising a valve. Written before the new valve keys arrived.',
    tags: ['valves', 'checklist'],
    activity: 'building_argument',
    content: {
      kind: 'article',
      body: `For each valve on the round:

- [ ] Find it and clear the chamber
- [ ] Count the turns to close; compare with the record
- [ ] Note stiffness, leaks at the spindle and damage
- [ ] Reopen fully and record the turns

*Written for the 2023 programme; the new keys change the turn counts.*`,
    },
    // Older than the community's review period: it needs review, and Maria (its steward) sees it in her queue.
    daysAgo: 420,
    events: ['Winter readiness workshop'],
    reuses: [{ by: 'marco', note: 'Printed it for the winter round.', daysAgo: 80 }],
  },
  {
    key: 'criticality',
    community: 'asset-management',
    by: 'helen',
    title: 'Criticality scoring: a one-page guide',
    summary: 'Consequence times likelihood, the scales we use, and who to ask for each asset class.',
    tags: ['criticality', 'risk'],
    activity: 'mapping_knowledge',
    content: {
      kind: 'article',
      body: `**Criticality = consequence × likelihood**, each scored 1–5.

| Asset class | Who knows the scoring |
| --- | --- |
| Pumps | @samir |
| Treatment works | @claire |
| Substations | @ravi |

Score consequence first (customers affected, safety, environment), then likelihood from condition and age. Review the scores every quarter, as the Dutch utility does.`,
    },
    daysAgo: 35,
    topics: ['Who knows what: criticality scoring across water and power assets'],
    events: ['Guest talk: risk-based maintenance at a Dutch utility'],
    reuses: [{ by: 'ben', note: 'Used the pump scores in the 2026 investment case.', daysAgo: 10 }],
  },
  {
    key: 'iso55000',
    community: 'asset-management',
    by: 'claire',
    title: 'ISO 55000 overview',
    summary: 'The standard’s own summary page; the reading group follows its chapters.',
    tags: ['iso55000', 'reference'],
    activity: 'information_request',
    content: { kind: 'link', url: 'https://www.iso.org/standard/55088.html' },
    daysAgo: 190,
    events: ['ISO 55000 reading group kick-off'],
  },
  {
    key: 'turbidity',
    community: 'water-quality',
    by: 'grace',
    title: 'Turbidity analyser quick reference',
    summary: 'Daily and weekly checks for the new turbidity analysers, from the lab visit.',
    tags: ['turbidity', 'laboratory'],
    activity: 'visit',
    content: { kind: 'file', name: 'turbidity-quick-reference.pdf', data: () => makeDemoPdf(TURBIDITY_PDF) },
    daysAgo: 105,
    events: ['Lab visit: new turbidity analysers'],
    reuses: [{ by: 'mei', note: 'Pinned it next to the analyser in Lab 2.', daysAgo: 70 }],
  },
  {
    key: 'manganese',
    community: 'water-quality',
    by: 'emma',
    title: 'Manganese at Millbrook: what we learned',
    summary: 'Causes, the sampling we did and the changes to the raw water switch procedure.',
    tags: ['manganese', 'incident'],
    activity: 'problem_solving',
    content: {
      kind: 'article',
      body: `After the raw water switch at Millbrook, manganese rose above 50 µg/l for three days.

- **Cause:** the new source had higher dissolved manganese and the filters had not ripened.
- **What helped:** raising the pH before the filters and sampling every four hours.
- **Change:** switch sources only after a week of raw water sampling.`,
    },
    // Past its review date: Emma (cybrarian and its steward) has it in her queue.
    daysAgo: 400,
    topics: ['Manganese spikes at Millbrook after the raw water switch'],
  },
  {
    key: 'chartership',
    community: 'young-engineers',
    by: 'leila',
    title: 'Chartership competence evidence: worked examples',
    summary: 'How three of us structured our evidence, and the institution’s guidance.',
    tags: ['chartership', 'career'],
    activity: 'seeking_experience',
    content: { kind: 'link', url: 'https://www.ice.org.uk/' },
    daysAgo: 50,
    topics: ['Chartership: how did you structure your competence evidence?'],
    reuses: [{ by: 'noah', note: 'Followed the structure for my first review.', daysAgo: 20 }],
  },
];

/** Review periods set by curators (the others keep the 365-day default). */
const REVIEW_PERIODS: { community: string; by: string; days: number }[] = [{ community: 'asset-management', by: 'helen', days: 180 }];

/** Collections curated by the cybrarian, assets in order. */
const COLLECTIONS: { community: string; by: string; title: string; description: string; items: string[] }[] = [
  {
    community: 'network-operations',
    by: 'emma',
    title: 'Onboarding kit',
    description: 'Start here in your first month on the network: the procedures and methods we use every week.',
    items: ['dma-leakage', 'step-test', 'leakage-guidance'],
  },
];

/**
 * A believable repository for several demo communities: articles, links, real (small) PDF and PNG
 * files stored and text-extracted through the upload path, a collection, reuse notes, and assets
 * past their review date. Files need `storage`; without it the file assets are left out.
 */
export async function seedDemoRepository(db: Db, communityIds: Map<string, number>, person: (username: string) => Viewer, storage: FileStorage | null) {
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const idOf = (slug: string) => {
    const id = communityIds.get(slug);
    if (id === undefined) throw new Error(`demo repository names an unknown community: ${slug}`);
    return id;
  };
  async function topicId(communityId: number, title: string) {
    const [row] = await db
      .select({ id: topics.id })
      .from(topics)
      .innerJoin(topicCommunities, eq(topicCommunities.topicId, topics.id))
      .where(and(eq(topicCommunities.communityId, communityId), eq(topics.title, title)));
    if (!row) throw new Error(`demo repository links an unknown topic: ${title}`);
    return row.id;
  }
  async function eventId(communityId: number, title: string) {
    const [row] = await db.select({ id: events.id }).from(events).where(and(eq(events.communityId, communityId), eq(events.title, title)));
    if (!row) throw new Error(`demo repository links an unknown event: ${title}`);
    return row.id;
  }

  for (const p of REVIEW_PERIODS) await setReviewAfterDays(db, person(p.by), idOf(p.community), p.days);

  const ids = new Map<string, number>();
  // Oldest first, so ids (the repository's newest-first order) follow the dates.
  for (const a of [...ASSETS].sort((x, y) => y.daysAgo - x.daysAgo)) {
    if (a.content.kind === 'file' && !storage) continue;
    const communityId = idOf(a.community);
    const author = person(a.by);
    const fields = {
      title: a.title,
      summary: a.summary,
      tags: a.tags,
      activityType: a.activity,
      topicIds: await Promise.all((a.topics ?? []).map((t) => topicId(communityId, t))),
      eventIds: await Promise.all((a.events ?? []).map((e) => eventId(communityId, e))),
    };
    const at = ago(a.daysAgo);
    const input =
      a.content.kind === 'file'
        ? { ...fields, kind: 'file' as const, upload: await checkUpload(a.content.data(), a.content.name) }
        : ({ ...fields, ...a.content } as CreateAssetInput);
    const id = await createAsset(db, storage as FileStorage, author, communityId, input, at);
    ids.set(a.key, id);
    if (a.revised) {
      const asset = (await findAsset(db, id))!;
      await updateAsset(db, person(a.revised.by), asset, (await findVersion(db, id, 1))!, { body: a.revised.body }, ago(a.revised.daysAgo));
    }
    for (const r of a.reuses ?? []) await recordReuse(db, person(r.by), id, r.note, ago(r.daysAgo));
  }

  for (const c of COLLECTIONS) {
    const id = await createCollection(db, person(c.by), idOf(c.community), { title: c.title, description: c.description });
    await setCollectionItems(
      db,
      { id, communityId: idOf(c.community) },
      c.items.map((k) => ids.get(k)).filter((x): x is number => x !== undefined),
    );
  }
  return { assets: ids.size };
}
