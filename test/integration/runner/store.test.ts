/**
 * The workbook files the playground and the runner share: atomic saves (a crash mid-save leaves
 * the previous pair intact and no litter), the check that a file is ours before it is loaded or
 * replaced, and the warning when a save was cut between its two renames.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  assertOursOrAbsent,
  checkSaved,
  saveAtomically,
  sidecarPath,
  WorkbookFileError,
} from '../../../local/playground/store';

let dir: string;
let xlsx: string;

/** Stands in for the emulator's save: a zip-like .xlsx and a JSON state. */
const writer =
  (label: string) =>
  async (x: string, side: string): Promise<void> => {
    writeFileSync(x, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(label)]));
    writeFileSync(side, JSON.stringify({ format: 'rop-desk-emulator', label }));
  };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-store-'));
  xlsx = path.join(dir, 'workbook.xlsx');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a save replaces both files and stamps the state with the sheets it belongs to', async () => {
  await saveAtomically(xlsx, writer('one'));
  await saveAtomically(xlsx, writer('two'));
  expect(readFileSync(xlsx, 'latin1')).toContain('two');
  const state = JSON.parse(readFileSync(sidecarPath(xlsx), 'utf8')) as Record<string, unknown>;
  expect(state.label).toBe('two');
  expect(state.playground).toMatchObject({ format: 'rop-desk-playground', formatVersion: 1 });
  expect(await checkSaved(xlsx)).toBe('');
  expect(readdirSync(dir).sort()).toEqual(['workbook.state.json', 'workbook.xlsx']);
});

test('a crash in the middle of a save leaves the previous files intact and no temp files', async () => {
  await saveAtomically(xlsx, writer('good'));
  const before = [readFileSync(xlsx), readFileSync(sidecarPath(xlsx))];
  await expect(
    saveAtomically(xlsx, async (x) => {
      writeFileSync(x, 'half a file');
      throw new Error('killed');
    }),
  ).rejects.toThrow('killed');
  expect(readFileSync(xlsx)).toEqual(before[0]);
  expect(readFileSync(sidecarPath(xlsx))).toEqual(before[1]);
  expect(readdirSync(dir).sort()).toEqual(['workbook.state.json', 'workbook.xlsx']);
});

test('an interrupted pair of renames is noticed on load, not hidden', async () => {
  await saveAtomically(xlsx, writer('old'));
  // The new sheets landed, the state did not.
  writeFileSync(xlsx, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('new')]));
  expect(await checkSaved(xlsx)).toMatch(/newer than workbook\.state\.json/);
});

test('a file we did not write is refused for loading and for saving over', async () => {
  writeFileSync(xlsx, 'an Excel file from accounting');
  await expect(checkSaved(xlsx)).rejects.toThrow(WorkbookFileError);
  await expect(saveAtomically(xlsx, writer('x'))).rejects.toThrow(
    /not written by the ROP Desk playground/,
  );
  expect(readFileSync(xlsx, 'utf8')).toBe('an Excel file from accounting');

  writeFileSync(sidecarPath(xlsx), '{"format":"something-else"}');
  await expect(assertOursOrAbsent(xlsx)).rejects.toThrow(/not written by the ROP Desk playground/);
  writeFileSync(sidecarPath(xlsx), '{broken');
  await expect(assertOursOrAbsent(xlsx)).rejects.toThrow(/damaged/);
  writeFileSync(
    sidecarPath(xlsx),
    JSON.stringify({ playground: { format: 'rop-desk-playground', formatVersion: 99 } }),
  );
  await expect(assertOursOrAbsent(xlsx)).rejects.toThrow(/newer ROP Desk playground/);
  expect(await checkSaved(path.join(dir, 'none.xlsx'))).toBeNull();
});
