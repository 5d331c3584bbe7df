/**
 * The global API: the only names Apps Script sees. Every function here is a thin stub that hands
 * over to a module in src/app; the build turns each `global.NAME = (params) => ...` into a
 * top-level `function NAME(params)` with the JSDoc above it (gas-webpack-plugin), and keeps
 * everything else inside one closure, so nothing else can be called from google.script.run.
 * JSDoc blocks carry esbuild's preserve marker only so that esbuild keeps them; the build removes
 * the marker again.
 * Nothing here may run at load time: Apps Script evaluates this file on every call, in the most
 * restricted auth mode of the moment.
 */
import * as analytics from './app/analytics';
import * as guard from './app/guard';
import * as crm from './app/crm';
import * as menu from './app/menu';
import * as planning from './app/plans/menu';
import * as playbooks from './app/playbooks/instructions';
import * as reminders from './app/reminders';
import * as rpcApi from './app/rpc';

declare const global: Record<string, unknown>;

// ---- Simple and installable triggers ---------------------------------------------------------

/** @preserve Builds the ROP Desk menu (runs in AuthMode.NONE for a fresh add-on install). */
global.onOpen = (e: GoogleAppsScript.Events.SheetsOnOpen) => menu.onOpen(e);

/** @preserve Add-on install: same menu as onOpen. */
global.onInstall = (e: GoogleAppsScript.Events.AddonOnInstall) => menu.onInstall(e);

/** @preserve Stamps, normalises and records what people type directly into ROP Desk sheets. */
global.onEdit = (e: GoogleAppsScript.Events.SheetsOnEdit) => crm.onEdit(e);

/** @preserve Installable form-submit trigger: a Google Form response becomes a client and a deal. */
global.onFormSubmit = (e: GoogleAppsScript.Events.SheetsOnFormSubmit) =>
  crm.onFormSubmit(guard.formEvent(e));

/** @preserve Time-driven trigger: daily digests, weekly and monthly reports. */
global.runScheduledJob = (e: GoogleAppsScript.Events.TimeDriven) =>
  reminders.runScheduledJob(guard.triggerEvent(e));

// ---- Menu items --------------------------------------------------------------------------------

/** @preserve Menu: open the sidebar. */
global.menuOpenSidebar = () => guard.menuEntry('menuOpenSidebar', () => menu.openSidebar());

/** @preserve Menu: create or repair the workbook's sheets. */
global.menuSetupWorkbook = () =>
  guard.menuEntry('menuSetupWorkbook', (wb) => crm.menuSetupWorkbook(wb.ss));

/** @preserve Menu: set up the workbook and fill it with demo data. */
global.menuSetupDemo = () => guard.menuEntry('menuSetupDemo', (wb) => crm.menuSetupDemo(wb.ss));

/** @preserve Menu: recompute the Dashboard sheet. */
global.menuRefreshDashboard = () =>
  guard.menuEntry('menuRefreshDashboard', (wb) => analytics.menuRefreshDashboard(wb));

/** @preserve Menu: force a recalculation of ROP Desk formulas (rewrites ROP_TODAY). */
global.menuRecalculateFormulas = () =>
  guard.menuEntry('menuRecalculateFormulas', (wb) => analytics.menuRecalculateFormulas(wb));

/** @preserve Menu: turn the daily reminders on. */
global.menuRemindersOn = () =>
  guard.menuEntry('menuRemindersOn', (wb) => reminders.menuRemindersOn(wb));

/** @preserve Menu: turn the daily reminders off. */
global.menuRemindersOff = () =>
  guard.menuEntry('menuRemindersOff', (wb) => reminders.menuRemindersOff(wb));

/** @preserve Menu: run today's reminders now (what the trigger would send). */
global.menuRunRemindersNow = () =>
  guard.menuEntry('menuRunRemindersNow', (wb) => reminders.menuRunRemindersNow(wb));

/** @preserve Menu: open the sidebar on the plan builder. */
global.menuPlans = () => guard.menuEntry('menuPlans', () => menu.openSidebar('plans'));

/** @preserve Menu: write the plan defence sheet for next year against its company plan. */
global.menuPlanDefence = () =>
  guard.menuEntry('menuPlanDefence', (wb) => planning.menuPlanDefence(wb));

/** @preserve Menu: write the printable «Instructions for managers» sheet from the playbooks. */
global.menuInstructions = () =>
  guard.menuEntry('menuInstructions', (wb) => playbooks.menuInstructions(wb));

// ---- Sidebar RPC (google.script.run): one allow-listed dispatcher, each method role-checked ----

/** @preserve Sidebar call: `method` names an allow-listed operation, `payload` is its request. */
global.rpc = (method: unknown, payload: unknown) => rpcApi.dispatch(method, payload);

// ---- Custom functions --------------------------------------------------------------------------

/**
 * @preserve
 * Checks an INN (taxpayer number): TRUE when its 10 or 12 digits have the right check digits,
 * else FALSE; an empty cell gives "". Example: =INN_CHECK(C2:C500)
 * Проверяет ИНН: ИСТИНА, если контрольные цифры 10- или 12-значного ИНН верны, иначе ЛОЖЬ;
 * пустая ячейка даёт "". Пример: =INN_CHECK(C2:C500)
 *
 * @param {string|number|Array<Array<string|number>>} inn An INN, or a column range of them.
 * @return {boolean|string|Array<Array<boolean|string>>} TRUE or FALSE for each value, "" for blanks.
 * @customfunction
 */
global.INN_CHECK = (inn: unknown) => crm.INN_CHECK(inn);

/**
 * @preserve
 * Normalises a Russian phone number to +7XXXXXXXXXX (8 becomes 7, ten digits get +7, separators
 * go), or "" when it cannot be a Russian number (Kazakhstan's +7 6xx/7xx included).
 * Example: =PHONE_RU("8 (916) 123-45-67") -> +79161234567
 * Приводит российский номер к виду +7XXXXXXXXXX или возвращает "", если это не российский номер.
 *
 * @param {string|number|Array<Array<string|number>>} phone A phone number, or a column range.
 * @return {string|Array<Array<string>>} The normalised number for each value, or "".
 * @customfunction
 */
global.PHONE_RU = (phone: unknown) => crm.PHONE_RU(phone);

/**
 * @preserve
 * Plan versus fact for a period, per company, team or manager: fact = won deals' amount by close
 * date up to asOf; completion = fact / plan; run-rate = fact x working days / days elapsed.
 * План-факт за период по компании, командам или менеджерам: факт — сумма выигранных сделок по
 * дате закрытия на дату asOf; выполнение = факт / план; прогноз по темпу — по рабочим дням.
 *
 * @param {Array<Array<string|number>>} plans The Plans table with its header row.
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @param {string} [level] "company", "team" or "manager" (default "manager").
 * @param {Date} [asOf] The date to compute at: pass ROP_TODAY, which ROP Desk moves daily.
 * @param {string} [basis] Fact basis: "won" (won deals, default) or "payments" (needs invoices).
 * @param {Array<Array<string|number|Date>>} [invoices] The Invoices table, for the payments basis.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_PLAN_FACT = (
  plans: unknown,
  deals: unknown,
  period: unknown,
  level?: unknown,
  asOf?: unknown,
  basis?: unknown,
  invoices?: unknown,
) => analytics.SALES_PLAN_FACT(plans, deals, period, level, asOf, basis, invoices);

/**
 * @preserve
 * Forecast for a period: fact, weighted pipeline (open deals closing in the period x their
 * probability), forecast = fact + pipeline, run-rate, coverage and the coverage 1 / win rate needs.
 * Прогноз на период: факт, взвешенная воронка (открытые сделки с закрытием в периоде x
 * вероятность), прогноз = факт + воронка, прогноз по темпу, покрытие и нужное покрытие.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|number>>} plans The Plans table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @param {Date} [asOf] The date to compute at: pass ROP_TODAY, which ROP Desk moves daily.
 * @param {string} [basis] Fact basis: "won" (won deals, default) or "payments" (needs invoices).
 * @param {Array<Array<string|number|Date>>} [invoices] The Invoices table, for the payments basis.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_FORECAST = (
  deals: unknown,
  plans: unknown,
  period: unknown,
  asOf?: unknown,
  basis?: unknown,
  invoices?: unknown,
) => analytics.SALES_FORECAST(deals, plans, period, asOf, basis, invoices);

/**
 * @preserve
 * Forecast for the next months: a seasonal model of the monthly fact (Holt-Winters on 24+ months)
 * blended with the pipeline by their measured accuracy, with a band, the last year's backtest
 * (MAPE, bias) and each method's part.
 * Прогноз на следующие месяцы: сезонная модель месячного факта (Хольт — Уинтерс от 24 мес.)
 * вместе с воронкой, в пропорции их измеренной точности; полоса, проверка на прошлом годе
 * (MAPE, смещение) и вклад каждого метода.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {number} [periods] Months to forecast after the current one, 1-12 (default 3).
 * @param {number} [history_months] Months of fact the model may use, 1-36 (default 36).
 * @param {Date} [asOf] The date to compute at: pass ROP_TODAY, which ROP Desk moves daily.
 * @param {string} [level] "company" (default), "team" or "manager".
 * @param {string} [basis] Fact basis: "won" (won deals, default) or "payments" (needs invoices).
 * @param {Array<Array<string|number|Date>>} [invoices] The Invoices table, for the payments basis.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_FORECAST_NEXT = (
  deals: unknown,
  periods?: unknown,
  history_months?: unknown,
  asOf?: unknown,
  level?: unknown,
  basis?: unknown,
  invoices?: unknown,
) => analytics.SALES_FORECAST_NEXT(deals, periods, history_months, asOf, level, basis, invoices);

/**
 * @preserve
 * Stage-to-stage conversion funnel with drop-off, by cohort of deals created in the range;
 * skipped stages count as reached, moves back are ignored.
 * Воронка конверсии между этапами с потерями, по когорте сделок, созданных в диапазоне дат;
 * пропущенные этапы считаются пройденными, возвраты назад не учитываются.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|Date>>} stageHistory The Stage history table with its header row.
 * @param {Date} [from] First creation date of the cohort.
 * @param {Date} [to] Last creation date of the cohort.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_FUNNEL = (deals: unknown, stageHistory: unknown, from?: unknown, to?: unknown) =>
  analytics.SALES_FUNNEL(deals, stageHistory, from, to);

/**
 * @preserve
 * Tasks done on time per manager, for the tasks due in a period (cancelled ones aside).
 * Задачи, выполненные в срок, по менеджерам: задачи со сроком в периоде (отменённые не считаются).
 *
 * @param {Array<Array<string|Date>>} tasks The Tasks table with its header row.
 * @param {string|Date} period "2026-11", "2026-Q4", "2026" or a date in the month.
 * @param {string} [manager] Only this manager (email or name).
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_TASKS = (tasks: unknown, period: unknown, manager?: unknown) =>
  analytics.SALES_TASKS(tasks, period, manager);

/**
 * @preserve
 * Deal KPIs for deals closed in a period: win rate (by count and by value), average deal,
 * sales cycle (median and mean), sales velocity, close dates pushed 3+ times.
 * Показатели сделок, закрытых в периоде: конверсия в успех (по числу и по сумме), средний чек,
 * цикл сделки (медиана и среднее), скорость продаж, переносы даты закрытия 3+ раз.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @param {string} [manager] A manager's email to filter by.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_KPI = (deals: unknown, period: unknown, manager?: unknown) =>
  analytics.SALES_KPI(deals, period, manager);

/**
 * @preserve
 * Receivables aging per client: outstanding = invoiced - paid; current, 1-30, 31-60, 61-90,
 * 90+ days past the due date; a total row.
 * Дебиторская задолженность по клиентам: долг = выставлено - оплачено; срок не наступил,
 * 1-30, 31-60, 61-90, более 90 дней просрочки; строка итога.
 *
 * @param {Array<Array<string|number|Date>>} invoices The Invoices table with its header row.
 * @param {Date} [asOf] The date to compute at: pass ROP_TODAY, which ROP Desk moves daily.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_AGING = (invoices: unknown, asOf?: unknown) => analytics.SALES_AGING(invoices, asOf);

/**
 * @preserve
 * Bonus statement per manager for a period, by the scheme table (flat, marginal tiers, or a
 * threshold with a retroactive rate and accelerator), with the calculation spelled out.
 * Расчёт премии менеджеров за период по таблице схемы мотивации (фикс. процент, прогрессивная
 * шкала или порог с ретроактивной ставкой и ускорителем), с расписанным расчётом.
 *
 * @param {Array<Array<string|number>>} plans The Plans table with its header row.
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|number>>} scheme The bonus scheme table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @param {Array<Array<string|number|Date>>} [invoices] The Invoices table: overdue debts, payments.
 * @param {string} [basis] Fact basis: "won" (won deals, default) or "payments" (needs invoices).
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_BONUS = (
  plans: unknown,
  deals: unknown,
  scheme: unknown,
  period: unknown,
  invoices?: unknown,
  basis?: unknown,
) => analytics.SALES_BONUS(plans, deals, scheme, period, invoices, basis);

/**
 * @preserve
 * Forgotten deals: open deals whose days since the last activity exceed the stage's limit
 * (planned future steps do not count); snoozed deals listed last.
 * Забытые сделки: открытые сделки, у которых дней без активности больше лимита этапа
 * (запланированные шаги не в счёт); отложенные — в конце списка.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|number|Date>>} activities The Activities table with its header row.
 * @param {Array<Array<string|number>>} settings The stages table (stage, probability, rotting days, kind).
 * @param {Date} [asOf] The date to compute at: pass ROP_TODAY, which ROP Desk moves daily.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_STALE = (deals: unknown, activities: unknown, settings: unknown, asOf?: unknown) =>
  analytics.SALES_STALE(deals, activities, settings, asOf);

/**
 * @preserve
 * Working days between two dates, both included, by the Russian calendar (Mon-Fri, public
 * holidays with the art. 112 carry-over), plus your own days off and working days.
 * Рабочие дни между датами включительно по российскому календарю (пн-пт, праздники с переносом
 * по ст. 112 ТК), плюс ваши выходные и рабочие дни.
 *
 * @param {Date} start First day.
 * @param {Date} end Last day.
 * @param {Array<Array<Date|boolean>>} [holidays] Extra holidays, or the calendar table (date, day off).
 * @return {number} The number of working days.
 * @customfunction
 */
global.WORKDAYS_RU = (start: unknown, end: unknown, holidays?: unknown) =>
  analytics.WORKDAYS_RU(start, end, holidays);

/**
 * @preserve
 * Plan defence: from the last months of history, per manager, team and company - leads a month,
 * lead-to-win conversion, average deal, cycle - what is achievable at current rates (with
 * ramp-up), the gap to the target, and the leads, conversion or average deal that alone would
 * close it, or the hires needed.
 * Защита плана: по последним месяцам истории для менеджеров, команд и компании - лидов в месяц,
 * конверсия лид -> успех, средний чек, цикл; что реально при текущих показателях (с учётом входа
 * в должность), разрыв до цели и сколько лидов, какая конверсия или чек закроют его, либо сколько
 * нанять.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|number|Date>>} managers The Managers table with its header row.
 * @param {string} period The plan period: "2027", "2027-Q1" or "2027-03".
 * @param {number} [historyMonths] Months of history to take the rates from (1-36, default 12).
 * @param {number} [target] The proposed target for the period, in the workbook currency.
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_CAPACITY = (
  deals: unknown,
  managers: unknown,
  period: unknown,
  historyMonths?: unknown,
  target?: unknown,
) => analytics.SALES_CAPACITY(deals, managers, period, historyMonths, target);

/**
 * @preserve
 * The budget's plan vs actual per line and month: remaining, share used, the run-rate projection
 * to the period's end and a status (on plan, will overspend at this pace, overspent).
 * План и факт бюджета по статьям и месяцам: остаток, доля освоения, прогноз по темпу до конца
 * периода и статус (в плане, перерасход по темпу, перерасход).
 *
 * @param {Array<Array<string|number|Date>>} budget The Budget table with its header row.
 * @param {Array<Array<string|number|Date>>} spend The Spend table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_BUDGET = (budget: unknown, spend: unknown, period: unknown) =>
  analytics.SALES_BUDGET(budget, spend, period);

/**
 * @preserve
 * Cost of acquisition by lead source: spend, leads, won deals, revenue, cost per lead, cost per
 * won deal (CAC) and revenue per rouble spent (ROMI); by "month" for the trend.
 * Стоимость привлечения по источникам: расход, лиды, выигранные сделки, выручка, цена лида,
 * цена сделки (CAC) и выручка на рубль расхода (ROMI); с "месяц" — по месяцам.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|number|Date>>} spend The Spend table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @param {string} [by] "source" (default) or "month".
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_CAC = (deals: unknown, spend: unknown, period: unknown, by?: unknown) =>
  analytics.SALES_CAC(deals, spend, period, by);

/**
 * @preserve
 * Price realisation of deals closed in the period: per manager (or "product") the average
 * discount, revenue given away in discounts, win rate with and without a discount; then the win
 * rate by discount band.
 * Реализация цены по сделкам, закрытым в периоде: по менеджерам (или "товар") средняя скидка,
 * выручка, отданная скидками, конверсия со скидкой и без; затем конверсия по размеру скидки.
 *
 * @param {Array<Array<string|number|Date>>} deals The Deals table with its header row.
 * @param {Array<Array<string|number|Date>>} lines The Deal lines table with its header row.
 * @param {string} period "2026-11", "2026-Q4" or "2026".
 * @param {string} [by] "manager" (default) or "product".
 * @return {Array<Array<string|number>>} A table with a header row.
 * @customfunction
 */
global.SALES_DISCOUNTS = (deals: unknown, lines: unknown, period: unknown, by?: unknown) =>
  analytics.SALES_DISCOUNTS(deals, lines, period, by);
