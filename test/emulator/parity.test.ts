// The parity suite on the emulator's side: every check observed in the emulator equals the value
// Google documents (so CI holds the emulator to its claims), and parity:compare reports exactly
// the checks where a Google run differs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildParity } from '../../parity/build';
import { CHECKS } from '../../parity/checks';
import { compare, parseObservations, report } from '../../parity/compare';
import { observeInEmulator } from '../../parity/emulator';
import type { Observations } from '../../parity/main';
import { tempDir } from './fixture';

const HAND_MADE = path.join(__dirname, 'fixtures/parity-observations.json');
let dir = '';
let emulator: Observations;

beforeAll(async () => {
  dir = await buildParity(tempDir('parity-'));
  emulator = observeInEmulator(dir);
});

describe('parity checks in the emulator', () => {
  it('defines each check once, with a source link, in every context', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) expect(c.source).toMatch(/^https:\/\//);
    expect(new Set(CHECKS.map((c) => c.context))).toEqual(
      new Set(['script', 'custom', 'simple', 'rpc']),
    );
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))('%s gives the documented value', (_id, check) => {
    expect(emulator.results[check.id]).toEqual(check.expected);
  });

  it('builds an Apps Script project of three files with top-level entry points', () => {
    const code = readFileSync(path.join(dir, 'Code.js'), 'utf8');
    for (const name of ['onOpen', 'runParity', 'PARITY_CUSTOM', 'parityRpc', 'parityShowClient'])
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    expect(readFileSync(path.join(dir, 'Client.html'), 'utf8')).toContain('parityRecordClient');
    expect(JSON.parse(readFileSync(path.join(dir, 'appsscript.json'), 'utf8')).runtimeVersion).toBe(
      'V8',
    );
  });
});

describe('parity:compare', () => {
  it('reports exactly the two places where the hand-made file differs', () => {
    const google = parseObservations(readFileSync(HAND_MADE, 'utf8'), HAND_MADE);
    const result = compare(google, emulator);
    expect(result.differences.map((d) => d.id)).toEqual([
      'typed-formula-at',
      'custom-write-refused',
    ]);
    expect(result.differences[1]).toMatchObject({
      google: { error: 'You do not have permission to call setValue' },
      emulator: { error: 'You do not have permission to call Range.setValue' },
    });
    // Checks added after the file was made are listed as not observed, never as differences.
    const absent = CHECKS.filter((c) => !(c.id in google.results)).map((c) => c.id);
    expect(result.notObserved).toEqual(absent);
    expect(absent).toEqual(
      expect.arrayContaining(CHECKS.filter((c) => c.context === 'rpc').map((c) => c.id)),
    );
    expect(report(result)).toContain(
      `2 of ${CHECKS.length - absent.length} compared checks differ.`,
    );
  });

  it('finds nothing when Google agrees, and refuses a file that is not ours', () => {
    expect(compare(emulator, emulator).differences).toEqual([]);
    expect(() => parseObservations('{"results":{}}', 'x.json')).toThrow(
      'x.json is not a parity observations file',
    );
  });

  it('runs from the command line and exits 1 on differences', () => {
    const r = spawnSync('npx', ['tsx', 'parity/compare.ts', HAND_MADE], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout.match(/^DIFFERS /gm)).toHaveLength(2);
    expect(r.stdout).toContain('DIFFERS typed-formula-at (undocumented claim)');
  }, 30_000);
});
