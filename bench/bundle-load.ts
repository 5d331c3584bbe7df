/**
 * What every Apps Script call pays before it does anything: compiling and running the top level
 * of dist/Code.js in a fresh global context (Apps Script evaluates the whole file on each
 * execution). Prints size and cold/warm timings; `npm run bench -- --bundle` runs only this.
 * `--compare=<other Code.js>` loads another build interleaved with this one (same run, same
 * machine state) and prints the ratio, for a change that grows the bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

interface Load {
  compile: number;
  run: number;
}

function once(code: string): Load {
  const t0 = process.hrtime.bigint();
  // A new Script each time: no V8 code cache, as on a cold Apps Script execution.
  const script = new vm.Script(code, { filename: `Code-${Math.random()}.js` });
  const t1 = process.hrtime.bigint();
  script.runInContext(vm.createContext({}));
  const t2 = process.hrtime.bigint();
  return { compile: Number(t1 - t0) / 1e6, run: Number(t2 - t1) / 1e6 };
}

const total = (r: Load): number => r.compile + r.run;

function report(label: string, code: string, runs: Load[]): number {
  const cold = runs[0];
  const warm = runs.slice(1).sort((a, b) => total(a) - total(b));
  const median = warm[Math.floor(warm.length / 2)];
  const min = warm[0];
  console.log(
    `${label}: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KiB, ${(gzipSync(code).length / 1024).toFixed(1)} KiB gzip`,
  );
  console.log(
    `load (compile + top level), ms: cold ${cold.compile.toFixed(1)} + ${cold.run.toFixed(1)}, ` +
      `warm min ${total(min).toFixed(1)}, warm median ${median.compile.toFixed(1)} + ${median.run.toFixed(1)}` +
      ` = ${total(median).toFixed(1)} (of ${warm.length})`,
  );
  return total(median);
}

const code = readFileSync(path.join(__dirname, '../dist/Code.js'), 'utf8');
const other = process.argv.find((a) => a.startsWith('--compare='))?.slice('--compare='.length);

if (!other) {
  report(
    'dist/Code.js',
    code,
    Array.from({ length: 21 }, () => once(code)),
  );
} else {
  const base = readFileSync(other, 'utf8');
  const a: Load[] = [];
  const b: Load[] = [];
  // Interleaved: each round loads both, so machine noise falls on both alike.
  for (let i = 0; i < 21; i++) {
    a.push(once(code));
    b.push(once(base));
  }
  const mine = report('dist/Code.js', code, a);
  const theirs = report(other, base, b);
  console.log(`warm median ratio (dist / compared): ${(mine / theirs).toFixed(2)}x`);
}
