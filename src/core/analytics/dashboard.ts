/**
 * The Dashboard sheet as data (see dashboard/model.ts). The figures come from the analytics
 * modules (planfact, kpi, funnel, receivables, bonus-report, team-discipline...); each
 * block's presentation is its own builder in dashboard/; this file only composes them in order.
 */
import { t, type MessageKey } from '../i18n';
import { formatDay } from '../time';
import type { Lang, WorkbookData } from '../types';
import { bonusStatements } from './bonus-report';
import type { AsOf } from './context';
import { stageFunnel } from './funnel';
import { dealKpis } from './kpi';
import type { Period } from './period';
import { PlanBook } from './plans';
import { planFact } from './planfact';
import { dso, receivables } from './receivables';
import { teamDiscipline } from './team-discipline';
import { bonusBlock } from './dashboard/bonus';
import { consistencyBlock } from './dashboard/consistency';
import { disciplineBlock } from './dashboard/discipline';
import { forecastNextBlock } from './dashboard/forecast-next';
import { funnelBlock } from './dashboard/funnel';
import { kpiBlock } from './dashboard/kpi';
import { chartsBeside, layoutBlocks } from './dashboard/layout';
import type { BlockDraft, DashboardModel, DashInput } from './dashboard/model';
import { byCompletion, managersBlock, planFactBlock } from './dashboard/plan-fact';
import { agingBlock, debtorsBlock } from './dashboard/receivables';
import { moneyBlocks } from './dashboard/money';

export {
  FIRST_BLOCK_ROW,
  PERIOD_CELL,
  type BlockKey,
  type ChartKey,
  type ChartModel,
  type ColFormat,
  type DashBlock,
  type DashboardModel,
  type DashboardSummary,
} from './dashboard/model';
export { blockFormats, blockValues } from './dashboard/render';

export function buildDashboard(
  data: WorkbookData,
  period: Period,
  asOf: AsOf,
  lang: Lang,
  opts: {
    badPeriod?: string;
    updatedAt?: string;
    /** Called after each block (the benchmark samples memory there). */
    probe?: () => void;
    /** Blocks of other features (tasks...), built by the caller from sheets beyond WorkbookData. */
    extra?: ReadonlyArray<BlockDraft | null>;
    money?: DashInput['money'];
  } = {},
): DashboardModel {
  const h = (k: MessageKey): string => t(lang, k);
  const input: DashInput = { data, period, asOf, lang, h, money: opts.money };
  const zone = asOf.zone;
  const book = new PlanBook(data.plans, data.managers);
  const pfOpts = { zone, book };
  const [company] = planFact(data, period, 'company', asOf, pfOpts);
  const teams = book.teams.length ? planFact(data, period, 'team', asOf, pfOpts) : [];
  const managers = byCompletion(planFact(data, period, 'manager', asOf, pfOpts));
  const drafts: BlockDraft[] = [];
  const add = (b: BlockDraft | null): void => {
    if (!b) return;
    drafts.push(b);
    opts.probe?.();
  };

  add(planFactBlock(input, company, teams));
  add(managersBlock(input, managers));
  add(consistencyBlock(input, book));
  // Where the month is heading sits next to where it stands.
  add(forecastNextBlock(input));
  const k = dealKpis(data.deals, period, data.settings, zone, '', data.managers);
  add(kpiBlock(input, k, dso(data, period, asOf.day)));
  add(
    funnelBlock(
      input,
      stageFunnel(data.deals, data.stageHistory, data.settings, zone, period.start, period.end),
    ),
  );
  const rec = receivables(data, asOf.day);
  add(agingBlock(input, rec));
  add(debtorsBlock(input, rec));
  add(bonusBlock(input, bonusStatements(data, period, asOf.day, { zone, book, rows: managers })));
  const discipline = teamDiscipline(data, period, asOf, k.pushedDeals);
  // Other features' blocks sit above discipline, which stays last (its table runs to the end).
  for (const b of opts.extra ?? []) add(b);
  for (const b of moneyBlocks(input)) add(b);
  add(disciplineBlock(input, managers, discipline));

  const { blocks, width, lastRow } = layoutBlocks(drafts);
  const empty = !data.deals.length && !data.plans.length && !data.invoices.length;
  return {
    period,
    lang,
    title: `${h('an.dash.title')} · ${period.label}`,
    periodLabel: h('an.dash.period'),
    status: opts.badPeriod
      ? t(lang, 'an.dash.badPeriod', { value: opts.badPeriod, period: period.label })
      : t(lang, 'an.dash.updated', { at: opts.updatedAt ?? '', date: formatDay(asOf.day) }),
    hint: empty ? h('an.dash.noData') : h('an.dash.periodHint'),
    blocks,
    charts: chartsBeside(width, h, new Set(blocks.map((b) => b.key))),
    width,
    lastRow,
    summary: {
      period: period.label,
      plan: company.plan,
      fact: company.fact,
      completion: company.completion,
      forecast: company.forecast,
      overdue: rec.total.overdue,
      forgotten: discipline.forgottenTotal,
      unprocessed: discipline.unprocessedTotal,
    },
  };
}
