// `npm run deploy`: checks .clasp.json, runs `npm test` once (type check, lint, build, every
// test), then `clasp push --force` and reads clasp's answer. clasp exits 0 even when it pushed
// nothing ("Skipping push." when it may not overwrite the manifest without asking), so the exit
// code alone would let a first deploy "succeed" with nothing deployed; this script fails instead.
// The messages matched here are clasp 3.4's own (src/commands/push.ts) and the Apps Script API's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PUSHED_FILES, claspConfigProblem } from './clasp-config.mjs';

const API_SETTINGS = 'https://script.google.com/home/usersettings';

function fail(message) {
  console.error(`\ndeploy FAILED: ${message}`);
  process.exit(1);
}

/** Reads clasp push's output; returns null when it shows a good push, else the problem. */
function pushProblem(status, stdout, stderr) {
  const out = `${stdout}\n${stderr}`;
  if (/User has not enabled the Apps Script API/.test(out)) {
    return `the Apps Script API is off for your account. Switch it on at ${API_SETTINGS}, wait a few minutes, run npm run deploy again.`;
  }
  if (/Skipping push\./.test(out)) {
    return 'clasp printed "Skipping push.": nothing was deployed.';
  }
  if (status !== 0) return `clasp push exited with ${status}.`;
  // Nothing differs from the project in Google: what is there is already this build.
  if (/Script is already up to date\./.test(out)) return null;
  if (!/Pushed (\d+ files|one file|no files) at /.test(out)) {
    return 'clasp did not say "Pushed N files.": nothing is known to be deployed.';
  }
  const pushed = [...out.matchAll(/^└─ (.+)$/gm)].map((m) => path.normalize(m[1].trim()));
  const expected = PUSHED_FILES.map((f) => path.normalize(f));
  const extra = pushed.filter((f) => !expected.includes(f));
  const missing = expected.filter((f) => !pushed.includes(f));
  if (extra.length || missing.length) {
    return (
      `clasp pushed [${pushed.join(', ')}], expected exactly [${expected.join(', ')}]` +
      (extra.length ? `; extra: ${extra.join(', ')} (check .claspignore and rootDir)` : '') +
      (missing.length ? `; missing: ${missing.join(', ')}` : '')
    );
  }
  return null;
}

function main() {
  const problem = claspConfigProblem(process.cwd());
  if (problem) fail(problem);

  const test = spawnSync('npm', ['test'], { stdio: 'inherit' });
  if (test.status !== 0) fail('npm test did not pass; nothing was pushed.');
  const absent = PUSHED_FILES.filter((f) => !existsSync(f));
  if (absent.length) fail(`the build did not produce ${absent.join(', ')}.`);

  const push = spawnSync('clasp', ['push', '--force'], { encoding: 'utf8' });
  if (push.error) fail(`could not run clasp (${push.error.message}). Run npm ci first.`);
  process.stdout.write(push.stdout ?? '');
  process.stderr.write(push.stderr ?? '');
  const pushError = pushProblem(push.status, push.stdout ?? '', push.stderr ?? '');
  if (pushError) fail(pushError);
  console.log(
    '\ndeploy: done. Reload the spreadsheet; the ROP Desk menu appears after a few seconds.',
  );
}

main();
