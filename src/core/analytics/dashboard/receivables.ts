/** Receivables on the as-of day: the aging buckets, then the largest debtors. */
import { t, type MessageKey } from '../../i18n';
import { formatDay } from '../../time';
import type { WorkbookData } from '../../types';
import { excludedNote } from '../format';
import { labelsOf, managerNotes } from '../managers';
import { AGING_BUCKETS, type Receivables } from '../receivables';
import type { Cell } from '../tables/table';
import { MONEY_COLS, type BlockDraft, type DashInput } from './model';

const BUCKET_KEYS: MessageKey[] = [
  'an.col.current',
  'an.col.b1_30',
  'an.col.b31_60',
  'an.col.b61_90',
  'an.col.b90plus',
];
const TOP = 10;

export function agingBlock({ h, lang, asOf }: DashInput, rec: Receivables): BlockDraft {
  const notes: string[] = [];
  const ex = excludedNote(rec.excluded, lang);
  if (ex) notes.push(ex);
  if (rec.total.outstanding === 0) notes.push(h('an.dash.noDebts'));
  notes.push(...managerNotes(rec.managers, lang));
  return {
    key: 'agingBuckets',
    title: `${h('an.dash.aging')}, ${formatDay(asOf.day)}`,
    header: [h('an.col.age'), h('an.col.outstanding')],
    rows: [
      ...AGING_BUCKETS.map((b, i): Cell[] => [h(BUCKET_KEYS[i]), rec.total.buckets[b] / 100]),
      [h('an.total'), rec.total.outstanding / 100],
    ],
    formats: ['text', 'money'],
    notes,
  };
}

export function debtorsBlock({ h, lang, data }: DashInput, rec: Receivables): BlockDraft {
  return {
    key: 'debtors',
    title: t(lang, 'an.dash.agingTop', { count: TOP }),
    header: [
      h('an.col.client'),
      h('an.col.manager'),
      h('an.col.outstanding'),
      h('an.col.overdue'),
      ...BUCKET_KEYS.map(h),
      h('an.col.maxDays'),
    ],
    rows: rec.byClient
      .slice(0, TOP)
      .map((r) => [
        r.name,
        nameOf(data, r.manager),
        r.outstanding / 100,
        r.overdue / 100,
        ...AGING_BUCKETS.map((b) => r.buckets[b] / 100),
        r.maxDaysOverdue,
      ]),
    formats: ['text', 'text', ...MONEY_COLS(7), 'int'],
    notes: [],
  };
}

function nameOf(data: WorkbookData, key: string): string {
  return labelsOf(data.managers).get(key) || key;
}
