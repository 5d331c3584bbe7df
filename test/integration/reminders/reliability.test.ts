/**
 * Reruns, concurrent runs, crashes, quota and the time limit, on the built bundle in the
 * emulator with its fake clock: every email is sent once, nothing owed is lost.
 */
import type { Project } from '../../../local/harness';
import { deal, HEAD, manager, msk, project, seedWorkbook } from './seed';

const FRIDAY = msk(2026, 11, 27, 9, 30);

/** Head + n managers, each with one forgotten deal (so n digests + 1 summary a day). */
function book(n: number, opts: Parameters<typeof project>[0] = {}): Project {
  const p = project({ now: FRIDAY, activeUser: HEAD, ...opts });
  const emails = Array.from({ length: n }, (_, i) => `m${String(i).padStart(2, '0')}@example.com`);
  seedWorkbook(p.emulator, {
    managers: [
      manager(HEAD, 'Ольга', 'Руководитель'),
      ...emails.map((e, i) => manager(e, `М${i}`)),
    ],
    // Urgency grows with i: more idle days -> more days over the limit.
    deals: emails.map((e, i) =>
      deal(i + 1, e, FRIDAY, { lastActivityAt: new Date(FRIDAY.getTime() - (5 + i) * 86_400_000) }),
    ),
  });
  p.run('menuRemindersOn');
  return p;
}

const uid = (p: Project) => p.emulator.triggers.list()[0].uid;
const recipients = (p: Project) => p.emulator.outbox.map((m) => m.to);
const sentLog = (p: Project) =>
  p.emulator.spreadsheet.getSheetByName('Отправленные письма')!.getDataRange().getValues().slice(1);
const statusOf = (p: Project, to: string) =>
  sentLog(p)
    .filter((r) => r[1] === to)
    .map((r) => r[3]);

function expectEachOnce(p: Project, n: number): void {
  const all = recipients(p);
  expect(new Set(all).size).toBe(all.length);
  expect(all).toHaveLength(n + 1);
}

describe('idempotent and concurrent runs', () => {
  it('two runs at once (the second starts while the first is sending) send each email once', () => {
    const p = book(6);
    p.emulator.interleave('MailApp.sendEmail', () => p.emulator.fireTimeTrigger(uid(p)), {
      nth: 2,
    });
    p.emulator.fireTimeTrigger(uid(p));
    expectEachOnce(p, 6);
    expect(sentLog(p).every((r) => r[3] === 'sent')).toBe(true);
  });

  it('a run started while another holds the sent-log lock waits and sends nothing twice', () => {
    const p = book(4);
    p.emulator.interleave('Range.setValues', () => p.emulator.fireTimeTrigger(uid(p)), { nth: 1 });
    p.emulator.fireTimeTrigger(uid(p));
    p.emulator.fireTimeTrigger(uid(p));
    expectEachOnce(p, 4);
  });
});

describe('crashes', () => {
  it('a crash after the k-th email, then a rerun, sends exactly the rest', () => {
    const p = book(7);
    const k = 3;
    // The execution is killed (time limit) right after the k-th email is sent and recorded.
    p.emulator.interleave(
      'MailApp.getRemainingDailyQuota',
      () => p.emulator.clock.advance(7 * 60_000),
      { nth: k + 1 },
    );
    expect(() => p.emulator.fireTimeTrigger(uid(p))).toThrow(/Exceeded maximum execution time/);
    expect(recipients(p)).toHaveLength(k);
    const first = recipients(p);
    p.emulator.fireTimeTrigger(uid(p));
    const rest = recipients(p).slice(k);
    expect(rest).toHaveLength(8 - k);
    expect(rest.filter((r) => first.includes(r))).toEqual([]);
    expectEachOnce(p, 7);
  });

  it('a kill between send and mark: within the lease the rerun leaves it, after it the mail is sent again (never lost)', () => {
    const p = book(5);
    // Killed just past the 6-minute limit, right after MailApp accepted the 2nd email.
    p.emulator.interleave('MailApp.sendEmail', () => p.emulator.clock.advance(6 * 60_000 + 1000), {
      nth: 2,
      when: 'after',
    });
    expect(() => p.emulator.fireTimeTrigger(uid(p))).toThrow(/Exceeded maximum execution time/);
    const [, second] = recipients(p);
    expect(statusOf(p, second)).toEqual(['sending']);
    p.emulator.fireTimeTrigger(uid(p)); // at once: the dead run's lease is still on
    expect(statusOf(p, second)).toEqual(['sending']);
    expect(new Set(recipients(p)).size).toBe(6);
    p.emulator.clock.advance(7 * 60_000);
    p.emulator.fireTimeTrigger(uid(p));
    expect(statusOf(p, second)).toEqual(['sent']);
    // The documented window: the one mail in flight at the kill is sent at least once.
    expect(recipients(p).filter((r) => r === second)).toHaveLength(2);
    expect(recipients(p)).toHaveLength(7);
  });
});

describe('a sheet that refuses the sent mark', () => {
  it('keeps the fact in the journal; the rerun marks it sent without sending it again', () => {
    const p = book(4);
    // After the 2nd email leaves, Sheets times out on every write for a while (6 attempts).
    p.emulator.interleave(
      'MailApp.sendEmail',
      () => {
        for (let i = 0; i < 6; i++) {
          p.emulator.interleave('Range.setValues', () => {
            throw new Error('Service Spreadsheets timed out while accessing document with id 1.');
          });
        }
      },
      { nth: 2, when: 'after' },
    );
    p.emulator.fireTimeTrigger(uid(p));
    const [, second] = recipients(p);
    expect(recipients(p)).toHaveLength(2);
    expect(statusOf(p, second)).toEqual(['sending']);
    expect(
      [...p.emulator.properties.document.keys()].filter((k) => k.startsWith('ropdesk.sent.')),
    ).toHaveLength(1);
    p.emulator.clock.advance(60_000);
    p.emulator.fireTimeTrigger(uid(p)); // within the lease: the journal is proof enough
    expect(statusOf(p, second)).toEqual(['sent']);
    expectEachOnce(p, 4);
    expect(
      [...p.emulator.properties.document.keys()].filter((k) => k.startsWith('ropdesk.sent.')),
    ).toHaveLength(0);
  });
});

describe('quota', () => {
  it('quota runs out mid-run: head first, rest deferred, no error; the next day completes it', () => {
    const p = book(6, { mailQuota: 3 });
    p.emulator.fireTimeTrigger(uid(p));
    const day1 = recipients(p);
    expect(day1).toHaveLength(3);
    expect(day1[0]).toBe(HEAD);
    // Most urgent managers first: m05 has been idle longest.
    expect(day1.slice(1)).toEqual(['m05@example.com', 'm04@example.com']);
    const deferred = sentLog(p)
      .filter((r) => r[3] === 'deferred')
      .map((r) => r[1]);
    expect(deferred.sort()).toEqual([
      'm00@example.com',
      'm01@example.com',
      'm02@example.com',
      'm03@example.com',
    ]);
    const state = JSON.parse(p.emulator.properties.document.get('ropdesk.reminders')!);
    expect(state.lastResult).toMatchObject({
      sent: 3,
      deferred: 4,
      stoppedBy: 'quota',
      quotaLeft: 0,
    });
    // A second run the same day: the quota reads 0 (or -1), nothing is sent, nothing throws.
    p.emulator.fireTimeTrigger(uid(p));
    expect(recipients(p)).toHaveLength(3);
    // Saturday: no new mail is due, the owed digests go out (quota is per day).
    p.emulator.runDueTriggers(msk(2026, 11, 28, 12));
    expect(p.emulator.outbox.length).toBe(6);
    expect(statusOf(p, 'm00@example.com')).toEqual(['deferred']); // the least urgent waits again
    // One still owed after Saturday's 3: Sunday sends it.
    p.emulator.runDueTriggers(msk(2026, 11, 29, 12));
    expect(recipients(p).slice(3).sort()).toEqual(deferred);
    expect(recipients(p)).toHaveLength(7);
    expect(new Set(recipients(p)).size).toBe(7);
    expect(sentLog(p).filter((r) => r[3] === 'deferred')).toHaveLength(0);
  });
});

describe('time budget', () => {
  it('stops before the 6-minute limit and the next run finishes', () => {
    const p = book(12);
    p.emulator.setLatency({ 'MailApp.sendEmail': 30_000 });
    p.emulator.fireTimeTrigger(uid(p)); // must not be killed
    const first = recipients(p).length;
    expect(first).toBeGreaterThan(3);
    expect(first).toBeLessThan(13);
    const state = JSON.parse(p.emulator.properties.document.get('ropdesk.reminders')!);
    expect(state.lastResult.stoppedBy).toBe('budget');
    expect(sentLog(p).filter((r) => r[3] === 'deferred')).toHaveLength(13 - first);
    p.emulator.clock.advance(60_000);
    p.emulator.fireTimeTrigger(uid(p));
    if (recipients(p).length < 13) p.emulator.fireTimeTrigger(uid(p));
    expectEachOnce(p, 12);
  });
});

describe('spreadsheet calls', () => {
  it('do not grow with the number of deals; only the number of emails does', () => {
    const run = (dealsPerManager: number, managers: number) => {
      const p = project({ now: FRIDAY, activeUser: HEAD });
      const emails = Array.from({ length: managers }, (_, i) => `m${i}@example.com`);
      let n = 0;
      seedWorkbook(p.emulator, {
        managers: [
          manager(HEAD, 'Ольга', 'Руководитель'),
          ...emails.map((e, i) => manager(e, `М${i}`)),
        ],
        deals: emails.flatMap((e) =>
          Array.from({ length: dealsPerManager }, () => deal(++n, e, FRIDAY)),
        ),
      });
      p.run('menuRunRemindersNow');
      const calls = p.lastCalls;
      const sheets = Object.entries(calls)
        .filter(([k]) => /^(Spreadsheet|Sheet|Range|SpreadsheetApp)\./.test(k))
        .reduce((s, [, v]) => s + v, 0);
      return { sheets, mails: p.emulator.outbox.length, getValues: calls['Range.getValues'] ?? 0 };
    };
    const small = run(2, 3);
    const big = run(150, 3);
    expect(big.mails).toBe(small.mails);
    expect(big.sheets).toBe(small.sheets);
    expect(big.getValues).toBe(small.getValues);
    const more = run(2, 6);
    expect(more.mails).toBe(small.mails + 3);
    expect(more.sheets).toBeGreaterThan(small.sheets);
    // The per-email cost is a small constant.
    expect((more.sheets - small.sheets) / 3).toBeLessThanOrEqual(12);
  });
});
