/**
 * The demo organization: Northbridge Water & Energy, a regional utility that supplies drinking
 * water, treats wastewater and runs a small electricity network with solar and batteries.
 * Plain data, so the seeding code stays short and the story stays in one place.
 */
import type { CreateCommunityInput } from '../../shared/contracts/communities.ts';
import type { LearningActivity, Role, Stage } from '../../shared/model/catalogue.ts';

export const ORGANIZATION = 'Northbridge Water & Energy';
export const EMAIL_DOMAIN = 'northbridge.example';

/** [username, display name, bio] */
export const PEOPLE: [string, string, string][] = [
  ['maria', 'Maria Lopez', 'Network controller, Central region. Eleven years on the water network.'],
  ['james', 'James Okafor', 'Leakage technician; knows every PRV between Ashgrove and the river.'],
  ['aisha', 'Aisha Rahman', 'Pressure management engineer.'],
  ['tomasz', 'Tomasz Nowak', 'Distribution supervisor, North.'],
  ['priya', 'Priya Patel', 'Data scientist, Data & Analytics Centre of Excellence.'],
  ['liam', 'Liam O’Connor', 'Apprentice network technician, second year.'],
  ['sofia', 'Sofia Rossi', 'Energy manager.'],
  ['chen', 'Chen Wang', 'Water quality scientist.'],
  ['olu', 'Olu Adeyemi', 'Treatment works manager, Millbrook WTW.'],
  ['fatima', 'Fatima Hussain', 'Process scientist, treatment.'],
  ['ben', 'Ben Murphy', 'Asset strategy lead.'],
  ['rosa', 'Rosa Santos', 'Wastewater network planner.'],
  ['daniel', 'Daniel Kim', 'Environmental compliance engineer.'],
  ['hana', 'Hana Petrova', 'Data platform engineer.'],
  ['ivan', 'Ivan Fischer', 'SCADA engineer.'],
  ['grace', 'Grace Mensah', 'Laboratory manager.'],
  ['noah', 'Noah Johansson', 'Graduate civil engineer.'],
  ['leila', 'Leila Haddad', 'Graduate process engineer.'],
  ['marco', 'Marco Silva', 'Hydraulic modeller.'],
  ['anna', 'Anna Kowalski', 'Procurement category manager, networks.'],
  ['yusuf', 'Yusuf Ahmed', 'Field operations manager.'],
  ['emma', 'Emma Walsh', 'Knowledge manager; looks after the repositories.'],
  ['samir', 'Samir Costa', 'Reliability engineer.'],
  ['lucy', 'Lucy Brennan', 'Internal communications partner.'],
  ['arjun', 'Arjun Sharma', 'GIS analyst.'],
  ['claire', 'Claire Dubois', 'Capital programme manager.'],
  ['diego', 'Diego Ferreira', 'Electrical engineer, power network.'],
  ['nora', 'Nora Lindqvist', 'Head of Asset Management.'],
  ['kwame', 'Kwame Osei', 'Wastewater operations lead.'],
  ['ingrid', 'Ingrid Berg', 'Operational technology security lead.'],
  ['raj', 'Raj Nair', 'Billing systems analyst.'],
  ['elena', 'Elena Moreau', 'Catchment scientist.'],
  ['peter', 'Peter Hughes', 'Meter reader for 22 years, Eastern patch.'],
  ['zoe', 'Zoe Clarke', 'Customer insight analyst.'],
  ['omar', 'Omar Mwangi', 'Graduate data engineer.'],
  ['julia', 'Julia Keller', 'Network planning engineer.'],
  ['lars', 'Lars Jensen', 'Solar and battery project engineer.'],
  ['mei', 'Mei Nakamura', 'Water quality modeller.'],
  ['patrick', 'Patrick Quinn', 'Meter reading team leader.'],
  ['amara', 'Amara Okonkwo', 'Health and safety advisor.'],
  ['felix', 'Felix Lambert', 'Electrical maintenance technician.'],
  ['sara', 'Sara Vargas', 'Environmental scientist.'],
  ['hugo', 'Hugo Fontaine', 'Hydrologist.'],
  ['naomi', 'Naomi Reyes', 'Learning and development partner.'],
  ['tariq', 'Tariq Aziz', 'Pumping station technician.'],
  ['chloe', 'Chloe Evans', 'Regulatory reporting analyst.'],
  ['pablo', 'Pablo Duarte', 'Mechanical engineer.'],
  ['ruth', 'Ruth Stewart', 'Field services coordinator.'],
  ['kenji', 'Kenji Tanaka', 'Control systems engineer.'],
  ['alice', 'Alice Baker', 'Customer field technician.'],
  ['mateo', 'Mateo Romano', 'Civil engineer, wastewater.'],
  ['joy', 'Joy Kariuki', 'Data analyst, leakage.'],
  ['viktor', 'Viktor Ivanov', 'Network security engineer.'],
  ['isla', 'Isla Murray', 'Graduate environmental engineer.'],
  ['andre', 'Andre Dupont', 'Treatment operator, Millbrook.'],
  ['helen', 'Helen Grant', 'Asset information manager.'],
  ['ravi', 'Ravi Kumar', 'Asset data analyst.'],
  ['molly', 'Molly Fisher', 'Smart metering programme lead.'],
  ['george', 'George Mitchell', 'Director of Operations.'],
  ['kate', 'Kate Ashworth', 'IT service manager.'],
];

export interface DemoCommunity {
  input: CreateCommunityInput;
  stage: Stage;
  /** Created this many days ago. */
  age: number;
  /** The first is the coordinator (creator). */
  members: string[];
  roles: Partial<Record<string, Role[]>>;
  requested?: string[];
  invited?: string[];
}

export const COMMUNITIES: DemoCommunity[] = [
  {
    input: {
      name: 'Network Operations',
      slug: 'network-operations',
      domainStatement: 'Running the water distribution network day to day: pressure, leakage, bursts, valves and the people who keep water flowing.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Share what works on the network, solve live problems together, and keep our procedures honest.',
      visibility: 'open',
    },
    stage: 'stewardship',
    age: 720,
    members: ['maria', 'james', 'aisha', 'tomasz', 'liam', 'tariq', 'julia', 'marco', 'yusuf', 'arjun', 'samir', 'alice', 'pablo', 'kenji', 'ivan', 'george', 'emma', 'priya', 'joy', 'claire'],
    roles: { james: ['subject_matter_expert'], aisha: ['core_group_member'], tomasz: ['core_group_member'], emma: ['cybrarian'], george: ['sponsor'], liam: ['questioner'] },
  },
  {
    input: {
      name: 'Asset Management Practitioners',
      slug: 'asset-management',
      domainStatement: 'The discipline of asset management across water and power: criticality, condition, risk, lifecycle cost and investment planning.',
      domainType: 'professional',
      structureKind: 'community_of_practice',
      purpose: 'Advance our practice towards ISO 55000 and help each other build better investment cases.',
      visibility: 'open',
    },
    stage: 'maturing',
    age: 540,
    members: ['ben', 'nora', 'helen', 'ravi', 'claire', 'samir', 'pablo', 'diego', 'arjun', 'julia', 'maria', 'anna', 'mateo', 'felix', 'george'],
    roles: { nora: ['sponsor'], helen: ['cybrarian'], claire: ['core_group_member'], samir: ['subject_matter_expert'], anna: ['broker'] },
  },
  {
    input: {
      name: 'Water Quality & Treatment',
      slug: 'water-quality',
      domainStatement: 'From catchment to tap: treatment processes, sampling, laboratory methods and water quality incidents.',
      domainType: 'technical',
      structureKind: 'community_of_practice',
      purpose: 'Keep drinking water safe by pooling what our scientists, operators and modellers know.',
      visibility: 'by_request',
    },
    stage: 'stewardship',
    age: 680,
    members: ['olu', 'chen', 'fatima', 'grace', 'mei', 'andre', 'elena', 'leila', 'sara', 'emma', 'kwame'],
    roles: { chen: ['subject_matter_expert'], fatima: ['core_group_member'], grace: ['core_group_member'], emma: ['cybrarian'], elena: ['outpost'] },
    requested: ['isla', 'noah'],
  },
  {
    input: {
      name: 'Young Engineers Network',
      slug: 'young-engineers',
      domainStatement: 'Graduates and apprentices across Northbridge finding their feet: chartership, site visits, mentoring and the questions you are afraid to ask.',
      domainType: 'professional',
      structureKind: 'network',
      purpose: 'Nobody should have to learn the ropes alone.',
      visibility: 'open',
    },
    stage: 'coalescing',
    age: 200,
    members: ['noah', 'leila', 'omar', 'isla', 'liam', 'marco', 'naomi', 'julia', 'mateo', 'joy', 'aisha'],
    roles: { leila: ['core_group_member', 'convener'], naomi: ['sponsor'], marco: ['broker'], liam: ['weaver'], aisha: ['subject_matter_expert'] },
  },
  {
    input: {
      name: 'Storm Overflow Task Force',
      slug: 'storm-overflows',
      domainStatement: 'Cutting spills from our 212 storm overflows: monitoring, investigations, quick wins and the long-term investment plan.',
      domainType: 'issue_driven',
      structureKind: 'task_force',
      purpose: 'Halve spill counts by 2027 and be able to explain every spill we still have.',
      visibility: 'invite_only',
    },
    stage: 'maturing',
    age: 300,
    members: ['daniel', 'rosa', 'kwame', 'elena', 'sara', 'chloe', 'mateo', 'hugo', 'lucy', 'priya'],
    roles: { rosa: ['core_group_member'], kwame: ['subject_matter_expert'], elena: ['broker'], lucy: ['journalist'], chloe: ['assistant'] },
    invited: ['marco'],
  },
  {
    input: {
      name: 'Data & Analytics Centre of Excellence',
      slug: 'data-analytics',
      domainStatement: 'Analytics as a service to the rest of Northbridge: data platform, models, dashboards and the skills to use them well.',
      domainType: 'technical',
      structureKind: 'center_of_excellence',
      purpose: 'Turn the data we already collect into decisions people trust.',
      visibility: 'by_request',
    },
    stage: 'maturing',
    age: 420,
    members: ['priya', 'hana', 'joy', 'omar', 'marco', 'arjun', 'zoe', 'ravi', 'chloe', 'ivan', 'mei'],
    roles: { hana: ['technology_steward'], joy: ['help_desk_attendant'], zoe: ['journalist'], arjun: ['core_group_member'] },
    requested: ['tomasz'],
  },
  {
    input: {
      name: 'Net Zero 2030',
      slug: 'net-zero',
      domainStatement: 'Getting our operational emissions to net zero by 2030: pumping energy, process emissions, solar, batteries and fleet.',
      domainType: 'issue_driven',
      structureKind: 'community_of_practice',
      purpose: 'Find out who already works on this, what we know, and where to start.',
      visibility: 'open',
    },
    stage: 'potential',
    age: 60,
    members: ['sofia', 'lars', 'diego', 'felix', 'george', 'claire', 'kwame', 'pablo', 'elena', 'lucy', 'isla', 'peter', 'maria'],
    roles: { lars: ['core_group_member'], george: ['sponsor'], isla: ['questioner'] },
  },
  {
    input: {
      name: 'Meter Reading & Field Services',
      slug: 'meter-reading',
      domainStatement: 'Reading meters, visiting customers and knowing the patch street by street.',
      domainType: 'professional',
      structureKind: 'community_of_practice',
      purpose: 'As smart meters arrive, make sure what this team knows about our customers and streets is not lost.',
      visibility: 'open',
    },
    stage: 'transformation',
    age: 900,
    members: ['patrick', 'peter', 'ruth', 'alice', 'molly', 'zoe', 'raj', 'yusuf', 'amara'],
    roles: { peter: ['subject_matter_expert'], ruth: ['core_group_member'], molly: ['broker'], amara: ['outpost'] },
  },
  {
    input: {
      name: 'OT Security Response Team',
      slug: 'ot-security',
      domainStatement: 'Security of operational technology: SCADA, PLCs, telemetry and the networks that connect them.',
      domainType: 'technical',
      structureKind: 'team',
      purpose: 'Review incidents and near misses in confidence and harden our control systems.',
      visibility: 'secret',
    },
    stage: 'coalescing',
    age: 150,
    members: ['ingrid', 'viktor', 'kenji', 'ivan', 'kate', 'raj'],
    roles: { viktor: ['core_group_member'], kenji: ['subject_matter_expert'] },
  },
];

export interface DemoReply {
  by: string;
  body: string;
  /** Hours after the previous post. */
  after: number;
  accepted?: boolean;
  helpful?: string[];
}

export interface DemoTopic {
  /** Community slugs; more than one is a cross-post. */
  in: string[];
  by: string;
  title: string;
  activity: LearningActivity;
  question?: boolean;
  tags: string[];
  daysAgo: number;
  body: string;
  helpful?: string[];
  replies: DemoReply[];
  /** Cross-posted later to this community (by the author). */
  crossPostTo?: string;
}

export const TOPICS: DemoTopic[] = [
  // ── Network Operations ──
  {
    in: ['network-operations'],
    by: 'maria',
    title: 'Night flow creeping up in DMA 14 (Ashgrove) — where would you start?',
    activity: 'problem_solving',
    question: true,
    tags: ['leakage', 'pressure-management'],
    daysAgo: 38,
    body: `Minimum night flow in DMA 14 has gone from **2.1 l/s to 3.4 l/s** over six weeks. No burst reports, no new connections, and the customer contact log is quiet.

What I have checked so far:

- inlet meter verified against a clamp-on last Tuesday
- no open boundary valves on the GIS
- no change in the big users

I am planning a step test next week, but before I book a crew for two nights: is there anything obvious I should look at first?`,
    replies: [
      {
        by: 'james',
        after: 3,
        accepted: true,
        helpful: ['maria', 'tomasz', 'liam', 'joy'],
        body: `Check the PRV on Ashgrove Road before anything else. We had the same pattern in 2021: the pilot valve was sticking, and night pressure drifted up by about 8 m. Background leakage follows pressure, so the whole DMA "leaks more" without any single burst.

If the pressure logger on the critical point shows nights above ~45 m, that is your answer.`,
      },
      {
        by: 'tomasz',
        after: 5,
        helpful: ['maria'],
        body: 'Also worth ruling out a boundary valve left open after the mains replacement on Church Street in September. The contractor closed out the job but I never saw the valve operation sheet come back.',
      },
      {
        by: 'maria',
        after: 30,
        helpful: ['james', 'aisha'],
        body: `Thanks both. It was the PRV: pilot sticking, night pressure at 51 m at the critical point. @james and the crew replaced the pilot this morning and we are back to 42 m. Night flow last night: **2.3 l/s**.

I will add this to the troubleshooting page so the next person starts with the PRV.`,
      },
    ],
  },
  {
    in: ['network-operations'],
    by: 'james',
    title: 'Step test procedure and valve sheet template (2024 version)',
    activity: 'reusing_assets',
    tags: ['leakage', 'standards'],
    daysAgo: 120,
    helpful: ['maria', 'liam', 'aisha', 'tariq', 'joy'],
    body: `Here is the step test procedure we use in the Central region, updated after last winter. You can adapt it for your area.

1. Agree the valve sequence with the network controller the day before.
2. Print the valve sheet (template in the repository: *Leakage > Templates > Step test sheet v4*).
3. Close the furthest step first; wait **15 minutes** for the flow to settle; record the inlet flow.
4. Reopen everything in reverse order and confirm pressures at the critical point.

The main change from the 2019 version: we now record the time of every valve operation on the tablet, not on paper.`,
    replies: [
      {
        by: 'liam',
        after: 20,
        body: 'Used this on my first step test last week with Tariq. The reverse-order reopening step saved us from a pressure surge on Hill Street. Thank you.',
        helpful: ['james'],
      },
      {
        by: 'emma',
        after: 8,
        body: 'I have added it to the repository and linked it from the Leakage index page, so it shows up when people search for "step test".',
      },
    ],
  },
  {
    in: ['network-operations'],
    by: 'tomasz',
    title: 'Has anyone used satellite leak detection on rural mains?',
    activity: 'seeking_experience',
    question: true,
    tags: ['leakage', 'field-work'],
    daysAgo: 6,
    body: 'A vendor is offering a satellite survey of our rural trunk mains in the North (about 180 km). They claim one in three "points of interest" is a real leak. Has anyone here, or a contact at another utility, used one of these services? I would like to hear what the hit rate was in practice before we spend the money.',
    replies: [],
  },
  {
    in: ['network-operations'],
    by: 'aisha',
    title: 'First results from the new pressure transient loggers at Kestrel Lane',
    activity: 'discussing_developments',
    tags: ['pressure-management', 'telemetry'],
    daysAgo: 17,
    body: `We installed two high-frequency pressure loggers (100 samples/s) downstream of Kestrel Lane pumping station in March. In the first month they caught **14 transients above 20 m**, almost all when pump 2 trips.

That lines up with the burst cluster on Kestrel Lane and Mill Road. Next step: check the non-return valve on pump 2 and the soft-start settings. Interested to hear if anyone has tuned soft starters for this before.`,
    helpful: ['maria', 'marco', 'samir'],
    replies: [
      {
        by: 'tariq',
        after: 6,
        body: 'Pump 2 has the old swing-type non-return valve. It slams when the pump trips, you can hear it from the car park. Pump 1 was changed to a nozzle check valve in 2020 and has been quiet since.',
        helpful: ['aisha', 'samir'],
      },
      {
        by: 'samir',
        after: 4,
        body: 'Agree with @tariq. I can share the business case we used for the pump 1 valve; it was cheap compared with two bursts a year on a 300 mm main.',
      },
      {
        by: 'marco',
        after: 26,
        body: 'If you send me the logger files I can replay the trips in the transient model and check whether a longer ramp-down on the soft starter is enough on its own.',
      },
    ],
  },
  {
    in: ['network-operations', 'data-analytics'],
    by: 'priya',
    title: 'Let us document how we calculate DMA leakage, once and for all',
    activity: 'documentation_project',
    tags: ['leakage', 'data-quality', 'knowledge-management'],
    daysAgo: 52,
    body: `We have now been asked five times this year why the leakage figure in the regulatory return differs from the one on the operations dashboard. The answer is always the same (different night-use allowances and a different treatment of missing data), but it lives in three people's heads.

Proposal: one page, owned jointly by Network Operations and the Data & Analytics team, that explains:

- which meters and which hours we use
- the customer night-use allowance and where it comes from
- how gaps and faulty meters are handled

Who wants to help write it? I will set up the page and a 45-minute session.`,
    helpful: ['maria', 'joy', 'chloe'],
    replies: [
      { by: 'joy', after: 2, body: 'Count me in. I maintain the dashboard calculation so I can write the "missing data" section.' },
      { by: 'maria', after: 5, body: 'Yes please. I can cover how the controllers use the figure day to day, and which DMAs have known meter problems.' },
      { by: 'chloe', after: 22, body: 'I will add the regulatory definitions and the reporting deadlines, so people see why the annual number is different.' },
    ],
  },
  // ── Asset Management ──
  {
    in: ['asset-management'],
    by: 'ben',
    title: 'How do other utilities justify proactive valve exercising?',
    activity: 'building_argument',
    question: true,
    tags: ['asset-management', 'valves', 'maintenance'],
    daysAgo: 74,
    body: 'Finance has asked me to justify the proposed valve exercising programme (about 9,000 valves over five years). Our own evidence is thin. How have other companies made this case? Any numbers on inoperable valves found, or on the cost of a burst made worse because a valve would not shut, would help me a lot.',
    replies: [
      {
        by: 'samir',
        after: 7,
        accepted: true,
        helpful: ['ben', 'claire', 'nora'],
        body: `In our 2022 pilot on 600 valves in the Central region, **18% were inoperable** and another 11% needed more than 50 turns of force to move. We costed the consequence with two real bursts where the nearest valve failed: in both cases the shutdown area doubled, and so did the number of customers without water.

I put the analysis in the repository under *Asset data > Valves > Pilot 2022*. Happy to walk you through it.`,
      },
      {
        by: 'anna',
        after: 30,
        body: 'From the procurement side: two other utilities I spoke to at the supplier day bundle exercising into the leakage contract, which halves the mobilisation cost. Worth mentioning as an option in the case.',
        helpful: ['ben'],
      },
      { by: 'ben', after: 48, body: 'This is exactly what I needed. The business case went to the investment panel on Thursday and was approved with the pilot numbers as the baseline. Thank you @samir and @anna.' },
    ],
  },
  {
    in: ['asset-management'],
    by: 'helen',
    title: 'Who knows what: criticality scoring across water and power assets',
    activity: 'mapping_knowledge',
    tags: ['asset-management', 'knowledge-management'],
    daysAgo: 29,
    body: `Water and power score criticality differently, and each region has its own tweaks. Before the 2025 plan I would like a map of:

- who maintains each criticality model
- which assets it covers
- where the data comes from

Please reply with the models you own or use, even spreadsheets. Especially spreadsheets.`,
    replies: [
      { by: 'diego', after: 4, body: 'Power network: I maintain the substation criticality model (a spreadsheet, yes). It covers 41 primary substations and uses customer numbers plus the hospital and care home flags.' },
      { by: 'julia', after: 9, body: 'Trunk mains criticality for the water network lives in the hydraulic model project; Marco and I run it once a year.' },
      { by: 'ravi', after: 20, body: 'The asset register has a criticality field, but it is only filled in for 60% of pumping stations. I can produce a list of the gaps.', helpful: ['helen'] },
    ],
  },
  {
    in: ['asset-management'],
    by: 'ravi',
    title: 'Where is the latest asset register extract for the Eastern region?',
    activity: 'information_request',
    question: true,
    tags: ['asset-management', 'data-quality'],
    daysAgo: 11,
    body: 'I need the latest extract of the asset register for the Eastern region (pumping stations and service reservoirs) for a condition survey. The one on the shared drive is from 2022. Where do I find the current one?',
    replies: [
      {
        by: 'helen',
        after: 1,
        accepted: true,
        helpful: ['ravi'],
        body: 'It is in the repository under *Asset data > Registers > 2024-Q3*. I have pinned it on the community page too. The shared-drive copy should not be used any more; I will ask IT to archive it.',
      },
    ],
  },
  {
    in: ['asset-management', 'network-operations'],
    by: 'claire',
    title: 'Joint purchase of ultrasonic flow meters for the 2025 programme',
    activity: 'coordination',
    tags: ['procurement', 'metering'],
    daysAgo: 64,
    body: 'Capital delivery needs about 40 ultrasonic flow meters next year, and I understand Network Operations is replacing DMA meters too. If we combine the orders, Anna thinks we can get framework pricing. Could the teams that need meters reply with rough quantities and sizes by the end of the month?',
    replies: [
      { by: 'maria', after: 6, body: 'Network Operations: 25 meters, mostly DN150 and DN200, for the DMA inlet replacement programme.' },
      { by: 'anna', after: 12, body: 'With 65 meters we cross the volume break on the framework. I will start the mini-competition once Maria confirms sizes.', helpful: ['claire', 'maria'] },
    ],
  },
  // ── Water Quality ──
  {
    in: ['water-quality'],
    by: 'fatima',
    title: 'Manganese spikes at Millbrook after the raw water switch',
    activity: 'problem_solving',
    question: true,
    tags: ['water-quality', 'treatment'],
    daysAgo: 45,
    body: `Since we switched Millbrook to the Hollins reservoir draw-off in October, final water manganese has spiked three times above **0.03 mg/l** (PCV is 0.05). Each spike follows a drop in reservoir level.

Raw manganese at the lower draw-off is much higher than at the upper one. Is anyone running pre-oxidation with permanganate at a similar works? I would like to know how you control the dose when raw manganese changes quickly.`,
    replies: [
      {
        by: 'chen',
        after: 5,
        accepted: true,
        helpful: ['fatima', 'olu', 'mei'],
        body: `Eastfield had the same problem in 2019. What worked:

1. switch back to the upper draw-off whenever the reservoir is stratified (the thermocline sits around 8 m in autumn)
2. dose permanganate on raw manganese measured **online**, not on the weekly sample
3. keep a small excess: pink water complaints start above roughly 0.1 mg/l residual, so tune against a colour sensor

The online analyser was the real change. Happy to share the control philosophy document.`,
      },
      { by: 'olu', after: 20, body: 'We will trial the draw-off change this week and I will put the analyser into the next budget round. Thanks Chen.' },
    ],
  },
  {
    in: ['water-quality'],
    by: 'mei',
    title: 'Sanity check on my chlorine decay model before I present it',
    activity: 'growing_confidence',
    question: true,
    tags: ['water-quality', 'hydraulic-modelling', 'chlorination'],
    daysAgo: 23,
    body: 'Before I take the chlorine decay model for the North zone to the water quality board, could someone run an eye over the assumptions? Bulk decay coefficient from bottle tests at 12 °C, wall decay calibrated on 14 sample points, and residuals at the zone extremities come out at 0.15–0.2 mg/l. Does a wall coefficient of -0.3 m/day sound plausible for old cast iron?',
    replies: [
      {
        by: 'chen',
        after: 8,
        accepted: true,
        helpful: ['mei'],
        body: 'The bulk coefficient is fine, but -0.3 m/day is on the low side for unlined cast iron; we saw -0.5 to -0.8 in the Eastern zone. I would present the result as a range and show which mains drive it. The board will trust a range more than a single number.',
      },
      { by: 'grace', after: 12, body: 'If it helps, the lab can run extra bottle tests at 18 °C so you also have a summer case.' },
    ],
  },
  {
    in: ['water-quality'],
    by: 'grace',
    title: 'Notes from our visit to the new UV stage at Eastfield',
    activity: 'visit',
    tags: ['treatment', 'lessons-learned'],
    daysAgo: 80,
    body: `Six of us visited Eastfield last week to see the UV disinfection stage commissioned in the summer. Things worth knowing if you are planning one:

- lamp sleeve cleaning is automatic, but the wipers need checking monthly
- the UV transmittance analyser drifted twice in the first month; they now verify it against the lab weekly
- validation reports sit in the repository under *Treatment > UV > Eastfield*

Thanks to Andre and the Eastfield operators for an excellent morning.`,
    helpful: ['olu', 'leila', 'andre'],
    replies: [{ by: 'andre', after: 10, body: 'Thanks for coming. Anyone who wants to see the lamp change procedure, it is on the first Tuesday of each month.' }],
  },
  // ── Young Engineers ──
  {
    in: ['young-engineers'],
    by: 'noah',
    title: 'Chartership: how did you structure your competence evidence?',
    activity: 'seeking_experience',
    question: true,
    tags: ['career-development', 'mentoring'],
    daysAgo: 33,
    body: 'I am starting my chartership application with the ICE. For those who have done it recently: did you organise your evidence by project or by attribute? My projects are small and overlap a lot, so neither feels natural.',
    replies: [
      {
        by: 'aisha',
        after: 14,
        accepted: true,
        helpful: ['noah', 'leila', 'isla'],
        body: 'By attribute, with two or three projects threaded through all of them. The reviewers want to see you *reflect*, so a short "what I would do differently" paragraph per attribute is worth more than another project. I am happy to read your draft.',
      },
      { by: 'julia', after: 20, body: 'Same as Aisha. Also: keep a weekly log from now on. Writing it all up from memory at the end took me three months.' },
    ],
  },
  {
    in: ['young-engineers'],
    by: 'leila',
    title: 'Site visit: Hollins Dam spillway inspection — sign up here',
    activity: 'coordination',
    tags: ['events', 'field-work'],
    daysAgo: 9,
    body: 'The dam safety team has offered us a place on the annual spillway inspection at Hollins Dam, 9:00–13:00. We have **8 places**; PPE and a site induction are required. Reply here to take a place, first come first served.',
    replies: [
      { by: 'isla', after: 1, body: 'Yes please, one place for me.' },
      { by: 'omar', after: 2, body: 'I would like to come too. Is the induction online?' },
      { by: 'leila', after: 1, body: '@omar yes, the online induction link is in the events calendar; it takes about 40 minutes.' },
      { by: 'mateo', after: 5, body: 'Please count me in as well.' },
    ],
  },
  {
    in: ['young-engineers'],
    by: 'omar',
    title: 'Good introductions to hydraulic modelling?',
    activity: 'information_request',
    question: true,
    tags: ['hydraulic-modelling', 'training'],
    daysAgo: 2,
    body: 'I will be helping with the North zone model next quarter and have never used a network model. Is there an internal course or a good book people would recommend for a complete beginner?',
    replies: [],
  },
  // ── Storm Overflows ──
  {
    in: ['storm-overflows'],
    by: 'daniel',
    title: 'Event duration monitor at Mill Lane CSO reports spills on dry days',
    activity: 'problem_solving',
    question: true,
    tags: ['storm-overflows', 'telemetry', 'data-quality'],
    daysAgo: 27,
    body: 'The EDM at Mill Lane CSO logged eleven "spills" in August, six of them on days with no rain at all. Before we report them, I would like to know: faulty sensor, or a real dry-day spill from a blockage downstream?',
    replies: [
      {
        by: 'kwame',
        after: 3,
        accepted: true,
        helpful: ['daniel', 'rosa'],
        body: 'We jetted the sewer downstream of Mill Lane on 2 September and removed a large fat blockage. No dry-day spills since. So the early ones were probably real, and caused by the blockage. Report them as real and note the cause.',
      },
      { by: 'rosa', after: 6, body: 'Agreed. I will add Mill Lane to the list of sites for the fat and wipes campaign in the autumn.' },
      { by: 'lucy', after: 30, body: 'This is a good story for the next newsletter: monitoring found a problem and the crew fixed it within days. OK to write it up, @daniel?' },
    ],
  },
  {
    in: ['storm-overflows'],
    by: 'rosa',
    title: 'Spill investigation playbook — draft v0.3 for comment',
    activity: 'documentation_project',
    tags: ['storm-overflows', 'standards'],
    daysAgo: 15,
    body: 'Attached in the repository is draft 0.3 of the spill investigation playbook: what to check, in which order, and who to call, from the first alarm to the regulatory report. Please comment by Friday, especially on the section about sensor faults.',
    helpful: ['daniel', 'chloe'],
    replies: [
      { by: 'chloe', after: 18, body: 'Section 5 should say that the spill must be reported even while the investigation is ongoing. Otherwise looks good.' },
      { by: 'hugo', after: 22, body: 'Could we add a step to pull the rainfall radar for the catchment? It settles most "was it raining?" arguments in five minutes.' },
    ],
  },
  {
    in: ['storm-overflows', 'net-zero'],
    by: 'elena',
    title: 'Storage tanks or nature-based solutions at Riverside? Building the case',
    activity: 'building_argument',
    tags: ['storm-overflows', 'biodiversity', 'carbon'],
    daysAgo: 40,
    body: `For the Riverside overflow we are comparing a 2,000 m³ storage tank with a package of swales, rain gardens and a wetland upstream. The tank is easier to cost; the nature-based option is cheaper in carbon and has other benefits.

I would like evidence from other schemes on how well nature-based options perform in the first five years, so that the carbon and biodiversity benefits can be weighed fairly.`,
    replies: [
      { by: 'sara', after: 12, body: 'The wetland at Brook Farm has five years of monitoring data. Spill reduction was lower than modelled in year one and better than modelled from year three, once the planting established.', helpful: ['elena'] },
      { by: 'sofia', after: 20, body: 'For the carbon side: the tank embodied carbon estimate is around 900 tCO2e. I can help with the calculation for the nature-based option.' },
    ],
  },
  // ── Data & Analytics ──
  {
    in: ['data-analytics'],
    by: 'priya',
    title: 'Notebook: predicting bursts from pressure and temperature',
    crossPostTo: 'network-operations',
    activity: 'reusing_assets',
    tags: ['machine-learning', 'python', 'leakage'],
    daysAgo: 58,
    body: `Sharing the notebook from our burst prediction pilot. It joins daily pressure statistics with soil temperature and predicts the chance of a burst per DMA for the next 7 days.

\`\`\`python
features = ["pressure_range", "min_soil_temp", "pipe_age", "material_ci"]
model = GradientBoostingClassifier(max_depth=3).fit(X[features], y)
\`\`\`

It is a pilot: recall around 0.6 on last winter. The notebook and the data dictionary are in the analytics repository.`,
    helpful: ['joy', 'marco', 'hana', 'omar'],
    replies: [
      { by: 'marco', after: 24, body: 'Nice. Have you tried adding the transient counts from the high-frequency loggers? At Kestrel Lane they explained most of the bursts.' },
      { by: 'priya', after: 6, body: 'Not yet, only two sites have the loggers. Good idea for the next iteration once we have more coverage.' },
    ],
  },
  {
    in: ['data-analytics'],
    by: 'omar',
    title: 'How do I get read access to the SCADA historian?',
    activity: 'information_request',
    question: true,
    tags: ['scada', 'data-quality'],
    daysAgo: 13,
    body: 'For the reservoir level analysis I need read access to the SCADA historian. Who approves that, and is there a read replica so I do not touch the operational system?',
    replies: [
      {
        by: 'hana',
        after: 2,
        accepted: true,
        helpful: ['omar'],
        body: 'There is a replica on the data platform, refreshed every 15 minutes: request the *historian-read* role through the IT portal and mention me as the data owner. Please never connect to the operational historian directly.',
      },
    ],
  },
  {
    in: ['data-analytics'],
    by: 'hana',
    title: 'Is the new data catalogue actually helping anyone?',
    activity: 'discussing_developments',
    tags: ['data-quality', 'knowledge-management'],
    daysAgo: 19,
    body: 'We launched the data catalogue three months ago. Usage numbers look fine, but I would like honest feedback: has it saved you time? What is missing?',
    replies: [
      { by: 'zoe', after: 3, body: 'It helped me find the customer contact tables in minutes instead of days. What is missing: who to ask when a column looks wrong.', helpful: ['hana'] },
      { by: 'arjun', after: 9, body: 'The GIS layers are not in it yet, so I still get the same questions by email every week.' },
      { by: 'ravi', after: 26, body: 'Data owners per dataset, please. Half my questions are really "who can tell me what this field means".' },
    ],
  },
  // ── Net Zero ──
  {
    in: ['net-zero'],
    by: 'sofia',
    title: 'What do we already know about our pumping energy use?',
    activity: 'mapping_knowledge',
    tags: ['energy-efficiency', 'pumps', 'net-zero'],
    daysAgo: 12,
    body: `Pumping is about 60% of our electricity bill. Before we start any projects, I would like to gather what is already known:

- pump efficiency tests done in the last five years
- sites with variable speed drives
- anyone who has looked at moving pumping to off-peak hours

Please reply with what you know or who to ask.`,
    helpful: ['lars', 'george'],
    replies: [
      { by: 'pablo', after: 5, body: 'Mechanical did efficiency tests on 35 pumps in 2022 and 2023. Eight were below 60% wire-to-water. The report is in the asset repository.', helpful: ['sofia', 'lars'] },
      { by: 'felix', after: 12, body: 'All the large boosters in the North have VSDs since 2019, but several run at fixed speed because nobody re-tuned them after commissioning.' },
    ],
  },
  {
    in: ['net-zero'],
    by: 'lars',
    title: 'Has anyone put a battery behind a pumping station meter?',
    activity: 'seeking_experience',
    question: true,
    tags: ['batteries', 'energy-efficiency'],
    daysAgo: 4,
    body: 'We are looking at a 500 kWh battery at Kestrel Lane to shift pumping load out of the peak tariff band. Has anyone here done this, at Northbridge or elsewhere? I am especially interested in how the battery was controlled together with the pump schedule.',
    replies: [],
  },
  // ── Meter Reading ──
  {
    in: ['meter-reading'],
    by: 'patrick',
    title: 'Smart meter rollout: what happens to this community after 2025?',
    activity: 'discussing_developments',
    tags: ['smart-meters', 'knowledge-management'],
    daysAgo: 21,
    body: 'By the end of 2025 most of our meters will be read remotely, and the reading rounds will stop. Many of us will move into customer field roles. What should happen to this community? Merge into field services, close it, or keep it going in a new form?',
    replies: [
      { by: 'peter', after: 4, body: 'Whatever we do, we need to write down what we know about access: dogs, codes, meters behind locked gates. That knowledge is not in any system.', helpful: ['patrick', 'ruth', 'alice'] },
      { by: 'molly', after: 9, body: 'The smart metering programme would gladly sponsor a merged "field services" community. Your knowledge of the streets is exactly what the installers are missing.' },
      { by: 'ruth', after: 15, body: 'I vote for a merge, but keeping our own space for the handover year.' },
    ],
  },
  {
    in: ['meter-reading'],
    by: 'ruth',
    title: 'Access notes for difficult meters — before the knowledge walks out the door',
    activity: 'documentation_project',
    tags: ['knowledge-management', 'field-work'],
    daysAgo: 8,
    body: 'Following Peter\'s point: let us collect access notes for difficult meters before the rounds end. One line per meter: address, what makes it difficult, what works. I have started a shared list with the Eastern patch; please add yours.',
    helpful: ['peter', 'patrick'],
    replies: [
      { by: 'alice', after: 3, body: 'Added 40 from the town centre. Most are meters in cellars where you need the shop owner before 9 am.' },
      { by: 'peter', after: 7, body: 'Added 120 from the Eastern patch. Some of these took me ten years to work out.' },
    ],
  },
  // ── OT Security (secret) ──
  {
    in: ['ot-security'],
    by: 'viktor',
    title: 'Unexpected remote sessions on the Kestrel Lane HMI',
    activity: 'problem_solving',
    question: true,
    tags: ['cybersecurity', 'scada', 'incident-review'],
    daysAgo: 16,
    body: 'The firewall logs show three remote desktop sessions to the Kestrel Lane HMI from a contractor laptop outside the agreed maintenance window. No changes were made to the PLC program. Before I escalate: does anyone know of approved work there last week?',
    replies: [
      {
        by: 'kenji',
        after: 2,
        accepted: true,
        helpful: ['viktor', 'ingrid'],
        body: 'That was the pump controller vendor diagnosing the pump 2 trips for Network Operations. The work was approved, but the change request was raised with the wrong dates. Not malicious, but it shows the remote access approval does not check the window. I will raise a change to enforce it on the jump host.',
      },
      { by: 'ingrid', after: 6, body: 'Thanks Kenji. Let us review the jump host rules at Thursday\'s meeting and add this to the near-miss log.' },
    ],
  },
  {
    in: ['ot-security'],
    by: 'ingrid',
    title: 'Tabletop exercise plan: ransomware on the billing system',
    activity: 'documentation_project',
    tags: ['cybersecurity', 'resilience'],
    daysAgo: 35,
    body: 'Draft plan for the tabletop exercise: ransomware encrypts the billing system on a Monday morning and the attacker claims to have access to telemetry too. Roles, injects and timings are in the repository. Please review before the exercise.',
    replies: [{ by: 'raj', after: 20, body: 'From the billing side: add an inject about customer payments failing. That is when the phones start ringing.' }],
  },
];
