/**
 * SECURITY.md "Roles, plans, settings and recipients": changing the responsible manager of a deal
 * or a client is a head-only action; a manager retyping that cell gets the old value back and a
 * note saying why.
 */
import type { Project } from '../../../local/harness';
import { CLIENTS, DEALS, type SheetDef } from '../../../src/core/workbook/schema';
import { HEAD, IVAN, MARIA, seedTeam, type Seeded } from '../rpc/seed';

let seeded: Seeded;
let project: Project;

beforeEach(() => {
  seeded = seedTeam();
  project = seeded.project;
});

/** A1 of the Manager cell of the row whose id is `id`. */
function managerCell(def: SheetDef, id: string): string {
  const sheet = project.emulator.spreadsheet.getSheetByName(def.ru)!;
  const values = sheet.getDataRange().getValues();
  const col = values[0].indexOf('Менеджер');
  const row = values.findIndex((r) => r[0] === id);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

function cell(def: SheetDef, a1: string): { value: unknown; note: string } {
  const range = project.emulator.spreadsheet.getSheetByName(def.ru)!.getRange(a1);
  return { value: range.getValue(), note: range.getNote() };
}

it('a manager taking a colleague’s deal by retyping its manager gets it reverted with a note', () => {
  const a1 = managerCell(DEALS, seeded.deals.romashka);
  project.edit(DEALS.ru, a1, MARIA, { user: MARIA });
  expect(cell(DEALS, a1).value).toBe(IVAN);
  expect(cell(DEALS, a1).note).toContain('Было: ' + IVAN);
  // Nor may the deal's own manager hand it over.
  project.edit(DEALS.ru, a1, MARIA, { user: IVAN });
  expect(cell(DEALS, a1).value).toBe(IVAN);
});

it('on Clients too', () => {
  const a1 = managerCell(CLIENTS, 'C-000001');
  project.edit(CLIENTS.ru, a1, MARIA, { user: MARIA });
  expect(cell(CLIENTS, a1).value).toBe(IVAN);
});

it('the head of sales may reassign', () => {
  const a1 = managerCell(DEALS, seeded.deals.romashka);
  project.edit(DEALS.ru, a1, MARIA, { user: HEAD });
  expect(cell(DEALS, a1).value).toBe(MARIA);
  expect(cell(DEALS, a1).note).toBe('');
});
