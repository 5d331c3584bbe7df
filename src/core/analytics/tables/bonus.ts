/**
 * SALES_BONUS: each manager's bonus under a scheme range, with the calculation spelled out. When
 * the range also holds the Settings grades table (the whole Settings sheet passed), a manager's
 * grade (Managers sheet) picks the scheme the grade names, as on the dashboard; a range of the
 * bonus table alone keeps the order personal scheme, team, first (docs/custom-functions.md).
 */
import { peopleOf } from '../../people/settings';
import { locateSettingsTables, parseSettings } from '../../workbook/settings';
import { UserError } from '../../errors';
import type { MessageKey } from '../../i18n';
import { DEALS, PLANS } from '../../workbook/schema';
import type { Day } from '../../time';
import type { WorkbookData } from '../../types';
import { isGrid, periodArg } from '../args';
import { bonusStatements } from '../bonus-report';
import { asOfInstant } from '../context';
import { pct, roubles } from '../format';
import type { Period } from '../period';
import { bonusCalculationText } from './bonus-text';
import { basisInputs } from './basis';
import { planData } from './inputs';
import { runFunction, type FunctionContext, type FunctionRun } from './run';
import type { Cell, Table } from './table';

export function salesBonus(
  ctx: FunctionContext,
  plans: unknown,
  deals: unknown,
  scheme: unknown,
  period: unknown,
  invoices?: unknown,
  basis?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [plans, PLANS],
    ],
    (run) => {
      if (!isGrid(scheme))
        throw new UserError('error.badArgument', {
          name: 'scheme',
          problem: run.problem('an.arg.notRange'),
        });
      const tables = locateSettingsTables(scheme);
      if (!tables.bonus) {
        throw new UserError('error.badArgument', {
          name: 'scheme',
          problem: run.problem('an.arg.missingColumns', {
            columns:
              run.lang === 'en'
                ? 'Scheme», «Kind», «From % of plan», «Rate'
                : 'Схема», «Вид», «От % плана», «Ставка',
          }),
        });
      }
      const parsed = parseSettings(scheme, run.zone, run.lang);
      // The grades come from the range or not at all: the workbook's own ladder would make the
      // figure depend on a table the formula does not name.
      const people = {
        ...peopleOf(run.ctx.settings),
        grades: tables.grades ? peopleOf(parsed).grades : [],
      };
      const b = basisInputs(run, basis, invoices);
      const data = planData(run, plans, deals, {
        settings: { bonus: parsed.bonus, factBasis: b.basis, people },
        invoices: b.invoices,
      });
      const p = periodArg(run, 'period', period);
      const asOf = asOfInstant(ctx.now, run.zone);
      return computeBonusTable(run, data, p, asOf.day);
    },
  );
}

export function computeBonusTable(
  run: FunctionRun,
  data: WorkbookData,
  period: Period,
  asOf: Day,
): Table {
  const rows = bonusStatements(data, period, asOf, { zone: run.zone });
  const header = [
    'an.col.manager',
    'an.col.scheme',
    'an.col.plan',
    'an.col.fact',
    'an.col.completion',
    'an.col.overdueDebt',
    'an.col.base',
    'an.col.bonus',
    'an.col.calculation',
  ].map((k) => run.h(k as MessageKey));
  let total = 0;
  const body = rows.map((r): Cell[] => {
    total += r.bonus;
    return [
      r.name,
      r.scheme,
      roubles(r.plan),
      roubles(r.fact),
      pct(r.completion),
      roubles(r.overdue),
      roubles(r.base),
      roubles(r.bonus),
      bonusCalculationText(r, run.lang),
    ];
  });
  return [header, ...body, [run.h('an.total'), '', '', '', '', '', '', roubles(total), '']];
}
