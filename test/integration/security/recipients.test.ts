/**
 * SECURITY.md T4a: a report recipient outside the company's domain gets nothing until the head
 * confirms the address in the sidebar's Settings; the Log says who was held back.
 */
import type { SettingsView } from '../../../src/shared/contract';
import { HEAD, ok, rpc, seedTeam } from '../rpc/seed';

it('an outside address gets the weekly report only after the head ticks it', () => {
  const { project } = seedTeam();
  const view = ok(rpc(project, HEAD, 'getSettings', {})) as SettingsView;
  expect(view.domain).toBe('example.com');
  const form = { ...view.settings, reportRecipients: ['boss@example.com', 'spy@evil.ru'] };
  ok(rpc(project, HEAD, 'saveSettings', form));
  ok(rpc(project, HEAD, 'sendWeeklyReport', {}));
  const to = () => project.emulator.outbox.map((m) => m.to);
  expect(to()).toContain('boss@example.com');
  expect(to()).not.toContain('spy@evil.ru');
  const log = JSON.stringify(
    project.emulator.spreadsheet.getSheetByName('Журнал')!.getDataRange().getValues(),
  );
  expect(log).toContain('spy@evil.ru');

  const saved = ok(
    rpc(project, HEAD, 'saveSettings', { ...form, confirmedRecipients: ['spy@evil.ru'] }),
  ) as SettingsView;
  expect(saved.settings.confirmedRecipients).toEqual(['spy@evil.ru']);
  ok(rpc(project, HEAD, 'sendWeeklyReport', {}));
  expect(to().filter((r) => r === 'spy@evil.ru')).toHaveLength(1);

  // Removed from the list, the confirmation goes too: re-adding asks again.
  ok(rpc(project, HEAD, 'saveSettings', { ...form, reportRecipients: ['boss@example.com'] }));
  const again = ok(rpc(project, HEAD, 'getSettings', {})) as SettingsView;
  expect(again.settings.confirmedRecipients).toEqual([]);
});
