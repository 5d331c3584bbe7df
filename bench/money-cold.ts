/**
 * `TZ=UTC npx tsx bench/money-cold.ts [--tree=<other checkout>]`: SALES_DISCOUNTS' cold run, the first call in a fresh process, as a cell's first recalculation
 * pays it. Each process generates the same 50,000 deals and 100,000 lines, then times one cold
 * and `--warm=8` warm calls. With `--tree=DIR` the processes alternate between this tree's
 * SALES_DISCOUNTS and DIR's (the data always from this tree), so a before/after comparison runs
 * interleaved on the same machine state. `--procs=N` processes per tree (default 5).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { moneyGrids } from './money-data';
import { functionContext, generate, grids, option } from './workbook';

const HERE = path.resolve(__dirname, '..');

async function child(root: string): Promise<void> {
  const { data } = generate({
    managers: 60,
    clients: 10_000,
    deals: 50_000,
    activities: 1_000,
    invoices: 100,
    months: 24,
  });
  const deals = grids(data, true).deals;
  const { lines } = moneyGrids(data, { expenses: 0, lines: 100_000 });
  const fns = (await import(path.join(root, 'src/core/analytics/functions.ts'))) as {
    salesDiscounts: (...a: unknown[]) => unknown;
  };
  const ctx = functionContext(data);
  const times: number[] = [];
  for (let i = 0; i <= Number(option('warm', '8')); i++) {
    const t0 = performance.now();
    fns.salesDiscounts(ctx, deals, lines, '2026');
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify(times));
}

function parent(): void {
  const other = option('tree', '');
  const trees = other ? [HERE, path.resolve(other)] : [HERE];
  const procs = Number(option('procs', '5'));
  const runs = new Map<string, number[][]>(trees.map((t) => [t, []]));
  for (let i = 0; i < procs; i++) {
    for (const tree of trees) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', __filename, `--child=${tree}`, `--warm=${option('warm', '8')}`],
        { encoding: 'utf8', cwd: HERE },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      runs.get(tree)!.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as number[]);
    }
  }
  const f = (x: number) => x.toFixed(0);
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${f(s[0])} | ${f(s[Math.floor(s.length / 2)])}`;
  };
  console.log(
    `\nSALES_DISCOUNTS (2026, by manager): ${procs} fresh processes per tree, alternating`,
  );
  console.log('| tree | cold min, ms | cold median, ms | warm min, ms | warm median, ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [tree, rs] of runs) {
    const name = tree === HERE ? 'this tree' : tree;
    console.log(
      `| ${name} | ${stats(rs.map((r) => r[0]))} | ${stats(rs.flatMap((r) => r.slice(1)))} |`,
    );
  }
}

const asChild = option('child', '');
if (asChild) void child(asChild);
else parent();
