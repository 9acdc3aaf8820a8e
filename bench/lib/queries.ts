// What the bench asks: shared by `npm run bench` (bench/run.ts) and `npm run bench:cpu` (bench/cpu.ts).

/** What a person types in a search box: common words, rare ones, phrases, a place name, a typo. */
export const SEARCHES = [
  'water', 'pump', 'pressure', 'leak detection', 'pump maintenance', 'scada alarm', 'chlorine', 'asset register',
  'transformer', 'commissioning checklist', 'valve', 'sludge digestion', 'smart meter', '"pressure management"',
  'cavitation', 'telemetry outstation', 'drought resilience', 'lidar vegetation', 'confined space', 'battery storage',
  'turbidity', 'backflow prevention', 'tapchanger', 'hydrant', 'cathodic protection', 'Ashby', 'Thornmoor pump',
  'water quality sampling', 'pump -diesel', 'metaldehyde', 'procurement framework', 'dashbord',
];

/** Repository searches: what people look for in guides, checklists and reports (words inside files too). */
export const ASSET_SEARCHES = [
  'pump', 'checklist', 'pressure management', 'scada alarm', 'guide', 'commissioning', 'leak detection', 'chlorine dosing',
  'transformer', '"asset register"', 'lessons learned', 'valve', 'Ashby', 'telemetry outstation', 'sludge', 'template -pump',
];

/** "Who knows about…": common and rare subjects, tag-like and worded. */
export const SUBJECTS = [
  'pumps', 'pump maintenance', 'scada', 'leakage', 'hydraulic modelling', 'chlorine', 'smart meters', 'cybersecurity',
  'drought', 'transformer protection', 'confined space', 'biogas', 'asset register', 'water quality', 'telemetry',
  'net zero', 'corrosion', 'lidar vegetation', 'pressure management', 'commissioning checklist',
];
/** Directory look-ups: names, titles, and filters by expertise, role and community. */
export const DIRECTORY = [
  'q=smith', 'q=engineer', 'q=ana', 'q=senior%20hydro', 'tag=scada', 'tag=pumps&q=lead', 'role=broker', 'role=coordinator&q=a',
  'q=maria', 'tag=drought', 'q=control%20room', 'role=subject_matter_expert', '', 'q=jo', 'tag=water-quality&role=core_group_member',
];
