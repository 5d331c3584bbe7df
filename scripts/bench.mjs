// `npm run bench [-- --activities=5000,200000,500000] [-- --no-emulator] [-- --bundle]`: builds
// the bundle, prints what loading dist/Code.js costs every Apps Script call (bench/bundle-load.ts;
// `--bundle` stops there), then runs bench/run.ts with the GC exposed so that the memory figures
// start from a collected heap.
import { spawnSync } from 'node:child_process';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const load = spawnSync(process.execPath, ['--import', 'tsx', 'bench/bundle-load.ts'], {
  stdio: 'inherit',
});
if (load.status !== 0 || process.argv.includes('--bundle')) process.exit(load.status ?? 1);
const run = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '--max-old-space-size=8192',
    '--import',
    'tsx',
    'bench/run.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
process.exit(run.status ?? 1);
