/**
 * The Plans screen (head of sales, director): target, period and basis; spread over months and
 * split to people; a month table with a bar picture (orange ticks: last year); the diff against
 * the Plans sheet with ticks for hand-typed rows; write; the consistency check; the plan defence
 * sheet. Kept small: the page's size is a product limit.
 */
import { useState } from 'preact/hooks';
import type { PlanPreview, PlanWriteResult } from '../src/shared/contract-plans';
import type { Request } from '../src/shared/contract';
import { money } from './format';
import { tr, type SidebarKey } from './i18n';
import { call } from './rpc';
import { SCREENS } from './slots';
import { ErrorBox, Notice, Select, TextField, useCall } from './ui';

type Draft = Request<'planPreview'>;
type Form = Record<
  'period' | 'metric' | 'target' | 'growth' | 'spread' | 'weights' | 'split',
  string
>;
const CHOICES = {
  metric: ['revenue', 'wonDeals', 'newClients', 'activities'],
  spread: ['equal', 'workdays', 'seasonal', 'weights'],
  split: ['equal', 'share', 'capacity', 'none'],
};
const LETTER = { metric: 'm', spread: 's', split: 'p' };
const num = (s: string) => (s.trim() ? Number(s.replace(/\s/g, '').replace(',', '.')) : NaN);
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

function Bars({ p }: { p: PlanPreview }) {
  const max = Math.max(1, ...p.months.map((m) => Math.max(m.value, m.lastYear ?? 0)));
  const w = 280 / p.months.length;
  const y = (v: number) => 62 - (60 * v) / max;
  return (
    <svg viewBox="0 0 280 64" width="100%" aria-hidden="true">
      {p.months.map((m, i) => [
        <rect
          x={i * w + 2}
          y={y(m.value)}
          width={w - 4}
          height={62 - y(m.value)}
          fill={m.closed ? '#9aa5b1' : '#3b6fd6'}
        />,
        m.lastYear === null ? null : (
          <rect x={i * w + 2} y={y(m.lastYear)} width={w - 4} height={2} fill="#e08a1e" />
        ),
      ])}
    </svg>
  );
}

export function PlansScreen({ currency }: { currency: string }) {
  const [f, setF] = useState<Form>({
    period: String(new Date().getFullYear() + 1),
    metric: 'revenue',
    target: '',
    growth: '10',
    spread: 'workdays',
    weights: '',
    split: 'capacity',
  });
  const [respread, setRespread] = useState(false);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [done, setDone] = useState<PlanWriteResult | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [sheet, setSheet] = useState('');
  const c = useCall();
  const fmt = (v: number) => (f.metric === 'revenue' ? money(v, currency) : String(v));
  const text = (k: keyof Form, label: SidebarKey) => (
    <TextField label={tr(label)} name={k} value={f[k]} onValue={(v) => setF({ ...f, [k]: v })} />
  );
  const pick = (k: keyof typeof CHOICES) => (
    <Select
      label={tr(`sbp.${k}` as SidebarKey)}
      name={k}
      value={f[k]}
      options={CHOICES[k].map((v) => ({
        value: v,
        label: tr(`sbp.${LETTER[k]}.${v}` as SidebarKey),
      }))}
      onValue={(v) => setF({ ...f, [k]: v })}
    />
  );
  const draft = (): Draft =>
    ({
      ...f,
      respread,
      target: num(f.target),
      growth: num(f.growth),
      weights: f.weights
        .split(/[\s;]+/)
        .filter(Boolean)
        .map(num),
    }) as Draft;
  const got = (p: PlanPreview, r: PlanWriteResult | null) => {
    setPreview(p);
    setDone(r);
    setTicked([]);
  };
  const run = <T,>(p: () => Promise<T>, then: (v: T) => void) =>
    void c.run(p).then((v) => v && then(v));
  const hand = preview?.diff.filter((d) => d.hand) ?? [];
  const count = (k: string) => preview?.diff.filter((d) => d.kind === k).length ?? 0;
  return (
    <div class="plans">
      {text('period', 'sbp.period')}
      {pick('metric')}
      {text('target', 'sbp.target')}
      {f.target.trim() ? null : text('growth', 'sbp.growth')}
      {pick('spread')}
      {f.spread === 'weights' ? text('weights', 'sbp.weights') : null}
      {pick('split')}
      <label class="check">
        <input
          type="checkbox"
          name="respread"
          checked={respread}
          onChange={(e) => setRespread(checked(e))}
        />
        {tr('sbp.respread')}
      </label>
      <p />
      <button
        type="button"
        class="btn primary"
        disabled={c.busy}
        onClick={() =>
          run(
            () => call('planPreview', draft()),
            (p) => got(p, null),
          )
        }
      >
        {tr('sbp.preview')}
      </button>
      {c.error ? <ErrorBox error={c.error} /> : null}
      {preview ? (
        <div class="plan-preview">
          <Bars p={preview} />
          {preview.shortfall === null ? null : (
            <p>{tr('sbp.shortfall', { v: fmt(preview.shortfall) })}</p>
          )}
          <table style="width:100%;font-size:12px">
            {preview.months.map((m) => (
              <tr>
                <td>{m.period}</td>
                <td align="right">{fmt(m.value)}</td>
                <td align="right" class="muted">
                  {m.lastYear === null ? '—' : fmt(m.lastYear)}
                </td>
              </tr>
            ))}
          </table>
          <p>
            {tr('sbp.diff', {
              added: count('added'),
              changed: count('changed'),
              same: preview.unchanged,
            })}
          </p>
          {hand.length ? <p>{tr('sbp.hand')}</p> : null}
          {hand.slice(0, 50).map((d) => (
            <label class="check">
              <input
                type="checkbox"
                name="tick"
                checked={ticked.includes(d.key)}
                onChange={(e) =>
                  setTicked(checked(e) ? [...ticked, d.key] : ticked.filter((k) => k !== d.key))
                }
              />
              {`${d.name || d.target} ${d.period}: ${fmt(d.old ?? 0)} → ${fmt(d.value)}`}
            </label>
          ))}
          <button
            type="button"
            class="btn primary"
            disabled={c.busy || !preview.diff.length}
            onClick={() =>
              run(
                () => call('planWrite', { ...draft(), version: preview.version, ticked }),
                (r) => got(r.preview, r),
              )
            }
          >
            {tr('sbp.write')}
          </button>
        </div>
      ) : null}
      {done ? <Notice text={tr('sbp.written', { n: done.written, kept: done.kept })} /> : null}
      {done && !done.problems.length ? <Notice text={tr('sbp.ok')} /> : null}
      {done?.problems.slice(0, 10).map((p) => (
        <Notice
          kind="warn"
          text={tr('sbp.bad', { ...p, parent: fmt(p.parent), children: fmt(p.children) })}
        />
      ))}
      <div class="team-actions">
        <button
          type="button"
          class="btn"
          disabled={c.busy}
          onClick={() =>
            run(
              () => call('planDefence', { period: f.period, target: num(f.target), months: 12 }),
              (r) => setSheet(r.sheet),
            )
          }
        >
          {tr('sbp.defence')}
        </button>
        {sheet ? <Notice text={tr('sbp.sheet', { sheet })} /> : null}
      </div>
    </div>
  );
}

SCREENS.push({
  key: 'plans',
  label: 'sbp',
  order: 10,
  visible: (boot) => boot.can.team,
  render: (boot) => <PlansScreen currency={boot.currency} />,
});

// The "Plans…" menu item asks for this screen (src/gas/ui.ts): open it once the shell is drawn.
const press = (selector: string, then?: () => void, n = 100): void => {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    el.click();
    then?.();
  } else if (n) setTimeout(() => press(selector, then, n - 1), 100);
};
if ((window as { ROPDESK_SCREEN?: string }).ROPDESK_SCREEN === 'plans') {
  press('#tab-team', () => press('[data-screen="plans"]'));
}
