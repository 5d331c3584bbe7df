/**
 * A manager typed into the Managers sheet with a recent hire date gets the onboarding steps on
 * the next Setup, once: a second Setup adds nothing.
 */
import { loadProject } from '../../../local/harness';
import { createEmulator } from '../../../local/emulator';
import { mapHeaders } from '../../../src/core/workbook/headers';
import { MANAGERS, ONBOARDING } from '../../../src/core/workbook/schema';

const NOW = Date.parse('2026-11-27T09:00:00+03:00');

it('Setup starts onboarding for a recent hire typed into Managers, never twice', () => {
  const emulator = createEmulator({ now: NOW, activeUser: 'head@example.com' });
  const project = loadProject({ emulator });
  emulator.properties.document.set('ropdesk.lang', 'en');
  project.run('menuSetupWorkbook', [], { user: 'head@example.com' });
  const sheet = emulator.spreadsheet.getSheetByName(MANAGERS.en);
  if (!sheet) throw new Error('no Managers sheet');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const at = mapHeaders(header, MANAGERS.columns).index;
  const row = (cells: Record<string, unknown>) => {
    const r: unknown[] = header.map(() => '');
    for (const [k, v] of Object.entries(cells)) r[at[k]] = v;
    return r;
  };
  sheet.getRange(2, 1, 3, header.length).setValues([
    row({ name: 'Anna', email: 'head@example.com', role: 'Head of sales', active: true }),
    row({
      name: 'New',
      email: 'new@example.com',
      role: 'Manager',
      active: true,
      hiredAt: new Date('2026-11-16T00:00:00+03:00'),
    }),
    row({
      name: 'Old',
      email: 'old@example.com',
      role: 'Manager',
      active: true,
      hiredAt: new Date('2024-02-01T00:00:00+03:00'),
    }),
  ] as never);
  const steps = () =>
    emulator.spreadsheet.getSheetByName(ONBOARDING.en)?.getDataRange().getValues().slice(1) ?? [];
  project.run('menuSetupWorkbook', [], { user: 'head@example.com' });
  expect(steps()).toHaveLength(4);
  expect(steps().every((r) => r[0] === 'new@example.com')).toBe(true);
  // Product training is due three days after the hire date.
  expect((steps()[0][2] as Date).getTime()).toBe(Date.parse('2026-11-19T00:00:00+03:00'));
  project.run('menuSetupWorkbook', [], { user: 'head@example.com' });
  expect(steps()).toHaveLength(4);
});
