/**
 * What every Apps Script call pays before it does anything: compiling and running the top level
 * of dist/Code.js in a fresh global context (Apps Script evaluates the whole file on each
 * execution). Prints size and cold/warm timings; `npm run bench -- --bundle` runs only this.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

const file = path.join(__dirname, '../dist/Code.js');
const code = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(code);

function once(): { compile: number; run: number } {
  const t0 = process.hrtime.bigint();
  // A new Script each time: no V8 code cache, as on a cold Apps Script execution.
  const script = new vm.Script(code, { filename: `Code-${Math.random()}.js` });
  const t1 = process.hrtime.bigint();
  script.runInContext(vm.createContext({}));
  const t2 = process.hrtime.bigint();
  return { compile: Number(t1 - t0) / 1e6, run: Number(t2 - t1) / 1e6 };
}

const runs = Array.from({ length: 21 }, once);
const cold = runs[0];
const total = (r: { compile: number; run: number }): number => r.compile + r.run;
const warm = runs.slice(1).sort((a, b) => total(a) - total(b));
const median = warm[Math.floor(warm.length / 2)];
const min = warm[0];
console.log(
  `dist/Code.js: ${(bytes / 1024).toFixed(1)} KiB, ${(gzipSync(code).length / 1024).toFixed(1)} KiB gzip`,
);
console.log(
  `load (compile + top level), ms: cold ${cold.compile.toFixed(1)} + ${cold.run.toFixed(1)}, ` +
    `warm min ${total(min).toFixed(1)}, warm median ${median.compile.toFixed(1)} + ${median.run.toFixed(1)}` +
    ` = ${total(median).toFixed(1)} (of ${warm.length})`,
);
