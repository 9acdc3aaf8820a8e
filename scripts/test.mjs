#!/usr/bin/env node
// `npm test`: typecheck, lint, build the web UI, then every Vitest suite (unit, API, browser
// journeys) on real PostgreSQL and Chromium. Ends with the runner's summary and a plain
// "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['biome', 'lint', 'src', 'e2e', 'bench', 'scripts']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
console.log('\n▶ tests');
const r = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
});
let failed = 0;
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const passed = j.numPassedTests ?? 0;
  failed = (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  console.log(`\n${passed} passed, ${failed} failed${j.numPendingTests ? `, ${j.numPendingTests} skipped` : ''}`);
}
// A failed test fails the run whatever exit code the runner reports.
process.exit(failed > 0 ? 1 : (r.status ?? 1));
