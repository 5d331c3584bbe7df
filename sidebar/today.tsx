/**
 * Today: the signed-in person's own forgotten deals, unprocessed leads, overdue next steps and
 * overdue invoices, each with one-click actions. Every action answers with the refreshed lists,
 * so a deal that is no longer forgotten leaves the screen after one round trip.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  ActivityKind,
  Bootstrap,
  DealItem,
  InvoiceItem,
  LeadItem,
  RecordSheet,
  TodayView,
} from '../src/shared/contract';
import type { SidebarKey as MessageKey } from './i18n';
import { isOtherReason } from '../src/shared/lost-reason';
import { call, CallError } from './rpc';
import { ClientSection, MyPlanCard } from './today-extra';
import { DealCardScreen } from './deal-card';
import { ordered, TODAY_SECTIONS } from './slots';
import { tr } from './i18n';
import { currencySign, day, moneyOf, plusDays } from './format';
import {
  ErrorBox,
  Notice,
  Select,
  TextArea,
  TextField,
  errorText,
  fieldErrors,
  useCall,
} from './ui';

type Mode = 'log' | 'snooze' | 'stage' | 'won' | 'lost';

interface Props {
  boot: Bootstrap;
  view: TodayView;
  onView: (v: TodayView) => void;
}

export function TodayPanel({ boot, view, onView }: Props) {
  const [flash, setFlash] = useState('');
  const reload = useCall();
  const [card, setCard] = useState<string | null>(null);
  const done = (v: TodayView, message: string) => {
    onView(v);
    setFlash(message);
  };
  // People also work in the sheet itself: the lists can be re-read without reopening the panel.
  const refresh = async () => {
    setFlash('');
    const v = await reload.run(() => call('today', {}));
    if (v) onView(v);
  };
  const empty = view.count === 0 && !view.dueToday.length;
  // The day's plan: overdue steps first (oldest first), then the steps due today.
  const planned = [...view.overdueSteps, ...view.dueToday];
  if (card) {
    return (
      <DealCardScreen
        boot={boot}
        dealId={card}
        asOf={view.asOf}
        onView={onView}
        onBack={() => setCard(null)}
      />
    );
  }
  return (
    <div class="today">
      <div class="today-head">
        <span class="muted small">{tr('sb.today.asOf', { date: day(view.asOf) })}</span>
        <button
          type="button"
          class="btn small"
          data-testid="today-refresh"
          disabled={reload.busy}
          onClick={() => void refresh()}
        >
          {reload.busy ? tr('sb.loading') : tr('sb.refresh')}
        </button>
      </div>
      {reload.error ? <ErrorBox error={reload.error} onRetry={() => void refresh()} /> : null}
      {flash ? <Notice text={flash} /> : null}
      {view.plan ? <MyPlanCard plan={view.plan} currency={boot.currency} /> : null}
      {ordered(TODAY_SECTIONS).map((slot) => (
        <div key={slot.key} data-slot={slot.key}>
          {slot.render({ boot, refresh: () => void refresh() })}
        </div>
      ))}
      {empty ? <p class="all-clear">{tr('sb.today.allClear')}</p> : null}
      <DealSection
        id="forgotten"
        title="sb.today.forgotten"
        items={view.forgotten}
        boot={boot}
        asOf={view.asOf}
        onDone={done}
        onOpen={setCard}
        meta={(d) => tr('sb.today.idle', { days: d.idleDays ?? 0 })}
        asOfDay={view.asOf}
      />
      <DealSection
        id="unprocessed"
        title="sb.today.unprocessed"
        items={view.unprocessed}
        boot={boot}
        asOf={view.asOf}
        onDone={done}
        onOpen={setCard}
        meta={(d) => tr('sb.today.waiting', { minutes: (d as LeadItem).minutesWaiting ?? 0 })}
        asOfDay={view.asOf}
      />
      <DealSection
        id="overdueSteps"
        title="sb.today.planned"
        items={planned}
        boot={boot}
        asOf={view.asOf}
        onDone={done}
        onOpen={setCard}
        meta={(d) =>
          d.nextStepDate && d.nextStepDate < view.asOf
            ? tr('sb.today.stepOverdue', { date: day(d.nextStepDate) })
            : tr('sb.today.stepToday', { step: d.nextStep || '—' })
        }
      />
      <DealSection
        id="noNextStep"
        title="sb.today.noNextStep"
        items={view.noNextStep}
        boot={boot}
        asOf={view.asOf}
        onDone={done}
        onOpen={setCard}
        meta={() => tr('sb.today.noStep')}
      />
      <ClientSection items={view.forgottenClients} />
      <InvoiceSection items={view.overdueInvoices} onOpen={setCard} />
    </div>
  );
}

export function SectionHead({
  id,
  title,
  count,
}: {
  id: string;
  title: MessageKey;
  count: number;
}) {
  return (
    <h2 id={`h-${id}`} class="section-title">
      {tr(title)}
      <span class={count ? 'count hot' : 'count'}>{count}</span>
    </h2>
  );
}

function DealSection(props: {
  id: string;
  title: MessageKey;
  items: DealItem[];
  boot: Bootstrap;
  asOf: string;
  meta: (d: DealItem) => string;
  /** Set for lists whose cards should also flag an overdue next step. */
  asOfDay?: string;
  onDone: (v: TodayView, message: string) => void;
  onOpen: (id: string) => void;
}) {
  if (!props.items.length) return null;
  const meta = (d: DealItem): string => {
    const base = props.meta(d);
    if (props.asOfDay && d.nextStepDate && d.nextStepDate < props.asOfDay) {
      return `${base} · ${tr('sb.today.stepOverdue', { date: day(d.nextStepDate) })}`;
    }
    return base;
  };
  return (
    <section aria-labelledby={`h-${props.id}`} data-section={props.id}>
      <SectionHead id={props.id} title={props.title} count={props.items.length} />
      <ul class="cards">
        {props.items.map((d) => (
          <DealCard
            key={d.id}
            deal={d}
            boot={props.boot}
            asOf={props.asOf}
            meta={meta(d)}
            onDone={props.onDone}
            onOpen={props.onOpen}
          />
        ))}
      </ul>
    </section>
  );
}

function InvoiceSection({ items, onOpen }: { items: InvoiceItem[]; onOpen: (id: string) => void }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="h-overdueInvoices" data-section="overdueInvoices">
      <SectionHead id="overdueInvoices" title="sb.today.overdueInvoices" count={items.length} />
      <ul class="cards">
        {items.map((inv) => (
          <li class="card" key={inv.id} data-id={inv.id}>
            <button
              type="button"
              class="card-title link"
              disabled={!inv.dealId}
              onClick={() => onOpen(inv.dealId)}
            >
              {inv.clientName}
            </button>
            <div class="card-sub">
              {inv.number ? `№ ${inv.number} · ` : ''}
              <strong>{moneyOf(inv.outstanding)}</strong>
            </div>
            <div class="card-meta warn-text">
              {tr('sb.today.due', { date: day(inv.dueDate), days: inv.daysOverdue })}
            </div>
            <div class="actions">
              <OpenButton sheet="invoices" id={inv.id} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OpenButton({ sheet, id }: { sheet: RecordSheet; id: string }) {
  const c = useCall();
  return (
    <>
      <button
        type="button"
        class="btn small"
        disabled={c.busy}
        aria-label={`${tr('sb.act.open')} ${id}`}
        onClick={() => c.run(() => call('openRecord', { sheet, id }))}
      >
        {tr('sb.act.open')}
      </button>
      {c.error ? <div class="field-error">{errorText(c.error)}</div> : null}
    </>
  );
}

const ACTIONS: Array<[Mode, MessageKey]> = [
  ['log', 'sb.act.log'],
  ['snooze', 'sb.act.snooze'],
  ['stage', 'sb.act.stage'],
  ['won', 'sb.act.won'],
  ['lost', 'sb.act.lost'],
];

function DealCard(props: {
  deal: DealItem;
  boot: Bootstrap;
  asOf: string;
  meta: string;
  onDone: (v: TodayView, message: string) => void;
  onOpen: (id: string) => void;
}) {
  const { deal } = props;
  return (
    <li class="card" data-id={deal.id}>
      <button type="button" class="card-title link" onClick={() => props.onOpen(deal.id)}>
        {deal.clientName || deal.title}
      </button>
      <div class="card-sub">
        {[deal.title, deal.stage].filter(Boolean).join(' · ')}
        {deal.amount ? (
          <>
            {' · '}
            <strong>{moneyOf(deal.amount)}</strong>
          </>
        ) : null}
      </div>
      <div class="card-meta">{props.meta}</div>
      {deal.nextStep ? <div class="card-step">→ {deal.nextStep}</div> : null}
      <DealActions {...props} />
    </li>
  );
}

/** The one-click actions on a deal, in a Today list and on the deal card alike. */
export function DealActions(props: {
  deal: DealItem;
  boot: Bootstrap;
  asOf: string;
  onDone: (v: TodayView, message: string) => void;
}) {
  const { deal, boot } = props;
  const [mode, setMode] = useState<Mode | null>(null);
  const formId = `act-${deal.id}`;
  return (
    <>
      <div
        class="actions"
        role="group"
        aria-label={tr('sb.act.actionsFor', { name: deal.title || deal.id })}
      >
        {ACTIONS.map(([m, label]) => (
          <button
            key={m}
            type="button"
            class={mode === m ? 'btn small active' : 'btn small'}
            aria-expanded={mode === m ? 'true' : 'false'}
            aria-controls={formId}
            data-action={m}
            onClick={() => setMode(mode === m ? null : m)}
          >
            {tr(label)}
          </button>
        ))}
        <OpenButton sheet="deals" id={deal.id} />
      </div>
      {mode ? (
        <div id={formId}>
          <ActionForm
            key={mode}
            mode={mode}
            deal={deal}
            boot={boot}
            asOf={props.asOf}
            onCancel={() => setMode(null)}
            onDone={(v, msg) => {
              setMode(null);
              props.onDone(v, msg);
            }}
          />
        </div>
      ) : null}
    </>
  );
}

function ActionForm(props: {
  mode: Mode;
  deal: DealItem;
  boot: Bootstrap;
  asOf: string;
  onCancel: () => void;
  onDone: (v: TodayView, message: string) => void;
}) {
  const { mode, deal, boot } = props;
  const c = useCall();
  const formRef = useRef<HTMLFormElement>(null);
  // Keyboard users land in the form they opened.
  useEffect(() => {
    formRef.current
      ?.querySelector<HTMLElement>('input, select, textarea, button[type="submit"]')
      ?.focus();
  }, [mode]);
  const [type, setType] = useState(boot.activityTypes[0]?.value ?? 'call');
  const [summary, setSummary] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextStepDate, setNextStepDate] = useState(plusDays(props.asOf, 1));
  const [until, setUntil] = useState(plusDays(props.asOf, 7));
  const [reason, setReason] = useState('');
  const openStages = boot.stages.filter((s) => s.kind === 'open' && s.name !== deal.stage);
  const [stage, setStage] = useState(nextStage(boot, deal.stage) ?? openStages[0]?.name ?? '');
  const [comment, setComment] = useState('');
  const needsComment = mode === 'lost' && isOtherReason(reason);
  const errors = fieldErrors(c.error);

  const [amount, setAmount] = useState('');
  const needsAmount = deal.amount === null;

  async function submit(e: Event) {
    e.preventDefault();
    const base = { dealId: deal.id, updatedAt: deal.updatedAt };
    // A date already gone would snooze nothing: say so before asking the server (which refuses too).
    if (mode === 'snooze' && until && until < props.asOf) {
      const message = tr('crm.snooze.past', { value: day(until), today: day(props.asOf) });
      c.setError(
        new CallError({ code: 'invalid', message, fields: [{ field: 'until', message }] }),
      );
      return;
    }
    const result = await c.run(async (): Promise<[TodayView, string]> => {
      switch (mode) {
        case 'log':
          return [
            await call('logActivity', {
              ...base,
              type: type as ActivityKind,
              summary,
              nextStep,
              nextStepDate,
            }),
            tr('sb.act.done.log'),
          ];
        case 'snooze':
          return [
            await call('snooze', { ...base, until, reason }),
            tr('sb.act.done.snooze', { date: day(until) }),
          ];
        case 'stage':
          return [await call('moveStage', { ...base, stage, amount }), tr('sb.act.done.stage')];
        case 'won':
          return [await call('closeWon', { ...base, reason: '', amount }), tr('sb.act.done.won')];
        case 'lost':
          return [
            await call('closeLost', { ...base, reason, amount: '', comment }),
            tr('sb.act.done.lost'),
          ];
      }
    });
    if (result) props.onDone(result[0], result[1]);
  }

  const amountField =
    needsAmount && (mode === 'stage' || mode === 'won') ? (
      <TextField
        label={tr('sb.lead.amount', { currency: currencySign(boot.currency) })}
        name="amount"
        inputMode="decimal"
        value={amount}
        onValue={setAmount}
        error={errors.amount}
      />
    ) : null;
  // A problem with no field of this form to show it beside goes in the box below the form.
  const shownHere = Object.keys(errors).some((f) => FORM_FIELDS.includes(f));
  const general = c.error && !shownHere ? <ErrorBox error={c.error} /> : null;
  return (
    <form
      ref={formRef}
      class={`action-form mode-${mode}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !c.busy) props.onCancel();
      }}
      aria-busy={c.busy ? 'true' : 'false'}
    >
      {mode === 'log' ? (
        <>
          <Select
            label={tr('sb.f.type')}
            name="type"
            value={type}
            options={boot.activityTypes}
            onValue={setType}
          />
          <TextArea
            label={tr('sb.f.summary')}
            name="summary"
            value={summary}
            onValue={setSummary}
            error={errors.summary}
            required
          />
          <TextField
            label={tr('sb.f.nextStep')}
            name="nextStep"
            value={nextStep}
            onValue={setNextStep}
            error={errors.nextStep}
            required
          />
          <TextField
            label={tr('sb.f.nextStepDate')}
            name="nextStepDate"
            type="date"
            value={nextStepDate}
            onValue={setNextStepDate}
            error={errors.nextStepDate}
            required
          />
        </>
      ) : null}
      {mode === 'snooze' ? (
        <>
          <TextField
            label={tr('sb.f.until')}
            name="until"
            type="date"
            value={until}
            onValue={setUntil}
            error={errors.until}
            required
          />
          <TextField
            label={tr('sb.f.snoozeReason')}
            name="reason"
            value={reason}
            onValue={setReason}
            error={errors.reason}
            required
          />
        </>
      ) : null}
      {mode === 'stage' ? (
        <p class="current-stage">{tr('sb.f.currentStage', { stage: deal.stage || '—' })}</p>
      ) : null}
      {mode === 'stage' ? (
        <Select
          label={tr('sb.f.stage')}
          name="stage"
          value={stage}
          options={openStages.map((s) => ({ value: s.name, label: s.name }))}
          onValue={setStage}
          error={errors.stage}
        />
      ) : null}
      {mode === 'won' ? <p>{tr('sb.f.wonConfirm', { title: deal.title || deal.id })}</p> : null}
      {amountField}
      {mode === 'lost' ? (
        <Select
          label={tr('sb.f.lostReason')}
          name="reason"
          value={reason}
          options={boot.lostReasons}
          placeholder={tr('sb.f.choose')}
          onValue={setReason}
          error={errors.reason}
          required
        />
      ) : null}
      {needsComment ? (
        <TextArea
          label={tr('sb.f.lostComment')}
          name="comment"
          value={comment}
          onValue={setComment}
          error={errors.comment}
          required
        />
      ) : null}
      {general}
      <div class="form-buttons">
        <button type="submit" class="btn primary" disabled={c.busy}>
          {c.busy ? tr('sb.saving') : tr('sb.save')}
        </button>
        <button type="button" class="btn" onClick={props.onCancel} disabled={c.busy}>
          {tr('sb.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The inputs the action forms show an error beside. */
const FORM_FIELDS = [
  'type',
  'summary',
  'nextStep',
  'nextStepDate',
  'until',
  'reason',
  'stage',
  'amount',
  'comment',
];

/** The open stage after `current` in the funnel's order (the usual move), if any. */
function nextStage(boot: Bootstrap, current: string): string | undefined {
  const at = boot.stages.findIndex((s) => s.name === current);
  return boot.stages.slice(at + 1).find((s) => s.kind === 'open')?.name;
}
