/**
 * Settings (head of sales only): funnel stages with probability and rotting limit, response
 * limit, reminder hour and recipients, language, currency, fact basis, bonus scheme, holidays;
 * reminders on/off with the trigger's owner and last run. Saving sends the whole form; the
 * server validates and answers with field errors (keyed "stages.2.probability" etc.) or the
 * saved settings. The form keeps what was typed when a save fails.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  BonusTierView,
  HolidayView,
  Lang,
  RemindersView,
  SettingsForm,
  SettingsView,
  StageOption,
} from '../src/shared/contract';
import type { SidebarKey as MessageKey } from './i18n';
import { call } from './rpc';
import { tr } from './i18n';
import { instant } from './format';
import { ErrorBox, Loading, Notice, Select, TextField, fieldErrors, useCall, useId } from './ui';

export function SettingsPanel({ onSaved }: { onSaved: (s: SettingsForm) => void }) {
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [reminders, setReminders] = useState<RemindersView | null>(null);
  const [flash, setFlash] = useState('');
  const [domain, setDomain] = useState('');
  const load = useCall();
  const save = useCall();
  const toggle = useCall();
  const errors = fieldErrors(save.error);

  const apply = (v: SettingsView) => {
    setForm(v.settings);
    setReminders(v.reminders);
    setDomain(v.domain);
  };
  const fetchView = () =>
    load
      .run(() => call('getSettings', {}))
      .then((v) => {
        if (v) apply(v);
      });
  useEffect(() => {
    void fetchView();
  }, []);

  if (!form) {
    return load.error ? (
      <ErrorBox error={load.error} onRetry={() => void fetchView()} />
    ) : (
      <Loading />
    );
  }

  const patch = (p: Partial<SettingsForm>) => {
    setForm({ ...form, ...p });
    setFlash('');
  };
  const num = (v: string): number => (v.trim() === '' ? NaN : Number(v.replace(',', '.')));

  async function submit(e: Event) {
    e.preventDefault();
    if (!form) return;
    setFlash('');
    const v = await save.run(() => call('saveSettings', form));
    if (v) {
      apply(v);
      // The language may have just changed: switch first, then say it in the new one.
      onSaved(v.settings);
      setFlash(tr('sb.saved'));
    }
  }

  return (
    <div class="settings">
      {reminders ? (
        <section class="card reminders" aria-labelledby="h-reminders">
          <h2 id="h-reminders" class="section-title">
            {tr('sb.set.reminders')}
            <span class={reminders.on ? 'chip good' : 'chip'} data-testid="reminders-state">
              {tr(reminders.on ? 'sb.set.remindersOn' : 'sb.set.remindersOff')}
            </span>
          </h2>
          {reminders.owner ? (
            <div class="card-meta">{tr('sb.set.owner', { email: reminders.owner })}</div>
          ) : null}
          <div class="card-meta">
            {tr('sb.set.lastRun', {
              at: reminders.lastRunAt ? instant(reminders.lastRunAt) : tr('sb.set.never'),
            })}
            {reminders.lastResult ? ` · ${reminders.lastResult}` : ''}
          </div>
          {reminders.stale ? <Notice kind="warn" text={tr('sb.set.stale')} /> : null}
          {toggle.error ? <ErrorBox error={toggle.error} /> : null}
          <button
            type="button"
            class={reminders.on ? 'btn' : 'btn primary'}
            disabled={toggle.busy}
            data-testid="reminders-toggle"
            onClick={async () => {
              const r = await toggle.run(() => call('setReminders', { on: !reminders.on }));
              if (r) setReminders(r);
            }}
          >
            {tr(reminders.on ? 'sb.set.turnOff' : 'sb.set.turnOn')}
          </button>
        </section>
      ) : null}
      <form onSubmit={submit} noValidate aria-busy={save.busy ? 'true' : 'false'}>
        <fieldset>
          <legend>{tr('sb.set.general')}</legend>
          <Select
            label={tr('sb.set.lang')}
            name="lang"
            value={form.lang}
            options={[
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
            onValue={(v) => patch({ lang: v as Lang })}
            error={errors.lang}
          />
          <TextField
            label={tr('sb.set.currency')}
            name="currency"
            value={form.currency}
            maxLength={3}
            onValue={(v) => patch({ currency: v.toUpperCase() })}
            error={errors.currency}
          />
          <Select
            label={tr('sb.set.factBasis')}
            name="factBasis"
            value={form.factBasis}
            options={[
              { value: 'won', label: tr('sb.set.factBasis.won') },
              { value: 'payments', label: tr('sb.set.factBasis.payments') },
            ]}
            onValue={(v) => patch({ factBasis: v as 'won' })}
          />
          <TextField
            label={tr('sb.set.responseLimit')}
            name="responseLimitMinutes"
            type="number"
            min={1}
            value={numText(form.responseLimitMinutes)}
            onValue={(v) => patch({ responseLimitMinutes: num(v) })}
            error={errors.responseLimitMinutes}
          />
          <TextField
            label={tr('sb.set.reminderHour')}
            name="reminderHour"
            type="number"
            min={0}
            max={23}
            value={numText(form.reminderHour)}
            onValue={(v) => patch({ reminderHour: num(v) })}
            error={errors.reminderHour}
          />
          <TextField
            label={tr('sb.set.digestLimit')}
            name="digestLimit"
            type="number"
            min={1}
            max={100}
            value={numText(form.digestLimit)}
            onValue={(v) => patch({ digestLimit: num(v) })}
            error={errors.digestLimit}
          />
          <TextField
            label={tr('sb.set.digestRepeat')}
            name="digestRepeatDays"
            type="number"
            min={1}
            max={60}
            value={numText(form.digestRepeatDays)}
            onValue={(v) => patch({ digestRepeatDays: num(v) })}
            error={errors.digestRepeatDays}
          />
          <TextField
            label={tr('sb.set.recipients')}
            name="reportRecipients"
            value={form.reportRecipients.join(', ')}
            onValue={(v) =>
              patch({
                reportRecipients: v.split(/[,;]/).map((s) => s.trim()),
              })
            }
            error={errors.reportRecipients}
          />
          {form.reportRecipients
            .map((r) => r.trim().toLowerCase())
            .filter((r) => r.includes('@') && (!domain || !r.endsWith(`@${domain}`)))
            .map((r) => (
              <label class="check" key={r}>
                <input
                  type="checkbox"
                  name="confirmRecipient"
                  checked={form.confirmedRecipients.includes(r)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    const rest = form.confirmedRecipients.filter((x) => x !== r);
                    patch({ confirmedRecipients: on ? [...rest, r] : rest });
                  }}
                />
                {tr('sb.set.confirmRecipient', { email: r })}
              </label>
            ))}
        </fieldset>

        <StagesEditor
          stages={form.stages}
          errors={errors}
          onChange={(stages) => patch({ stages })}
        />
        <BonusEditor bonus={form.bonus} errors={errors} onChange={(bonus) => patch({ bonus })} />
        <HolidaysEditor
          holidays={form.holidays}
          errors={errors}
          onChange={(holidays) => patch({ holidays })}
        />

        {save.error ? <ErrorBox error={save.error} /> : null}
        {flash ? <Notice text={flash} /> : null}
        <div class="form-buttons">
          <button type="submit" class="btn primary" disabled={save.busy}>
            {save.busy ? tr('sb.saving') : tr('sb.set.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

function numText(n: number | null): string {
  return n === null || Number.isNaN(n) ? '' : String(n);
}

function replaceAt<T>(list: T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

type Errors = Record<string, string>;

/** A small inline input for table-like rows (labelled for screen readers). */
function Cell(props: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string;
  type?: string;
  name: string;
  wide?: boolean;
  mid?: boolean;
}) {
  const id = useId('c');
  const size = props.wide ? ' wide' : props.mid ? ' mid' : '';
  return (
    <div class={`cell${size}${props.error ? ' invalid' : ''}`}>
      <label for={id} class="cell-label">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        title={props.error}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
      />
      {props.error ? <div class="field-error">{props.error}</div> : null}
    </div>
  );
}

function CellSelect(props: {
  label: string;
  value: string;
  options: Array<[string, MessageKey]>;
  onValue: (v: string) => void;
  name: string;
  mid?: boolean;
}) {
  const id = useId('c');
  return (
    <div class={props.mid ? 'cell mid' : 'cell'}>
      <label for={id} class="cell-label">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([v, k]) => (
          <option key={v} value={v}>
            {tr(k)}
          </option>
        ))}
      </select>
    </div>
  );
}

function RemoveButton({ onClick, what }: { onClick: () => void; what: string }) {
  return (
    <button
      type="button"
      class="btn small link"
      onClick={onClick}
      aria-label={`${tr('sb.set.remove')}: ${what}`}
    >
      {tr('sb.set.remove')}
    </button>
  );
}

function StagesEditor(props: {
  stages: StageOption[];
  errors: Errors;
  onChange: (s: StageOption[]) => void;
}) {
  const { stages, errors } = props;
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v.replace(',', '.')));
  return (
    <fieldset class="rows">
      <legend>{tr('sb.set.stages')}</legend>
      {errors.stages ? <div class="field-error">{errors.stages}</div> : null}
      {stages.map((s, i) => {
        const up = (p: Partial<StageOption>) =>
          props.onChange(replaceAt(stages, i, { ...s, ...p }));
        return (
          <div class="row-edit" key={i} data-row={i}>
            <Cell
              wide
              name={`stages.${i}.name`}
              label={tr('sb.set.stageName')}
              value={s.name}
              onValue={(v) => up({ name: v })}
              error={errors[`stages.${i}.name`]}
            />
            <RemoveButton
              what={s.name}
              onClick={() => props.onChange(stages.filter((_, j) => j !== i))}
            />
            <Cell
              name={`stages.${i}.probability`}
              type="number"
              label={tr('sb.set.probability')}
              value={numText(s.probability)}
              onValue={(v) => up({ probability: num(v) })}
              error={errors[`stages.${i}.probability`]}
            />
            <Cell
              name={`stages.${i}.rottingDays`}
              type="number"
              label={tr('sb.set.rotting')}
              value={numText(s.rottingDays)}
              onValue={(v) => up({ rottingDays: v.trim() === '' ? null : num(v) })}
              error={errors[`stages.${i}.rottingDays`]}
            />
            <CellSelect
              name={`stages.${i}.kind`}
              label={tr('sb.set.kind')}
              value={s.kind}
              options={[
                ['open', 'sb.set.kind.open'],
                ['won', 'sb.set.kind.won'],
                ['lost', 'sb.set.kind.lost'],
              ]}
              onValue={(v) => up({ kind: v as 'open' })}
            />
          </div>
        );
      })}
      <button
        type="button"
        class="btn small"
        onClick={() =>
          props.onChange([...stages, { name: '', kind: 'open', probability: 50, rottingDays: 7 }])
        }
      >
        {tr('sb.set.addStage')}
      </button>
    </fieldset>
  );
}

function BonusEditor(props: {
  bonus: BonusTierView[];
  errors: Errors;
  onChange: (b: BonusTierView[]) => void;
}) {
  const { bonus, errors } = props;
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v.replace(',', '.')));
  return (
    <fieldset class="rows">
      <legend>{tr('sb.set.bonus')}</legend>
      {bonus.map((b, i) => {
        const up = (p: Partial<BonusTierView>) =>
          props.onChange(replaceAt(bonus, i, { ...b, ...p }));
        const err = (k: string) => errors[`bonus.${i}.${k}`];
        return (
          <div class="row-edit" key={i} data-row={i}>
            <Cell
              wide
              name={`bonus.${i}.scheme`}
              label={tr('sb.set.scheme')}
              value={b.scheme}
              onValue={(v) => up({ scheme: v })}
              error={err('scheme')}
            />
            <RemoveButton
              what={b.scheme}
              onClick={() => props.onChange(bonus.filter((_, j) => j !== i))}
            />
            <CellSelect
              mid
              name={`bonus.${i}.kind`}
              label={tr('sb.set.bonusKind')}
              value={b.kind}
              options={[
                ['flat', 'sb.set.bonusKind.flat'],
                ['marginal', 'sb.set.bonusKind.marginal'],
                ['threshold', 'sb.set.bonusKind.threshold'],
              ]}
              onValue={(v) => up({ kind: v as 'flat' })}
            />
            <Cell
              name={`bonus.${i}.from`}
              type="number"
              label={tr('sb.set.from')}
              value={numText(b.from)}
              onValue={(v) => up({ from: num(v) })}
              error={err('from')}
            />
            <Cell
              name={`bonus.${i}.to`}
              type="number"
              label={tr('sb.set.to')}
              value={numText(b.to)}
              onValue={(v) => up({ to: v.trim() === '' ? null : num(v) })}
              error={err('to')}
            />
            <Cell
              name={`bonus.${i}.rate`}
              type="number"
              label={tr('sb.set.rate')}
              value={numText(b.rate)}
              onValue={(v) => up({ rate: num(v) })}
              error={err('rate')}
            />
            <Cell
              name={`bonus.${i}.multiplier`}
              type="number"
              label={tr('sb.set.multiplier')}
              value={numText(b.multiplier)}
              onValue={(v) => up({ multiplier: num(v) })}
              error={err('multiplier')}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={b.reduceByOverdue}
                onChange={(e) =>
                  up({ reduceByOverdue: (e.currentTarget as HTMLInputElement).checked })
                }
              />
              {tr('sb.set.reduce')}
            </label>
          </div>
        );
      })}
      <button
        type="button"
        class="btn small"
        onClick={() =>
          props.onChange([
            ...bonus,
            {
              scheme: bonus[bonus.length - 1]?.scheme ?? '',
              kind: 'marginal',
              from: 0,
              to: null,
              rate: 10,
              multiplier: 1,
              reduceByOverdue: false,
            },
          ])
        }
      >
        {tr('sb.set.addTier')}
      </button>
    </fieldset>
  );
}

function HolidaysEditor(props: {
  holidays: HolidayView[];
  errors: Errors;
  onChange: (h: HolidayView[]) => void;
}) {
  const { holidays, errors } = props;
  return (
    <fieldset class="rows">
      <legend>{tr('sb.set.holidays')}</legend>
      {holidays.map((h, i) => {
        const up = (p: Partial<HolidayView>) =>
          props.onChange(replaceAt(holidays, i, { ...h, ...p }));
        return (
          <div class="row-edit" key={i} data-row={i}>
            <Cell
              mid
              name={`holidays.${i}.day`}
              type="date"
              label={tr('sb.set.day')}
              value={h.day}
              onValue={(v) => up({ day: v })}
              error={errors[`holidays.${i}.day`]}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={h.dayOff}
                onChange={(e) => up({ dayOff: (e.currentTarget as HTMLInputElement).checked })}
              />
              {tr('sb.set.dayOff')}
            </label>
            <Cell
              wide
              name={`holidays.${i}.note`}
              label={tr('sb.set.note')}
              value={h.note}
              onValue={(v) => up({ note: v })}
            />
            <RemoveButton
              what={h.day}
              onClick={() => props.onChange(holidays.filter((_, j) => j !== i))}
            />
          </div>
        );
      })}
      <button
        type="button"
        class="btn small"
        onClick={() => props.onChange([...holidays, { day: '', dayOff: true, note: '' }])}
      >
        {tr('sb.set.addHoliday')}
      </button>
    </fieldset>
  );
}
