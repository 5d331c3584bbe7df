/**
 * SECURITY.md "Concurrency and row moves": the document lock keeps other executions out, but not
 * a person sorting or deleting rows while an operation runs. A write by row number re-checks the
 * id in that row right before writing and re-locates the record, or refuses when it is gone.
 */
import type { Project } from '../../../local/harness';
import { DEALS } from '../../../src/core/workbook/schema';
import type { TodayView } from '../../../src/shared/contract';
import { IVAN, ok, rpc, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;

beforeEach(() => {
  seeded = seedTeam();
  project = seeded.project;
});

function dealsSheet() {
  return project.emulator.spreadsheet.getSheetByName(DEALS.ru)!;
}

/** Deal rows by id, as the sheet holds them now. */
function dealsById(): Map<string, unknown[]> {
  const values = dealsSheet().getDataRange().getValues();
  return new Map(values.slice(1).map((r) => [String(r[0]), r as unknown[]]));
}

function logCall(dealId: string) {
  const today = ok(rpc(project, IVAN, 'today', {})) as TodayView;
  const item = [...today.forgotten, ...today.overdueSteps].find((d) => d.id === dealId);
  return rpc(project, IVAN, 'logActivity', {
    dealId,
    updatedAt: item?.updatedAt ?? null,
    type: 'call',
    summary: 'Звонок после сортировки',
    nextStep: 'Встреча',
    nextStepDate: '2026-12-03',
  });
}

it('a sort of Deals between the read and the write: the update lands on the same deal', () => {
  const target = seeded.deals.romashka;
  const before = dealsById();
  // At the operation's first write (its reads are done), someone sorts Deals by amount, descending.
  project.emulator.interleave('Range.setValues', () => {
    const sheet = dealsSheet();
    sheet
      .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
      .sort({ column: 7, ascending: false });
  });
  expect(logCall(target)).toMatchObject({ ok: true });
  const after = dealsById();
  const header = dealsSheet().getRange(1, 1, 1, dealsSheet().getLastColumn()).getValues()[0];
  const summary = header.indexOf('Что обсуждали');
  expect(after.get(target)![summary]).toBe('Звонок после сортировки');
  // Every other deal is exactly as it was: nothing was written into a neighbour's row.
  for (const [id, row] of before) if (id !== target) expect(after.get(id)).toEqual(row);
  // The sort really moved the target's row.
  const rows = [...after.keys()];
  expect(rows.indexOf(target)).not.toBe([...before.keys()].indexOf(target));
});

it('the row deleted between the read and the write: refused as stale, nothing written', () => {
  const target = seeded.deals.romashka;
  project.emulator.interleave('Range.setValues', () => {
    const sheet = dealsSheet();
    const ids = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    const r = ids.findIndex((v) => v[0] === target);
    sheet.deleteRow(r + 1);
  });
  const reply = logCall(target);
  expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(dealsById().has(target)).toBe(false);
  const texts = JSON.stringify(dealsSheet().getDataRange().getValues());
  expect(texts).not.toContain('Звонок после сортировки');
});

it('the row deleted before the first write: no activity is appended for a deal that is gone', () => {
  const target = seeded.deals.romashka;
  const activities = () =>
    project.emulator.spreadsheet.getSheetByName('Активности')!.getDataRange().getValues();
  const before = activities();
  // Someone deletes the deal's row after the operation read Deals, before anything is written:
  // at the operation's first check of a row's id (its first single-cell read).
  project.emulator.interleave('Range.getValue', () => {
    const sheet = dealsSheet();
    const ids = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    sheet.deleteRow(ids.findIndex((v) => v[0] === target) + 1);
  });
  expect(logCall(target)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(activities()).toEqual(before);
  expect(JSON.stringify(activities())).not.toContain('Звонок после сортировки');
});
