/**
 * The demo's budget and spend: a year of advertising by lead source, trade shows twice a year,
 * tools and training without a source, and a current month where ads run hot (the head's digest
 * and SALES_BUDGET flag it before it overspends). Seeded, so the story is the same every time.
 */
import { toKopecks } from '../money';
import { ymdFromDay, type Day } from '../time';
import type { Lang } from '../types';
import { monthPeriod } from '../workbook/period';
import { Random } from './random';

export interface DemoMoney {
  /** Cells by column key of the Budget sheet (month as its label, amount in kopecks). */
  budget: Record<string, unknown>[];
  /** Cells by column key of the Spend sheet (date as a Day, amount in kopecks). */
  spend: Record<string, unknown>[];
}

interface Line {
  line: Record<Lang, string>;
  source: Record<Lang, string>;
  /** Planned roubles per month of the year (1-12); 0 for none. */
  monthly: (month: number) => number;
  /** How hard the current month runs against the plan. */
  pace: number;
  comment: Record<Lang, string>;
}

const LINES: readonly Line[] = [
  {
    line: { ru: 'Реклама', en: 'Advertising' },
    source: { ru: 'Реклама', en: 'Ads' },
    monthly: () => 180_000,
    pace: 1.08,
    comment: { ru: 'Яндекс Директ', en: 'Search ads' },
  },
  {
    line: { ru: 'Реклама', en: 'Advertising' },
    source: { ru: 'Сайт', en: 'Website' },
    monthly: () => 90_000,
    pace: 0.9,
    comment: { ru: 'SEO и контент', en: 'SEO and content' },
  },
  {
    line: { ru: 'Выставки', en: 'Trade shows' },
    source: { ru: 'Выставка', en: 'Trade show' },
    monthly: (m) => (m === 3 || m === 9 ? 350_000 : 0),
    pace: 1,
    comment: { ru: 'Стенд и взнос', en: 'Stand and fee' },
  },
  {
    line: { ru: 'Сервисы', en: 'Tools' },
    source: { ru: '', en: '' },
    monthly: () => 25_000,
    pace: 1,
    comment: { ru: 'Телефония и CRM', en: 'Telephony and CRM' },
  },
  {
    line: { ru: 'Обучение', en: 'Training' },
    source: { ru: '', en: '' },
    monthly: (m) => (m % 3 === 2 ? 60_000 : 0),
    pace: 1,
    comment: { ru: 'Тренинг по переговорам', en: 'Negotiation training' },
  },
];

/** `months` of budget and spend ending with today's month, and the next month's budget. */
export function demoMoney(o: { seed: number; today: Day; lang: Lang; months: number }): DemoMoney {
  const rnd = new Random(o.seed + 15);
  const { year, month } = ymdFromDay(o.today);
  const budget: Record<string, unknown>[] = [];
  const spend: Record<string, unknown>[] = [];
  for (let k = -o.months + 1; k <= 1; k++) {
    const p = monthPeriod(
      year + Math.floor((month - 1 + k) / 12),
      ((month - 1 + k + 1200) % 12) + 1,
    );
    for (const l of LINES) {
      const plan = l.monthly(p.index);
      if (!plan) continue;
      const cells = { line: l.line[o.lang], source: l.source[o.lang] };
      budget.push({ ...cells, month: p.label, amount: toKopecks(plan) });
      if (p.start > o.today) continue;
      // A past month lands near its plan; this month so far runs at the line's pace.
      const share =
        p.end <= o.today
          ? rnd.int(80, 112) / 100
          : ((o.today - p.start + 1) / (p.end - p.start + 1)) * l.pace;
      const total = Math.round(plan * share);
      const parts = plan >= 90_000 ? 3 : 1;
      const last = Math.min(p.end, o.today);
      for (let i = 0; i < parts; i++) {
        const amount =
          i < parts - 1
            ? Math.round(total / parts)
            : total - Math.round(total / parts) * (parts - 1);
        if (amount <= 0) continue;
        const date: Day = p.start + Math.floor(((last - p.start) * i) / parts);
        spend.push({ ...cells, date, amount: toKopecks(amount), comment: l.comment[o.lang] });
      }
    }
  }
  return { budget, spend };
}
