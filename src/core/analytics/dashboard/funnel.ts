/** The funnel of the cohort of deals created in the period. */
import { t } from '../../i18n';
import type { Funnel } from '../funnel';
import type { BlockDraft, DashInput } from './model';

export function funnelBlock({ h, lang }: DashInput, f: Funnel): BlockDraft {
  return {
    key: 'funnel',
    title: h('an.dash.funnel'),
    header: [
      h('an.col.stage'),
      h('an.col.reached'),
      h('an.col.conversion'),
      h('an.col.dropOff'),
      h('an.col.fromFirst'),
      h('an.col.amount'),
    ],
    rows: f.rows.map((r) => [
      r.stage,
      r.reached,
      r.conversion ?? '',
      r.dropOff ?? '',
      r.fromFirst ?? '',
      r.amount / 100,
    ]),
    formats: ['text', 'int', 'percent', 'percent', 'percent', 'money'],
    notes: [
      t(lang, 'an.funnel.cohort', { cohort: f.cohort, won: f.won, lost: f.lost, open: f.open }),
    ],
  };
}
