/** Each manager's bonus for the period, with the calculation spelled out. */
import type { ManagerBonus } from '../bonus-report';
import { bonusCalculationText } from '../tables/bonus-text';
import type { BlockDraft, DashInput } from './model';

export function bonusBlock({ h, lang }: DashInput, bonus: readonly ManagerBonus[]): BlockDraft {
  return {
    key: 'bonus',
    title: h('an.dash.bonus'),
    header: [
      h('an.col.manager'),
      h('an.col.scheme'),
      h('an.col.plan'),
      h('an.col.fact'),
      h('an.col.completion'),
      h('an.col.overdueDebt'),
      h('an.col.base'),
      h('an.col.bonus'),
      h('an.col.calculation'),
    ],
    rows: bonus.map((b) => [
      b.name,
      b.scheme,
      b.plan / 100,
      b.fact / 100,
      b.completion ?? '',
      b.overdue / 100,
      b.base / 100,
      b.bonus / 100,
      bonusCalculationText(b, lang),
    ]),
    formats: ['text', 'text', 'money', 'money', 'percent', 'money', 'money', 'money', 'text'],
    notes: [],
  };
}
