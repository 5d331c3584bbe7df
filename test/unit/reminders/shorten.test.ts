/**
 * A daily digest stays short and fresh: at most DIGEST_LIMIT items, newly forgotten and other
 * news first, old forgotten items repeated on their weekly day, the rest counted as "and N more"
 * while the subject keeps the full count the panel shows.
 */
import { buildDigests, DIGEST_LIMIT, shorten } from '../../../src/core/reminders/digest';
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

it('keeps the news and the weekly repeats, then the most urgent old ones', () => {
  const { sections, more } = shorten(sectionsOf(all), DIGEST_LIMIT);
  const kept = Object.values(sections).flat();
  expect(DIGEST_LIMIT).toBe(15);
  expect(kept).toHaveLength(15);
  expect(more).toBe(7);
  for (const i of [...fresh, ...steps, ...weekly]) expect(kept).toContain(i);
  expect(kept.filter((i) => stale.includes(i))).toHaveLength(5);
});

it('leaves a short digest whole', () => {
  const few = [...fresh, ...steps];
  expect(shorten(sectionsOf(few), 15)).toEqual({ sections: sectionsOf(few), more: 0 });
});

it('says "and N more" with the full count in the subject', () => {
  const sel = { day: DAY, items: all, plans: new Map(), team: null };
  const [d] = buildDigests(sel, [manager()]);
  expect([d.total, d.more]).toEqual([22, 7]);
  const mail = renderDigest(d, ctx(), 50);
  expect(mail.subject).toContain('22 задачи');
  expect(mail.text).toContain('и ещё 7 — полный список в панели «Сегодня»');
});
