/**
 * `npm run parity:compare FILE.json`: runs the parity checks in the emulator and prints every
 * check whose observation differs from the one in FILE.json (written by runParity in Google).
 * Exit status 1 when anything differs.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildParity } from './build';
import { CHECKS } from './checks';
import { observeInEmulator } from './emulator';
import type { Observations } from './main';
import { canonical, type Observation } from './observe';

export interface Difference {
  id: string;
  google: Observation;
  emulator: Observation | undefined;
  expected: Observation;
  source: string;
  unverified: boolean;
}

export function compare(
  google: Observations,
  emulator: Observations,
): { differences: Difference[]; notObserved: string[] } {
  const differences: Difference[] = [];
  const notObserved: string[] = [];
  for (const check of CHECKS) {
    const seen = google.results[check.id];
    if (seen === undefined) {
      notObserved.push(check.id);
      continue;
    }
    const ours = emulator.results[check.id];
    if (canonical(seen) !== canonical(ours))
      differences.push({
        id: check.id,
        google: seen,
        emulator: ours,
        expected: check.expected,
        source: check.source,
        unverified: Boolean(check.unverified),
      });
  }
  return { differences, notObserved };
}

export function report(result: ReturnType<typeof compare>): string {
  const lines: string[] = [];
  for (const d of result.differences) {
    lines.push(`DIFFERS ${d.id}${d.unverified ? ' (undocumented claim)' : ''}`);
    lines.push(`  Google:   ${canonical(d.google)}`);
    lines.push(`  emulator: ${canonical(d.emulator)}`);
    lines.push(`  source:   ${d.source}`);
  }
  if (result.notObserved.length)
    lines.push(`not in the file (not compared): ${result.notObserved.join(', ')}`);
  const compared = CHECKS.length - result.notObserved.length;
  lines.push(`${result.differences.length} of ${compared} compared checks differ.`);
  return lines.join('\n');
}

export function parseObservations(text: string, file: string): Observations {
  // The sheet cell may carry the apostrophe runParity wrote to keep the JSON as text.
  const parsed = JSON.parse(text.trim().replace(/^'/, '')) as Observations;
  if (parsed.format !== 'rop-desk-parity/1' || typeof parsed.results !== 'object')
    throw new Error(`${file} is not a parity observations file (format rop-desk-parity/1)`);
  return parsed;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run parity:compare FILE.json');
    process.exit(2);
  }
  const google = parseObservations(readFileSync(file, 'utf8'), file);
  const dir = mkdtempSync(path.join(tmpdir(), 'parity-'));
  try {
    await buildParity(dir);
    const result = compare(google, observeInEmulator(dir));
    console.log(report(result));
    process.exitCode = result.differences.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
