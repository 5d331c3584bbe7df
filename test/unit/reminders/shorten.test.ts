/**
 * A daily digest stays short and fresh: at most the Settings' limit of items (default 15), newly
 * forgotten and other news first, old forgotten items only on their weekly repeat day, the rest
 * counted as "and N more" while the subject keeps the full count the panel shows.
 */
import {
  buildDigests,
  DIGEST_LIMIT,
  DIGEST_REPEAT_DAYS,
  digestRules,
  freshness,
  shorten,
} from '../../../src/core/reminders/digest';
import { dayFromYmd, weekday } from '../../../src/core/time';
import { renderDigest } from '../../../src/core/reminders/render';
import type { ReminderItem, SectionKey } from '../../../src/core/reminders/types';
import { ctx, DAY, item, manager } from './fixtures';

const id = (n: number) => `D-${String(n).padStart(6, '0')}`;
const sectionsOf = (items: ReminderItem[]): Record<SectionKey, ReminderItem[]> => {
  const s: Record<SectionKey, ReminderItem[]> = {
    forgottenDeals: [],
    unprocessedLeads: [],
    nextSteps: [],
    forgottenClients: [],
    overdueInvoices: [],
  };
  for (const i of items) s[i.section].push(i);
  return s;
};

// 12 long-forgotten deals (not on their weekly day), 3 on their weekly day, 4 newly forgotten,
// 3 overdue steps: 22 items.
const stale = Array.from({ length: 12 }, (_, i) =>
  item({ id: id(i + 1), daysOverdue: 10, severity: 3 }),
);
const weekly = [8, 15, 22].map((d, i) => item({ id: id(20 + i), daysOverdue: d, severity: 3 }));
const fresh = Array.from({ length: 4 }, (_, i) =>
  item({ id: id(30 + i), daysOverdue: 1, severity: 1 }),
);
const steps = Array.from({ length: 3 }, (_, i) =>
  item({ id: id(40 + i), section: 'nextSteps', reason: 'overdueNextStep', daysOverdue: 2 }),
);
const all = [...stale, ...weekly, ...fresh, ...steps];

it('lists the news and the weekly repeats, never the long-forgotten between their repeats', () => {
  const { sections, more } = shorten(sectionsOf(all), DAY);
  const kept = Object.values(sections).flat();
  expect([DIGEST_LIMIT, DIGEST_REPEAT_DAYS]).toEqual([15, 7]);
  expect(kept).toHaveLength(10);
  expect(more).toBe(12);
  for (const i of [...fresh, ...steps, ...weekly]) expect(kept).toContain(i);
  for (const i of stale) expect(kept).not.toContain(i);
});

it('holds the cap from the Settings: the news first, then the repeats by urgency', () => {
  const rules = { limit: 8, repeatDays: 7, sends: () => true };
  const kept = Object.values(shorten(sectionsOf(all), DAY, rules).sections).flat();
  expect(kept).toHaveLength(8);
  for (const i of [...fresh, ...steps]) expect(kept).toContain(i);
  expect(kept.filter((i) => weekly.includes(i))).toHaveLength(1);
});

it('moves a repeat due on a day without mail to the next mail day, never twice in a week', () => {
  // Working days only: Saturdays and Sundays have no mail; 4 November 2026 is a holiday.
  const off = new Set([dayFromYmd(2026, 11, 4)]);
  const rules = digestRules({ workingDaysOnly: true }, (d) => weekday(d) <= 5 && !off.has(d));
  // Forgotten from Saturday 31 October: news on Monday 2 November.
  const start = dayFromYmd(2026, 10, 31);
  const shownOn: number[] = [];
  for (let d = start; d < start + 60; d++) {
    if (!rules.sends(d)) continue;
    const f = freshness(item({ daysOverdue: d - start + 1 }), d, rules);
    if (f === 0) expect(d).toBe(dayFromYmd(2026, 11, 2));
    if (f !== 2) shownOn.push(d);
  }
  expect(shownOn[0]).toBe(dayFromYmd(2026, 11, 2));
  for (let k = 1; k < shownOn.length; k++) expect(shownOn[k] - shownOn[k - 1]).toBe(7);
  expect(shownOn.length).toBeGreaterThanOrEqual(8);
  // Due on the holiday, the repeat waits to Thursday, and the next one is a full week later.
  const wed = dayFromYmd(2026, 10, 28);
  const seen: number[] = [];
  for (let d = wed; d < wed + 30; d++) {
    if (rules.sends(d) && freshness(item({ daysOverdue: d - wed + 1 }), d, rules) !== 2)
      seen.push(d);
  }
  expect(seen.slice(0, 3)).toEqual([wed, dayFromYmd(2026, 11, 5), dayFromYmd(2026, 11, 12)]);
});

it('leaves a short digest whole', () => {
  const few = [...fresh, ...steps];
  expect(shorten(sectionsOf(few), DAY)).toEqual({ sections: sectionsOf(few), more: 0 });
});

it('says "and N more" with the full count in the subject', () => {
  const sel = { day: DAY, items: all, plans: new Map(), team: null };
  const [d] = buildDigests(sel, [manager()]);
  expect([d.total, d.more]).toEqual([22, 12]);
  const mail = renderDigest(d, ctx(), 50);
  expect(mail.subject).toContain('22 задачи');
  expect(mail.text).toContain('и ещё 12 — полный список в панели «Сегодня»');
});
