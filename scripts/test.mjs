// `npm test`: type check, lint, build, then every jest project (unit, build, integration,
// browser). Ends with the plain line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
];
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.error(`${name} failed`);
  }
}

process.env.CHROME_PATH = ensureChromium();
mkdirSync('artifacts', { recursive: true });
const report = 'artifacts/jest-report.json';
const extra = process.argv.slice(2);
const jest = spawnSync('npx', ['jest', '--json', `--outputFile=${report}`, ...extra], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC' },
});
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + json.numRuntimeErrorTestSuites;
} catch {
  failed++;
  console.error('jest produced no report');
}
if (jest.status !== 0 && failed === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
