// `npm run bench [-- --bundle | --analytics | --planfact | --sidebar] [-- options]`: builds the
// bundle, prints what loading dist/Code.js costs every Apps Script call (bench/bundle-load.ts),
// then runs, with the GC exposed so that memory figures start from a collected heap:
// - bench/run.ts (`--analytics`): the dashboard and custom functions at scale
//   (`--activities=5000,200000,500000`, `--no-emulator`);
// - bench/planfact.ts (`--planfact`): SALES_PLAN_FACT against SUMIFS in HyperFormula and a
//   one-pass reference (`--deals=20000`, `--runs=5`);
// - bench/sidebar.ts (`--sidebar`): bootstrap, today and addLead (`--deals=1000,50000`);
// - bench/forecast-next.ts (`--forecast`): SALES_FORECAST_NEXT at 50,000 deals (`--runs=7`).
// - bench/capacity.ts (`--capacity`): SALES_CAPACITY and the plan builder (`--runs=9`).
// - bench/money.ts (`--money`): SALES_BUDGET, SALES_CAC and SALES_DISCOUNTS (`--deals=50000`,
//   `--expenses=20000`), then bench/money-cold.ts: SALES_DISCOUNTS' first call in fresh processes
//   (`--tree=<other checkout>` alternates with another tree's, `--procs=5`).
// With none of these flags, all of them run.
import { spawnSync } from 'node:child_process';

const argv = process.argv.slice(2);
const parts = ['bundle', 'analytics', 'planfact', 'sidebar', 'forecast', 'capacity', 'money'];
const chosen = parts.filter((p) => argv.includes(`--${p}`));
const want = (p) => chosen.length === 0 || chosen.includes(p);
const rest = argv.filter((a) => !parts.includes(a.slice(2)));

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const run = (file, args = []) => {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', file, ...args],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (want('bundle'))
  run(
    'bench/bundle-load.ts',
    rest.filter((a) => a.startsWith('--compare=')),
  );
if (want('analytics')) run('bench/run.ts', rest);
if (want('planfact')) run('bench/planfact.ts', rest);
if (want('sidebar')) run('bench/sidebar.ts', rest);
if (want('forecast')) run('bench/forecast-next.ts', rest);
if (want('capacity')) run('bench/capacity.ts', rest);
if (want('money')) {
  run('bench/money.ts', rest);
  run(
    'bench/money-cold.ts',
    rest.filter((a) => /^--(tree|procs|warm)=/.test(a)),
  );
}
