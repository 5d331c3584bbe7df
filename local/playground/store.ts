/**
 * The workbook on disk: `NAME.xlsx` (the sheets; opens in Excel, LibreOffice and Google Sheets)
 * and `NAME.state.json` beside it (what a spreadsheet file cannot hold: properties, triggers,
 * outbox, clock, the signed-in user), written by the emulator.
 *
 * Saves are atomic: both files are first written into a private temp folder in the same
 * directory, flushed to disk, then renamed over the old ones (rename is atomic on one file
 * system). A crash mid-save leaves the previous files intact. The sidecar is renamed last and
 * records the SHA-256 of the .xlsx it belongs to, so a crash between the two renames is noticed
 * on the next load (the sheets are then newer than the state, which is said, not hidden).
 *
 * A file we did not write (no sidecar, or a sidecar of something else) or cannot read is refused
 * with a message, and never overwritten.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const FORMAT = 'rop-desk-playground';
export const FORMAT_VERSION = 1;

export class WorkbookFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'foreign' | 'corrupt' | 'newer',
  ) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

export function sidecarPath(xlsx: string): string {
  return xlsx.replace(/\.xlsx$/i, '') + '.state.json';
}

export interface Stamp {
  format: typeof FORMAT;
  formatVersion: number;
  xlsxSha256: string;
  savedAt: string;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function fsyncFile(p: string): Promise<void> {
  const fh = await fs.open(p, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some file systems refuse to sync a directory; the rename is still atomic.
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes the pair atomically. `write(xlsxTmp, sidecarTmp)` produces both files (the emulator's
 * save); the stamp is then added to the sidecar. `guard` is called first to refuse overwriting a
 * file that is not ours.
 */
export async function saveAtomically(
  xlsx: string,
  write: (xlsxTmp: string, sidecarTmp: string) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(xlsx);
  await fs.mkdir(dir, { recursive: true });
  await assertOursOrAbsent(xlsx);
  const tmpDir = await fs.mkdtemp(path.join(dir, `.${path.basename(xlsx)}.saving-`));
  try {
    const xlsxTmp = path.join(tmpDir, 'workbook.xlsx');
    const sideTmp = path.join(tmpDir, 'workbook.state.json');
    await write(xlsxTmp, sideTmp);
    const data = await fs.readFile(xlsxTmp);
    const state = JSON.parse(await fs.readFile(sideTmp, 'utf8')) as Record<string, unknown>;
    const stamp: Stamp = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      xlsxSha256: sha256(data),
      savedAt: new Date().toISOString(),
    };
    await fs.writeFile(sideTmp, JSON.stringify({ ...state, playground: stamp }));
    await Promise.all([fsyncFile(xlsxTmp), fsyncFile(sideTmp)]);
    await fs.rename(xlsxTmp, xlsx);
    await fs.rename(sideTmp, sidecarPath(xlsx));
    await fsyncDir(dir);
  } finally {
    await fs.rm(tmpDir, { recursive: true, force: true });
  }
}

const HOW_TO_GO_ON = (xlsx: string) =>
  `Nothing was changed. Move it away, or use another file: npm start -- --workbook ${path.join(path.dirname(xlsx), 'other.xlsx')}`;

/** Refuses a path holding something we did not write (so a save or reset never destroys it). */
export async function assertOursOrAbsent(xlsx: string): Promise<void> {
  const side = sidecarPath(xlsx);
  const [hasXlsx, hasSide] = await Promise.all([exists(xlsx), exists(side)]);
  if (!hasXlsx && !hasSide) return;
  if (hasXlsx && !hasSide) {
    throw new WorkbookFileError(
      `${xlsx} was not written by the ROP Desk playground (there is no ${path.basename(side)} beside it). ${HOW_TO_GO_ON(xlsx)}`,
      'foreign',
    );
  }
  await readStamp(xlsx);
}

/** Reads and checks the sidecar's stamp; returns the parsed sidecar. */
export async function readStamp(
  xlsx: string,
): Promise<{ stamp: Stamp; state: Record<string, unknown> }> {
  const side = sidecarPath(xlsx);
  let state: Record<string, unknown>;
  try {
    const parsed = JSON.parse(await fs.readFile(side, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    state = parsed as Record<string, unknown>;
  } catch (e) {
    throw new WorkbookFileError(
      `${side} is damaged or not a playground state file (${(e as Error).message}). ${HOW_TO_GO_ON(xlsx)}`,
      'corrupt',
    );
  }
  const stamp = state.playground as Stamp | undefined;
  if (!stamp || stamp.format !== FORMAT) {
    throw new WorkbookFileError(
      `${side} was not written by the ROP Desk playground. ${HOW_TO_GO_ON(xlsx)}`,
      'foreign',
    );
  }
  if (stamp.formatVersion > FORMAT_VERSION) {
    throw new WorkbookFileError(
      `${xlsx} was saved by a newer ROP Desk playground (format ${stamp.formatVersion}). ${HOW_TO_GO_ON(xlsx)}`,
      'newer',
    );
  }
  return { stamp, state };
}

/**
 * Checks a saved pair before loading: ours, readable, and whether the sheets match the state.
 * Returns null when nothing is there, else a warning (or '') about a half-finished save.
 */
export async function checkSaved(xlsx: string): Promise<string | null> {
  const side = sidecarPath(xlsx);
  const [hasXlsx, hasSide] = await Promise.all([exists(xlsx), exists(side)]);
  if (!hasXlsx && !hasSide) return null;
  if (!hasXlsx) {
    throw new WorkbookFileError(
      `${xlsx} is missing but its state file ${side} is there. ${HOW_TO_GO_ON(xlsx)}`,
      'corrupt',
    );
  }
  await assertOursOrAbsent(xlsx);
  const { stamp } = await readStamp(xlsx);
  const data = await fs.readFile(xlsx);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookFileError(
      `${xlsx} is not an .xlsx file (it is damaged). ${HOW_TO_GO_ON(xlsx)}`,
      'corrupt',
    );
  }
  return sha256(data) === stamp.xlsxSha256
    ? ''
    : `${path.basename(xlsx)} is newer than ${path.basename(side)} (a save was interrupted): the sheets are the latest, the clock, outbox and triggers are from the save before.`;
}

/** A random suffix for temp names. */
export function tmpSuffix(): string {
  return randomBytes(6).toString('hex');
}
