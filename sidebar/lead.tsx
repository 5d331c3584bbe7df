/**
 * New lead: client, contacts, need and the first conversation in one step. Fields are checked as
 * they are typed with the same pure validators the server uses (src/core/crm), duplicates are
 * looked up when the identifying fields are filled in, and a save that finds a duplicate shows
 * the existing client and waits for "save anyway". Typed values survive every failed call.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bootstrap, DuplicateClient, LeadForm, TodayView } from '../src/shared/contract';
import { formatPhone } from '../src/shared/normalize';
import { currencySign } from './format';
import { call } from './rpc';
import { tr } from './i18n';
import { leadProblems } from './lead-rules';
import { LeadLines, type Line } from './money-lines';
import {
  ErrorBox,
  Loading,
  Notice,
  Select,
  TextArea,
  TextField,
  fieldErrors,
  useCall,
  type TextFieldProps,
} from './ui';

export const EMPTY_LEAD: LeadForm = {
  clientName: '',
  inn: '',
  contactName: '',
  phone: '',
  email: '',
  source: '',
  need: '',
  dealTitle: '',
  amount: '',
  activityType: 'call',
  summary: '',
  nextStep: '',
  nextStepDate: '',
};

type Key = keyof LeadForm;

export function LeadPanel({ boot, onAdded }: { boot: Bootstrap; onAdded: (v: TodayView) => void }) {
  const [form, setForm] = useState<LeadForm>({ ...EMPTY_LEAD, nextStepDate: '' });
  const [touched, setTouched] = useState<Partial<Record<Key, boolean>>>({});
  const [duplicates, setDuplicates] = useState<DuplicateClient[]>([]);
  const [checking, setChecking] = useState(false);
  const [added, setAdded] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const save = useCall();
  const lookup = useRef(0);

  const local = leadProblems(form);
  const server = fieldErrors(save.error);
  const errorOf = (k: Key): string | undefined => server[k] ?? (touched[k] ? local[k] : undefined);

  const set = (k: Key) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setAdded('');
    if (server[k]) save.setError(null);
  };
  const touch = (k: Key) => () => setTouched((t) => ({ ...t, [k]: true }));

  // Duplicate lookup: after the identifying fields settle, at most one call in flight.
  const identity = `${form.clientName}|${form.inn}|${form.phone}|${form.email}`;
  useEffect(() => {
    const { clientName, inn, phone, email } = form;
    if (clientName.trim().length < 3 && !inn.trim() && !phone.trim() && !email.trim()) {
      setDuplicates([]);
      return;
    }
    const ticket = ++lookup.current;
    const timer = setTimeout(() => {
      setChecking(true);
      call('findDuplicates', { clientName, inn, phone, email })
        .then((d) => {
          if (ticket === lookup.current) setDuplicates(d);
        })
        .catch(() => {
          // The lookup is a courtesy; the save checks again on the server.
        })
        .finally(() => {
          if (ticket === lookup.current) setChecking(false);
        });
    }, 500);
    return () => clearTimeout(timer);
  }, [identity]);

  async function submit(force: boolean) {
    const all = Object.fromEntries(Object.keys(form).map((k) => [k, true]));
    setTouched(all);
    if (Object.keys(local).length) {
      focusFirstInvalid();
      return;
    }
    const result = await save.run(() => call('addLead', { lead: form, force, lines }));
    if (!result) {
      focusFirstInvalid();
      return;
    }
    if (result.status === 'duplicates') {
      setDuplicates(result.duplicates);
      return;
    }
    setForm({ ...EMPTY_LEAD });
    setLines([]);
    setTouched({});
    setDuplicates([]);
    setAdded(tr('sb.lead.added', { clientId: result.clientId, dealId: result.dealId }));
    onAdded(result.today);
  }

  const text = (
    k: Key,
    label: string,
    extra: { required?: boolean; type?: string; inputMode?: TextFieldProps['inputMode'] } = {},
  ) => (
    <TextField
      label={label}
      name={k}
      value={form[k]}
      onValue={set(k)}
      onBlur={touch(k)}
      error={errorOf(k)}
      required={extra.required}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      autocomplete="off"
    />
  );

  return (
    <form
      class="lead-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
      aria-busy={save.busy ? 'true' : 'false'}
    >
      {added ? <Notice text={added} /> : null}
      {text('clientName', tr('sb.lead.client'), { required: true })}
      {text('inn', tr('sb.lead.inn'), { inputMode: 'numeric' })}
      {text('contactName', tr('sb.lead.contact'))}
      {text('phone', tr('sb.lead.phone'), { type: 'tel', inputMode: 'tel' })}
      {text('email', tr('sb.lead.email'), { type: 'email', inputMode: 'email' })}
      {checking ? <Loading label={tr('sb.lead.checking')} /> : null}
      {duplicates.length ? (
        <Duplicates items={duplicates} busy={save.busy} onAddAnyway={() => void submit(true)} />
      ) : null}
      <Select
        label={tr('sb.lead.source')}
        name="source"
        value={form.source}
        options={boot.sources}
        placeholder={tr('sb.f.choose')}
        onValue={set('source')}
        error={errorOf('source')}
      />
      <TextArea
        label={tr('sb.lead.need')}
        name="need"
        value={form.need}
        onValue={set('need')}
        onBlur={touch('need')}
        error={errorOf('need')}
        required
      />
      {text('dealTitle', tr('sb.lead.deal'))}
      {/* With lines, the amount is theirs (the server sums them). */}
      {lines.length
        ? null
        : text('amount', tr('sb.lead.amount', { currency: currencySign(boot.currency) }), {
            inputMode: 'decimal',
          })}
      <LeadLines lines={lines} onLines={setLines} />
      <fieldset>
        <legend>{tr('sb.lead.first')}</legend>
        <Select
          label={tr('sb.f.type')}
          name="activityType"
          value={form.activityType}
          options={boot.activityTypes}
          onValue={set('activityType')}
        />
        <TextArea
          label={tr('sb.f.summary')}
          name="summary"
          value={form.summary}
          onValue={set('summary')}
          onBlur={touch('summary')}
          error={errorOf('summary')}
          required
        />
        {text('nextStep', tr('sb.f.nextStep'), { required: true })}
        {text('nextStepDate', tr('sb.f.nextStepDate'), { type: 'date', required: true })}
      </fieldset>
      {save.error && !Object.keys(server).length ? <ErrorBox error={save.error} /> : null}
      {save.error && Object.keys(server).length ? (
        <div class="field-error" role="alert">
          {tr('sb.lead.fix')}
        </div>
      ) : null}
      <div class="form-buttons">
        <button type="submit" class="btn primary" disabled={save.busy}>
          {save.busy ? tr('sb.saving') : tr('sb.lead.submit')}
        </button>
      </div>
    </form>
  );
}

function focusFirstInvalid() {
  // After the re-render that marks the fields.
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('.lead-form [aria-invalid="true"]');
    el?.focus();
  }, 0);
}

function Duplicates(props: { items: DuplicateClient[]; busy: boolean; onAddAnyway: () => void }) {
  return (
    <div class="dup-box" role="alert" data-testid="duplicates">
      <strong>{tr('sb.lead.dupTitle')}</strong>
      <div class="hint">{tr('sb.lead.dupHint')}</div>
      <ul class="dup-list">
        {props.items.map((d) => (
          <li key={d.id} data-id={d.id}>
            <div class="card-title">
              {d.name} <span class="muted">{d.id}</span>
            </div>
            <div class="card-meta">
              {[
                d.inn && `${tr('sb.lead.inn')} ${d.inn}`,
                d.phone && formatPhone(d.phone),
                d.email,
                d.contactName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            <div class="card-meta">
              {tr('sb.lead.dupMatched', {
                what: d.matchedOn.map((m) => matchLabel(m)).join(', '),
              })}
              {d.manager ? ` · ${tr('sb.lead.dupOwner', { name: d.manager })}` : ''}
            </div>
            {d.canOpen ? <OpenClient id={d.id} /> : null}
          </li>
        ))}
      </ul>
      <button type="button" class="btn" disabled={props.busy} onClick={props.onAddAnyway}>
        {tr('sb.lead.addAnyway')}
      </button>
    </div>
  );
}

function matchLabel(m: string): string {
  switch (m) {
    case 'inn':
      return tr('sb.match.inn');
    case 'phone':
      return tr('sb.match.phone');
    case 'email':
      return tr('sb.match.email');
    default:
      return tr('sb.match.name');
  }
}

function OpenClient({ id }: { id: string }) {
  const c = useCall();
  return (
    <>
      <button
        type="button"
        class="btn small"
        disabled={c.busy}
        onClick={() => c.run(() => call('openRecord', { sheet: 'clients', id }))}
      >
        {tr('sb.act.open')}
      </button>
      {c.error ? <ErrorBox error={c.error} /> : null}
    </>
  );
}
