/**
 * Team (head of sales, director): plan-fact per manager with progress bars, run-rate forecast and
 * the daily pace still needed, the funnel, discipline counters, receivables, and the two buttons
 * that act on the whole team (refresh the Dashboard sheet, send the weekly report now).
 */
import { useEffect, useState } from 'preact/hooks';
import type { AgingBucket, Bootstrap, ManagerRow, TeamView } from '../src/shared/contract';
import type { SidebarKey as MessageKey } from './i18n';
import { call } from './rpc';
import { tr } from './i18n';
import { money, percent } from './format';
import { parsePeriod, periodContaining, shiftPeriod, type PeriodKind } from '../src/shared/period';
import { Bar, ErrorBox, Loading, Notice, useCall } from './ui';
import { ordered, TEAM_SECTIONS } from './slots';
import { Columns, FunnelChart, Stacks } from './charts';

type Kind = PeriodKind;

/** The neighbouring period of the same kind. */
function shiftLabel(period: string, by: number): string {
  const p = parsePeriod(period);
  return p ? shiftPeriod(p, by).label : period;
}

/** The period of another kind that contains this one's start. */
function periodAs(period: string, kind: Kind): string {
  const p = parsePeriod(period);
  return p ? periodContaining(p.start, kind).label : period;
}

export function TeamPanel({ boot }: { boot: Bootstrap }) {
  const [period, setPeriod] = useState('');
  const [view, setView] = useState<TeamView | null>(null);
  const load = useCall();
  const action = useCall();
  const [flash, setFlash] = useState('');

  const fetchView = (p: string) =>
    load
      .run(() => call('team', { period: p }))
      .then((v) => {
        if (v) setView(v);
      });
  useEffect(() => {
    void fetchView(period);
  }, [period]);

  const cur = view?.currency ?? boot.currency;
  const m = (k: number) => money(k, cur);

  return (
    <div class="team">
      <div class="period-nav">
        <select
          aria-label={tr('sb.team.period')}
          name="periodKind"
          value={view ? (parsePeriod(view.period)?.kind ?? 'month') : 'month'}
          disabled={!view || load.busy}
          onChange={(e) =>
            view &&
            setPeriod(periodAs(view.period, (e.currentTarget as HTMLSelectElement).value as Kind))
          }
        >
          <option value="month">{tr('sb.team.kind.month')}</option>
          <option value="quarter">{tr('sb.team.kind.quarter')}</option>
          <option value="year">{tr('sb.team.kind.year')}</option>
        </select>
        <button
          type="button"
          class="btn small"
          aria-label={tr('sb.team.prev')}
          disabled={!view || load.busy}
          onClick={() => view && setPeriod(shiftLabel(view.period, -1))}
        >
          ‹
        </button>
        <span class="period" aria-live="polite">
          <strong>{view?.period ?? '…'}</strong>
        </span>
        <button
          type="button"
          class="btn small"
          aria-label={tr('sb.team.next')}
          disabled={!view || load.busy}
          onClick={() => view && setPeriod(shiftLabel(view.period, 1))}
        >
          ›
        </button>
      </div>
      {load.busy ? <Loading /> : null}
      {load.error ? <ErrorBox error={load.error} onRetry={() => void fetchView(period)} /> : null}
      {view && !load.error ? (
        <>
          <section class="company card" aria-labelledby="h-company">
            <h2 id="h-company" class="section-title">
              {tr('sb.team.company')}
            </h2>
            <PlanFact row={view.company} m={m} name={tr('sb.team.company')} />
            <Trend row={view.company} periods={view.trendPeriods} name={tr('sb.team.company')} />
            <div class="muted small">
              {tr('sb.team.days', {
                elapsed: view.workingDays.elapsed,
                total: view.workingDays.total,
                left: view.workingDays.left,
              })}
            </div>
          </section>
          <section aria-labelledby="h-managers">
            <h2 id="h-managers" class="section-title">
              {tr('sb.team.managers')}
            </h2>
            {view.managers.length ? null : <p class="muted">{tr('sb.team.empty')}</p>}
            <ul class="cards">
              {view.managers.map((r) => (
                <ManagerCard key={r.email} row={r} m={m} periods={view.trendPeriods} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="h-funnel">
            <h2 id="h-funnel" class="section-title">
              {tr('sb.team.funnel')}
            </h2>
            <Funnel view={view} />
          </section>
          <section aria-labelledby="h-receivables">
            <h2 id="h-receivables" class="section-title">
              {tr('sb.team.receivables')}
            </h2>
            <dl class="kv">
              <dt>{tr('sb.team.outstanding')}</dt>
              <dd>{m(view.receivables.outstanding)}</dd>
              <dt>{tr('sb.team.overdue')}</dt>
              <dd class={view.receivables.overdue ? 'warn-text' : ''}>
                {m(view.receivables.overdue)}
              </dd>
            </dl>
            <Aging view={view} m={m} />
          </section>
        </>
      ) : null}
      <div class="team-actions">
        {flash ? <Notice text={flash} /> : null}
        {action.error ? <ErrorBox error={action.error} /> : null}
        <button
          type="button"
          class="btn"
          disabled={action.busy}
          onClick={async () => {
            setFlash('');
            // The Dashboard shows the period the panel shows.
            const r = await action.run(() =>
              call('refreshDashboard', { period: view?.period ?? '' }),
            );
            if (r) setFlash(tr('sb.team.refreshed'));
          }}
        >
          {tr('sb.team.refresh')}
        </button>
        {boot.can.weeklyReport ? (
          <button
            type="button"
            class="btn"
            disabled={action.busy}
            onClick={async () => {
              setFlash('');
              const r = await action.run(() => call('sendWeeklyReport', {}));
              if (r) setFlash(tr('sb.team.weeklySent', { sent: r.sent, skipped: r.skipped }));
            }}
          >
            {tr('sb.team.weekly')}
          </button>
        ) : null}
      </div>
      {view
        ? ordered(TEAM_SECTIONS).map((slot) => (
            <div key={slot.key} data-slot={slot.key}>
              {slot.render({ boot, period: view.period })}
            </div>
          ))
        : null}
    </div>
  );
}

type Figures = Omit<ManagerRow, 'email' | 'name' | 'team'>;

function PlanFact({ row, m, name }: { row: Figures; m: (k: number) => string; name: string }) {
  return (
    <div class="planfact">
      <div class="pf-line">
        <span>
          {tr('sb.team.fact')} <strong>{m(row.fact)}</strong>
        </span>
        <span class="pf-pct">{row.plan ? percent(row.completion) : tr('sb.team.noPlan')}</span>
      </div>
      <Bar
        fraction={row.plan ? row.completion : null}
        label={`${name}: ${percent(row.completion)}`}
      />
      <div class="pf-grid">
        <span>{tr('sb.team.plan')}</span>
        <span>{m(row.plan)}</span>
        <span>{tr('sb.team.forecast')}</span>
        <span class={row.plan && row.forecast < row.plan ? 'warn-text' : ''}>
          {m(row.forecast)}
        </span>
        <span>{tr('sb.team.pace')}</span>
        <span>
          {row.requiredDailyPace === null ? tr('sb.team.noDaysLeft') : m(row.requiredDailyPace)}
        </span>
      </div>
    </div>
  );
}

/** "2026-06" → "06.26", "2026-Q2" → "Q2.26", "2026" stays. */
const short = (p: string): string => p.replace(/^\d\d(\d\d)-(.+)$/, '$2.$1');

function Trend({ row, periods, name }: { row: Figures; periods: string[]; name: string }) {
  const list = periods
    .map((p, i) => `${p} ${row.trend[i] == null ? tr('pic.noPlan') : percent(row.trend[i])}`)
    .join(', ');
  return (
    <Columns
      kind="trend"
      values={row.trend}
      labels={periods.map(short)}
      text={percent}
      goal={1}
      tones
      label={`${name}. ${tr('pic.trend', { list })}`}
    />
  );
}

function ManagerCard(props: { row: ManagerRow; m: (k: number) => string; periods: string[] }) {
  const { row, m } = props;
  const chips: Array<[MessageKey, number, string]> = [
    ['sb.team.forgotten', row.forgotten, String(row.forgotten)],
    ['sb.team.snoozed', row.snoozed, String(row.snoozed)],
    ['sb.team.unprocessed', row.unprocessed, String(row.unprocessed)],
    ['sb.team.breaches', row.responseBreaches, String(row.responseBreaches)],
  ];
  return (
    <li class="card" data-manager={row.email}>
      <div class="card-title">{row.name || row.email}</div>
      {row.team ? <div class="card-meta">{row.team}</div> : null}
      <PlanFact row={row} m={m} name={row.name || row.email} />
      <Trend row={row} periods={props.periods} name={row.name || row.email} />
      <div class="chips">
        {chips
          .filter(([, n]) => n > 0)
          .map(([key, , text]) => (
            <span key={key} class="chip hot">
              {tr(key, { n: text })}
            </span>
          ))}
        {row.overdueReceivables ? (
          <span class="chip hot">{tr('sb.team.debt', { amount: m(row.overdueReceivables) })}</span>
        ) : null}
      </div>
    </li>
  );
}

function Funnel({ view }: { view: TeamView }) {
  const steps = view.funnel.map((f) => ({
    name: f.stage,
    value: f.reached,
    text: f.conversion === null ? String(f.reached) : `${f.reached} · ${percent(f.conversion)}`,
  }));
  return (
    <FunnelChart
      steps={steps}
      label={`${tr('sb.team.funnel')}: ${steps.map((x) => `${x.name} ${x.text}`).join(', ')}`}
    />
  );
}

function Aging({ view, m }: { view: TeamView; m: (k: number) => string }) {
  const names = view.receivables.aging.map((b) => tr(`sb.team.aging.${b.key}` as MessageKey));
  const legend = view.receivables.aging.map((b, i) => `${names[i]}: ${m(b.amount)}`);
  const row = (name: string, aging: AgingBucket[]) => ({
    name,
    text: m(aging.reduce((s, b) => s + b.amount, 0)),
    parts: aging.map((b) => b.amount),
  });
  const rows = view.managers
    .filter((r) => r.aging.some((b) => b.amount > 0))
    .map((r) => row(r.name || r.email, r.aging));
  return (
    <Stacks
      total={row(tr('sb.team.outstanding'), view.receivables.aging)}
      legend={legend}
      rows={rows}
      rowsTitle={tr('pic.byManager')}
      label={`${tr('sb.team.receivables')}: ${[legend.join(', '), ...rows.map((r) => `${r.name} ${r.text}`)].join('; ')}`}
    />
  );
}
