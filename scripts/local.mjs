// `npm run local -- [options] FUNCTION [ARGS...]`: runs one top-level function of dist/Code.js
// against a workbook file (local/runner/main.ts, run by tsx). Rebuilds dist/ first when a source
// file is newer than dist/Code.js, so the runner never runs stale code.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

function bundleAge() {
  try {
    return statSync(path.join(root, 'dist/Code.js')).mtimeMs;
  } catch {
    return 0;
  }
}

const help = args.includes('-h') || args.includes('--help');
const sources = Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'sidebar')));
if (!help && sources > bundleAge()) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // The build prints to stderr here so that stdout stays the function's JSON result.
  const r = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(
  process.execPath,
  ['--import', import.meta.resolve('tsx'), path.join(root, 'local/runner/main.ts'), ...args],
  { cwd: process.cwd(), stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
