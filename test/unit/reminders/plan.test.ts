import { WorkCalendar } from '../../../src/core/analytics';
import { classifyError } from '../../../src/core/reminders/classify';
import {
  kindsForDay,
  planEnvelopes,
  recipientsOf,
  type ContentSource,
} from '../../../src/core/reminders/plan';
import { decide, LEASE_MS, type SentEntry } from '../../../src/core/reminders/sentlog';
import { dayFromYmd, isoDay } from '../../../src/core/time';
import { ctx, DAY, digest, item, manager } from './fixtures';

const cal = new WorkCalendar([]);

describe('what each day owes', () => {
  const kinds = (y: number, m: number, d: number, onlyWorking = true) =>
    kindsForDay(dayFromYmd(y, m, d), cal, onlyWorking);

  it('sends nothing on days off by default, and every day when told so', () => {
    expect(kinds(2026, 11, 28)).toEqual([]); // Saturday
    expect(kinds(2026, 11, 4)).toEqual([]); // Unity Day
    expect(kinds(2026, 11, 28, false)).toEqual(['summary', 'digest']);
  });

  it('adds the weekly report on Monday, or the first working day of the week', () => {
    expect(kinds(2026, 11, 23)).toEqual(['summary', 'digest', 'weekly']);
    expect(kinds(2026, 11, 24)).toEqual(['summary', 'digest']);
    // Monday 2026-02-23 is a holiday, so Tuesday carries the weekly report.
    expect(kinds(2026, 2, 24)).toEqual(['summary', 'digest', 'weekly']);
  });

  it('adds the monthly results on the first working day of the month', () => {
    expect(kinds(2026, 12, 1)).toEqual(['summary', 'digest', 'monthly']);
    expect(kinds(2026, 11, 2)).toEqual(['summary', 'digest', 'weekly', 'monthly']); // a Monday
    expect(kinds(2027, 1, 11)).toContain('monthly'); // after the New Year holidays
    expect(kinds(2027, 1, 11)).toContain('weekly');
    const decree = new WorkCalendar([
      { day: dayFromYmd(2027, 1, 9), dayOff: false, note: 'перенос' },
    ]);
    expect(kindsForDay(dayFromYmd(2027, 1, 9), decree, true)).toContain('monthly');
  });
});

describe('recipients', () => {
  it('sends reports to heads, directors and the Settings addresses, once each', () => {
    const r = recipientsOf(
      [
        manager({ email: 'head@x.ru', role: 'head' }),
        manager({ email: 'dir@x.ru', role: 'director' }),
        manager({ email: 'anna@x.ru' }),
        manager({ email: 'nope', role: 'head', name: 'Сломанный' }),
      ],
      ['Dir@x.ru', 'board@x.ru', 'not-an-email'],
    );
    expect(r.heads).toEqual(['head@x.ru']);
    expect(r.reports).toEqual(['head@x.ru', 'dir@x.ru', 'board@x.ru']);
    expect(r.invalid.map((m) => m.name)).toEqual(['Сломанный']);
  });
});

describe('planning', () => {
  const content: ContentSource = {
    digestFor: (r) => (r === 'anna@example.ru' ? digest([item()]) : null),
    summary: () => ({
      day: DAY,
      team: null,
      managers: [],
      atRisk: [],
      receivables: [],
      receivablesTotal: 0,
      invalidManagers: [],
    }),
    report: (kind, day) => ({
      kind,
      day,
      periodLabel: 'p',
      team: null,
      managers: [],
      bonus: null,
      wonCount: 0,
      wonAmount: 0,
      newDeals: 0,
    }),
  };
  const recipients = { heads: ['head@x.ru'], reports: ['head@x.ru', 'dir@x.ru'], invalid: [] };
  const entry = (
    day: number,
    recipient: string,
    kind: SentEntry['kind'],
    status: SentEntry['status'],
  ): SentEntry => ({
    day: isoDay(day),
    recipient,
    kind,
    status,
    at: 0,
    note: '',
  });

  it('puts the head first, then reports, then managers by urgency', () => {
    const { envelopes } = planEnvelopes({
      today: DAY,
      kinds: ['summary', 'digest', 'weekly'],
      digests: [digest([item()], { manager: 'b@x.ru' }), digest([item()])],
      recipients,
      entries: [],
      content,
      ctx: ctx(),
    });
    expect(envelopes.map((e) => `${e.key.kind}:${e.key.recipient}`)).toEqual([
      'summary:head@x.ru',
      'weekly:head@x.ru',
      'weekly:dir@x.ru',
      'digest:b@x.ru',
      'digest:anna@example.ru',
    ]);
    expect(envelopes[0].render()!.subject).toContain('27.11.2026');
  });

  it("carries owed reports over, replaces yesterday's owed digest by today's", () => {
    const { envelopes, superseded } = planEnvelopes({
      today: DAY,
      kinds: ['summary', 'digest'],
      digests: [digest([item()])],
      recipients,
      entries: [
        entry(DAY - 1, 'anna@example.ru', 'digest', 'deferred'),
        entry(DAY - 1, 'dir@x.ru', 'weekly', 'deferred'),
        entry(DAY - 1, 'head@x.ru', 'weekly', 'sent'),
        entry(DAY - 30, 'dir@x.ru', 'monthly', 'deferred'),
      ],
      content,
      ctx: ctx(),
    });
    expect(superseded.map((k) => `${k.day}:${k.recipient}`)).toEqual([
      `${isoDay(DAY - 1)}:anna@example.ru`,
    ]);
    expect(envelopes.map((e) => `${e.key.kind}:${e.key.day}:${e.key.recipient}`)).toEqual([
      `summary:${isoDay(DAY)}:head@x.ru`,
      `weekly:${isoDay(DAY - 1)}:dir@x.ru`,
      `digest:${isoDay(DAY)}:anna@example.ru`,
    ]);
  });

  it('on a day off, sends the owed digest of the last working day with fresh content', () => {
    const { envelopes } = planEnvelopes({
      today: DAY + 1,
      kinds: [],
      digests: [],
      recipients,
      entries: [
        entry(DAY, 'anna@example.ru', 'digest', 'deferred'),
        entry(DAY, 'ghost@x.ru', 'digest', 'deferred'),
      ],
      content,
      ctx: ctx(),
    });
    expect(envelopes.map((e) => e.key.recipient)).toEqual(['anna@example.ru', 'ghost@x.ru']);
    expect(envelopes[0].render()).not.toBeNull();
    expect(envelopes[1].render()).toBeNull(); // nothing to say any more: recorded as skipped
  });
});

describe('sent-log decisions', () => {
  const base: SentEntry = {
    day: '2026-11-27',
    recipient: 'a@x.ru',
    kind: 'digest',
    status: 'sent',
    at: 0,
    note: '',
  };
  it('handles every status', () => {
    const none = new Set<string>();
    expect(decide(undefined, 10, 'r', none)).toEqual({ action: 'reserve', takeover: false });
    expect(decide(base, 10, 'r', none)).toEqual({ action: 'final', status: 'sent' });
    expect(decide({ ...base, status: 'failed' }, 10, 'r', none).action).toBe('final');
    expect(decide({ ...base, status: 'skipped' }, 10, 'r', none).action).toBe('final');
    expect(decide({ ...base, status: 'deferred' }, 10, 'r', none).action).toBe('reserve');
    const sending = { ...base, status: 'sending' as const, at: 1000, note: 'other' };
    expect(decide(sending, 1000 + LEASE_MS - 1, 'r', none)).toEqual({ action: 'busy' });
    expect(decide(sending, 1000 + LEASE_MS, 'r', none)).toEqual({
      action: 'reserve',
      takeover: true,
    });
    expect(decide(sending, 1001, 'r', new Set(['2026-11-27|a@x.ru|digest']))).toEqual({
      action: 'reconcile',
    });
  });
});

describe('error classification', () => {
  it.each([
    ['Too many simultaneous invocations: Spreadsheets', 'transient'],
    ['There are too many LockService operations against the same script.', 'transient'],
    ['Service Spreadsheets timed out while accessing document with id 1.', 'transient'],
    ["We're sorry, a server error occurred. Please wait a bit and try again.", 'transient'],
    ['Lock timeout: another process was holding the lock for too long.', 'transient'],
    ['error.busy', 'transient'],
    ['Service invoked too many times for one day: email.', 'quota'],
    ['Service invoked too many times for one day: urlfetch.', 'fatal'],
    ['Limit Exceeded: Email Recipients Per Message.', 'permanent'],
    ['Invalid email: anna@', 'permanent'],
    ['Authorization is required to perform that action.', 'fatal'],
    ['Требуется авторизация для выполнения этого действия.', 'fatal'],
    ['Exceeded maximum execution time', 'fatal'],
    ['Произошла ошибка сервера. Повторите попытку.', 'transient'],
    ['TypeError: x is undefined', 'permanent'],
  ])('%s -> %s', (text, cls) => {
    const c = classifyError(new Error(text));
    expect(c.cls).toBe(cls);
    expect(c.raw).toBe(text);
  });
});
