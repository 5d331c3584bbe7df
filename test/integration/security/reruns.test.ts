/**
 * SECURITY.md "Reruns and faults": an uncatalogued MailApp error is retried by the next run,
 * never marked failed for good; clearing or deleting the Sent mail sheet does not send the day's
 * mail again (the day's keys are kept in document properties too).
 */
import type { Project } from '../../../local/harness';
import { deal, HEAD, manager, msk, project, seedWorkbook } from '../reminders/seed';

const FRIDAY = msk(2026, 11, 27, 9, 30);
const SENT_MAIL = 'Отправленные письма';

function book(n: number): Project {
  const p = project({ now: FRIDAY, activeUser: HEAD });
  const emails = Array.from({ length: n }, (_, i) => `m${i}@example.com`);
  seedWorkbook(p.emulator, {
    managers: [
      manager(HEAD, 'Ольга', 'Руководитель'),
      ...emails.map((e, i) => manager(e, `М${i}`)),
    ],
    deals: emails.map((e, i) =>
      deal(i + 1, e, FRIDAY, { lastActivityAt: new Date(FRIDAY.getTime() - 6 * 86_400_000) }),
    ),
  });
  p.run('menuRemindersOn');
  return p;
}

const uid = (p: Project) => p.emulator.triggers.list()[0].uid;
const recipients = (p: Project) => p.emulator.outbox.map((m) => m.to);
const statuses = (p: Project, to: string) =>
  p.emulator.spreadsheet
    .getSheetByName(SENT_MAIL)!
    .getDataRange()
    .getValues()
    .filter((r) => r[1] === to)
    .map((r) => r[3]);

// "Service error: Gmail" is retried in the run (1+5 attempts with backoff); an unknown text is not.
it.each([
  ['Service error: Gmail', 6],
  ['Something new went wrong at Google', 1],
])('the MailApp error "%s" leaves the email owed; the next run sends it', (text, attempts) => {
  const p = book(3);
  p.emulator.interleave('MailApp.sendEmail', () => {
    for (let i = 0; i < attempts; i++)
      p.emulator.interleave('MailApp.sendEmail', () => {
        throw new Error(text);
      });
  });
  p.emulator.fireTimeTrigger(uid(p));
  const first = recipients(p);
  expect(first).toHaveLength(3);
  const missed = ['m0@example.com', 'm1@example.com', 'm2@example.com', HEAD].find(
    (r) => !first.includes(r),
  )!;
  expect(statuses(p, missed)).toEqual(['deferred']);
  p.emulator.fireTimeTrigger(uid(p));
  expect(recipients(p).filter((r) => r === missed)).toHaveLength(1);
  expect(recipients(p)).toHaveLength(4);
});

it('a cleared Sent mail sheet does not send the day’s mail again', () => {
  const p = book(3);
  p.emulator.fireTimeTrigger(uid(p));
  expect(recipients(p)).toHaveLength(4);
  const sheet = p.emulator.spreadsheet.getSheetByName(SENT_MAIL)!;
  sheet.deleteRows(2, sheet.getLastRow() - 1);
  p.emulator.fireTimeTrigger(uid(p));
  p.run('menuRunRemindersNow', [], { user: HEAD });
  expect(recipients(p)).toHaveLength(4);
  // The sheet learns again what was sent.
  expect(statuses(p, HEAD)).toEqual(['sent']);
});

it('a deleted Sent mail sheet does not send the day’s mail again', () => {
  const p = book(2);
  p.emulator.fireTimeTrigger(uid(p));
  expect(recipients(p)).toHaveLength(3);
  p.emulator.spreadsheet.deleteSheet(p.emulator.spreadsheet.getSheetByName(SENT_MAIL)!);
  try {
    p.emulator.fireTimeTrigger(uid(p));
  } catch {
    // Whatever the run makes of a missing sheet, it must not mail anyone twice.
  }
  expect(recipients(p)).toHaveLength(3);
});
