/** Plans that do not add up (a team's plan is not the sum of its managers'...), this year only. */
import { t } from '../../i18n';
import { formatMoney } from '../format';
import { checkPlanConsistency, type PlanBook } from '../plans';
import type { BlockDraft, DashInput } from './model';

const SHOWN = 20;

/** Null when every plan of the period's year adds up: the block is then left out. */
export function consistencyBlock(
  { h, lang, period }: DashInput,
  book: PlanBook,
): BlockDraft | null {
  const year = String(period.year);
  const inconsistencies = checkPlanConsistency(
    book,
    (p) => (p.metric || 'revenue') === 'revenue' && p.period.startsWith(year),
  );
  if (!inconsistencies.length) return null;
  return {
    key: 'consistency',
    title: h('an.dash.consistency'),
    header: [h('an.col.name')],
    rows: inconsistencies.slice(0, SHOWN).map((i) => [
      t(lang, 'an.dash.consistencyRow', {
        who: i.level === 'company' ? h('an.company') : i.target,
        period: i.period,
        parent: formatMoney(i.parent, lang),
        children: formatMoney(i.childrenSum, lang),
        difference: formatMoney(i.difference, lang),
      }),
    ]),
    formats: ['text'],
    notes: [],
  };
}
