/**
 * Typing in the Tasks sheet through the bundle's onEdit: a manager only completes a task the head
 * set (a Result, then Status "Done"); any other change goes back with a note saying why. The head
 * edits freely.
 */
import type { Project } from '../../../local/harness';
import { HEAD, IVAN, ok, rpc, seedTeam } from '../rpc/seed';

let project: Project;
const SHEET = 'Задачи';

function col(header: string): string {
  const sheet = project.emulator.spreadsheet.getSheetByName(SHEET);
  if (!sheet) throw new Error('no Tasks sheet');
  const row = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  return String.fromCharCode(65 + row.indexOf(header));
}

function cell(header: string): { value: unknown; note: string } {
  const sheet = project.emulator.spreadsheet.getSheetByName(SHEET);
  if (!sheet) throw new Error('no Tasks sheet');
  const r = sheet.getRange(`${col(header)}2`);
  return { value: r.getValue(), note: r.getNote() };
}

beforeAll(() => {
  ({ project } = seedTeam());
  ok(
    rpc(project, HEAD, 'setTask', {
      what: 'Позвонить в «Вектор»',
      whom: IVAN,
      dealId: '',
      due: '2026-11-30',
      time: '',
      priority: 'normal',
    }),
  );
});

it('puts back what a manager typed over the task itself, with a note', () => {
  project.edit(SHEET, `${col('Задача')}2`, 'Не звонить', { user: IVAN });
  expect(cell('Задача').value).toBe('Позвонить в «Вектор»');
  expect(cell('Задача').note).toContain('Было: Позвонить в «Вектор»');
});

it('refuses "Done" without a result, then takes it with one', () => {
  project.edit(SHEET, `${col('Статус')}2`, 'Выполнена', { user: IVAN });
  expect(cell('Статус').value).toBe('Открыта');
  expect(cell('Статус').note).toContain('только с результатом');
  project.edit(SHEET, `${col('Результат')}2`, 'Созвонились, КП в пятницу', { user: IVAN });
  project.edit(SHEET, `${col('Статус')}2`, 'Выполнена', { user: IVAN });
  expect(cell('Статус').value).toBe('Выполнена');
  expect(cell('Результат').value).toBe('Созвонились, КП в пятницу');
});

it('lets the head edit the task', () => {
  project.edit(SHEET, `${col('Задача')}2`, 'Позвонить в «Вектор» и «Альфу»', { user: HEAD });
  expect(cell('Задача').value).toBe('Позвонить в «Вектор» и «Альфу»');
});
