/**
 * The head's Money screen (Team tab): this month's budget per line against its plan, with the
 * run-rate warning, and what each lead source cost; the detail is in SALES_BUDGET / SALES_CAC.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MoneyBudgetLine, MoneyView } from '../src/shared/contract-money';
import type { Bootstrap } from '../src/shared/contract';
import { money as fmt } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { SCREENS } from './slots';
import { Bar, ErrorBox, Loading, useCall } from './ui';

function Line({ l, cur }: { l: MoneyBudgetLine; cur: string }) {
  const m = (k: number) => fmt(k, cur);
  return (
    <li data-status={l.status}>
      <b>{l.name || '—'}</b>
      {l.status === 'ok' ? null : <span class="chip hot">{tr(`msb.${l.status}`)}</span>}
      <Bar fraction={l.plan ? l.actual / l.plan : null} label={l.name} neutral />
      <div class="muted small">
        {tr('msb.line', { actual: m(l.actual), plan: m(l.plan), projection: m(l.projection) })}
      </div>
    </li>
  );
}

export function MoneyScreen({ boot }: { boot: Bootstrap }) {
  const [view, setView] = useState<MoneyView | null>(null);
  const c = useCall();
  const load = () =>
    void c.run(() => call('moneyView', { period: '' })).then((v) => v && setView(v));
  useEffect(load, []);
  const cur = boot.currency;
  if (!view) return c.error ? <ErrorBox error={c.error} onRetry={load} /> : <Loading />;
  return (
    <div class="money">
      <h3 class="section-title">{tr('msb.budget', { period: view.title })}</h3>
      {view.budget.length ? (
        <ul class="money-lines">
          {view.budget.map((l) => (
            <Line key={l.name} l={l} cur={cur} />
          ))}
        </ul>
      ) : (
        <p class="muted">{tr('msb.empty')}</p>
      )}
      <h3 class="section-title">{tr('msb.cac')}</h3>
      <ul class="money-sources">
        {view.sources.map((s) => (
          <li key={s.source}>
            <b>{s.source || tr('msb.noSource')}</b>
            <div class="muted small">
              {tr('msb.source', {
                spend: fmt(s.spend, cur),
                leads: s.leads,
                won: s.won,
                cac: s.cac === null ? '—' : fmt(s.cac, cur),
              })}
            </div>
          </li>
        ))}
      </ul>
      {view.notes.map((n) => (
        <p key={n} class="muted small">
          {n}
        </p>
      ))}
    </div>
  );
}

SCREENS.push({
  key: 'money',
  label: 'msb.tab',
  order: 50,
  visible: (boot) => boot.me.role === 'head' || boot.me.role === 'director',
  render: (boot) => <MoneyScreen boot={boot} />,
});
