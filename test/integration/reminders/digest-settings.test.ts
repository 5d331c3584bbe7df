/**
 * The digest's thresholds are settings (#16): the item cap and the weekly repeat of long-forgotten
 * records live on the Settings sheet, default 15 and 7, and the head edits them in the sidebar's
 * Settings panel; a value out of range is named and nothing is written.
 */
import { HEAD, ok, rpc, seedTeam } from '../rpc/seed';

it('shows the defaults, refuses out-of-range values, saves to the Settings sheet', () => {
  const { project } = seedTeam();
  const form = ok(rpc(project, HEAD, 'getSettings', {})).settings;
  expect([form.digestLimit, form.digestRepeatDays]).toEqual([15, 7]);

  const bad = rpc(project, HEAD, 'saveSettings', { ...form, digestLimit: 0, digestRepeatDays: 90 });
  expect(bad.ok).toBe(false);
  const fields = !bad.ok ? (bad.error.fields ?? []).map((f) => f.field).sort() : [];
  expect(fields).toEqual(['digestLimit', 'digestRepeatDays']);

  ok(rpc(project, HEAD, 'saveSettings', { ...form, digestLimit: 10, digestRepeatDays: 14 }));
  const rows = project.emulator.spreadsheet.getSheetByName('Настройки')!.getDataRange().getValues();
  // Written as text (a leading apostrophe keeps Sheets from reinterpreting it), as every setting.
  const value = (name: string) => String(rows.find((r) => r[0] === name)?.[1]).replace(/^'/, '');
  expect(value('Пунктов в сводке менеджера')).toBe('10');
  expect(value('Повтор давно забытых, дней')).toBe('14');
  const again = ok(rpc(project, HEAD, 'getSettings', {})).settings;
  expect([again.digestLimit, again.digestRepeatDays]).toEqual([10, 14]);
});
