/**
 * The rules of the CRM operations, without the sheets: what a new lead becomes, what logging an
 * activity, moving a stage, closing, snoozing and paying change on the records. The shell reads the
 * records under the lock, calls these, and writes what they return.
 */
import { UserError } from '../errors';
import type { Kopecks } from '../money';
import { ACTIVITIES, CLIENTS, DEALS, INVOICES, type ColumnDef } from '../workbook/schema';
import { formatDay, type Day, type Instant } from '../time';
import type {
  Activity,
  ActivityType,
  Client,
  Deal,
  Invoice,
  Lang,
  Manager,
  Settings,
  StageChange,
  StageDef,
} from '../types';
import { ACTIVITY_TYPES } from '../workbook/enums';
import { findStage } from '../workbook/settings';
import type {
  AddInvoiceInput,
  ClientChanges,
  DealChanges,
  LeadInput,
  LogActivityInput,
} from './types';
import { amountRequired, Checker } from './validate';

export interface OpContext {
  now: Instant;
  today: Day;
  /** The caller's email ('' when unknown: triggers). */
  user: string;
  lang: Lang;
  settings: Settings;
  managers: readonly Manager[];
}

// ---- Versions ------------------------------------------------------------------------------

/**
 * The next updatedAt: whole seconds (what every cell round-trips exactly), strictly after the
 * previous stamp so that every write is visible to optimistic checks.
 */
export function nextStamp(previous: Instant | null, now: Instant): Instant {
  const s = Math.floor(now / 1000) * 1000;
  return previous !== null && s <= previous ? previous + 1000 : s;
}

/** True when the record changed since the caller read it. */
export function isStale(current: Instant | null, expected: Instant | null | undefined): boolean {
  if (expected === undefined) return false;
  if (expected === null || current === null) return expected !== current;
  return Math.abs(current - expected) >= 500;
}

export function staleError(id: string): UserError {
  return new UserError('error.stale', { id });
}

// ---- Field labels for leads ----------------------------------------------------------------

const pick = (cols: readonly ColumnDef[], key: string, as = key): ColumnDef => {
  const c = cols.find((x) => x.key === key) as ColumnDef;
  return { ...c, key: as };
};

/** Lead fields named by schema key: client fields, then the deal's own. */
export const LEAD_COLUMNS: readonly ColumnDef[] = [
  ...CLIENTS.columns.filter((c) => c.key !== 'id'),
  pick(DEALS.columns, 'title'),
  pick(DEALS.columns, 'stage'),
  pick(DEALS.columns, 'amount'),
  pick(DEALS.columns, 'currency'),
  pick(DEALS.columns, 'expectedClose'),
  pick(DEALS.columns, 'lastDiscussed', 'firstConversation'),
  pick(ACTIVITIES.columns, 'type', 'firstConversationType'),
  pick(DEALS.columns, 'nextStep'),
  pick(DEALS.columns, 'nextStepDate'),
  pick(DEALS.columns, 'clientId', 'existingClientId'),
];

// ---- New lead ------------------------------------------------------------------------------

export interface LeadDraft {
  client: Omit<Client, 'row' | 'id'>;
  deal: Omit<Deal, 'row' | 'id' | 'clientId'>;
  stage: StageDef;
  /** The first conversation, when the lead came with one. */
  activity: { type: ActivityType; summary: string } | null;
}

/**
 * Validates and normalises a lead. `manager` is who gets it (already decided by the assignment
 * rule when the input left it empty); '' means nobody could be assigned.
 */
export function draftLead(
  input: LeadInput,
  manager: string,
  ctx: OpContext,
  existing?: Client,
  opts: { needOptional?: boolean; contactOptional?: boolean } = {},
): LeadDraft {
  const ck = new Checker(LEAD_COLUMNS, ctx.lang, ctx.settings.maxAmount);
  const name = existing ? existing.name : ck.text('name', input.clientName, true);
  const phone = existing ? existing.phone : ck.phone('phone', input.phone);
  const email = existing ? existing.email : ck.email('email', input.email);
  const inn = existing ? existing.inn : ck.inn('inn', input.inn);
  const contactName = existing ? existing.contactName : ck.text('contactName', input.contactName);
  if (
    !existing &&
    !opts.contactOptional &&
    !String(input.phone ?? '').trim() &&
    !String(input.email ?? '').trim()
  ) {
    ck.add('phone', 'crm.field.contactRequired');
  }
  const need = ck.text('need', input.need, !existing && !opts.needOptional);
  const source = ck.text('source', input.source);
  let owner = '';
  if (input.manager && String(input.manager).trim()) {
    owner = ck.manager(
      'manager',
      input.manager,
      ctx.managers.filter((m) => m.active),
    );
  } else if (manager) owner = manager;
  else ck.add('manager', 'crm.noAssignee');
  const stages = ctx.settings.stages;
  const firstOpen = stages.find((s) => s.kind === 'open') ?? stages[0];
  const stage = input.stage ? ck.stage('stage', input.stage, stages) : firstOpen;
  const amount = ck.amount('amount', input.amount);
  if (stage && amount === null && amountRequired(stage, stages) && !ck.has('amount')) {
    ck.add('amount', 'crm.field.amountForStage', { stage: stage.name });
  }
  if (stage && stage.kind !== 'open')
    ck.add('stage', 'crm.field.unknownStage', { value: stage.name });
  const currency = ck.currency('currency', input.currency);
  const expectedClose = ck.day('expectedClose', input.expectedClose ?? null);
  const summary = ck.text('firstConversation', input.firstConversation);
  let type: ActivityType = 'call';
  if (input.firstConversationType) {
    const t = ACTIVITY_TYPES.parse(input.firstConversationType);
    if (t) type = t;
    else
      ck.add('firstConversationType', 'crm.field.activityType', {
        value: String(input.firstConversationType),
      });
  }
  const nextStep = ck.text('nextStep', input.nextStep);
  const nextStepDate = ck.day('nextStepDate', input.nextStepDate ?? null);
  const title = ck.text('title', input.title) || name;
  ck.done();
  const at = summary ? ctx.now : null;
  return {
    stage: stage as StageDef,
    activity: summary ? { type, summary } : null,
    client: {
      name,
      inn,
      contactName,
      phone,
      email,
      source: existing ? existing.source : source,
      manager: existing ? existing.manager : owner,
      need: existing ? existing.need : need,
      createdAt: existing ? existing.createdAt : ctx.now,
      lastContactAt: at ?? (existing ? existing.lastContactAt : null),
      snoozedUntil: existing ? existing.snoozedUntil : null,
      snoozeReason: existing ? existing.snoozeReason : '',
      updatedAt: nextStamp(existing ? existing.updatedAt : null, ctx.now),
    },
    deal: {
      clientName: name,
      title,
      manager: owner,
      stage: (stage as StageDef).name,
      amount,
      currency,
      probability: null,
      source: source || (existing ? existing.source : ''),
      need: need || (existing ? existing.need : ''),
      lastDiscussed: summary,
      nextStep,
      nextStepDate,
      createdAt: ctx.now,
      expectedClose,
      closedAt: null,
      lostReason: '',
      firstActivityAt: at,
      lastActivityAt: at,
      closeDatePushes: 0,
      snoozedUntil: null,
      snoozeReason: '',
      updatedAt: nextStamp(null, ctx.now),
    },
  };
}

// ---- Updates -------------------------------------------------------------------------------

/** Validated client changes (only the fields given). */
export function clientChanges(changes: ClientChanges, ctx: OpContext): Partial<Client> {
  const ck = new Checker(CLIENTS.columns, ctx.lang, ctx.settings.maxAmount);
  const out: Partial<Client> = {};
  if ('name' in changes) out.name = ck.text('name', changes.name, true);
  if ('inn' in changes) out.inn = ck.inn('inn', changes.inn);
  if ('contactName' in changes) out.contactName = ck.text('contactName', changes.contactName);
  if ('phone' in changes) out.phone = ck.phone('phone', changes.phone);
  if ('email' in changes) out.email = ck.email('email', changes.email);
  if ('source' in changes) out.source = ck.text('source', changes.source);
  if ('manager' in changes)
    out.manager = ck.manager('manager', changes.manager, ctx.managers, true);
  if ('need' in changes) out.need = ck.text('need', changes.need, true);
  ck.done();
  return out;
}

/** Validated deal changes; moving the expected close date later counts as a push. */
export function dealChanges(deal: Deal, changes: DealChanges, ctx: OpContext): Partial<Deal> {
  const ck = new Checker(DEALS.columns, ctx.lang, ctx.settings.maxAmount);
  const out: Partial<Deal> = {};
  if ('title' in changes) out.title = ck.text('title', changes.title, true);
  if ('manager' in changes)
    out.manager = ck.manager('manager', changes.manager, ctx.managers, true);
  if ('amount' in changes) {
    out.amount = ck.amount('amount', changes.amount);
    const stage = findStage(ctx.settings.stages, deal.stage);
    if (
      out.amount === null &&
      stage &&
      amountRequired(stage, ctx.settings.stages) &&
      !ck.has('amount')
    ) {
      ck.add('amount', 'crm.field.amountForStage', { stage: stage.name });
    }
  }
  if ('currency' in changes) out.currency = ck.currency('currency', changes.currency);
  if ('probability' in changes)
    out.probability = ck.probability('probability', changes.probability);
  if ('source' in changes) out.source = ck.text('source', changes.source);
  if ('need' in changes) out.need = ck.text('need', changes.need);
  if ('lastDiscussed' in changes)
    out.lastDiscussed = ck.text('lastDiscussed', changes.lastDiscussed);
  if ('nextStep' in changes) out.nextStep = ck.text('nextStep', changes.nextStep);
  if ('nextStepDate' in changes)
    out.nextStepDate = ck.day('nextStepDate', changes.nextStepDate ?? null);
  if ('expectedClose' in changes) {
    out.expectedClose = ck.day('expectedClose', changes.expectedClose ?? null);
    Object.assign(out, closePush(deal, out.expectedClose ?? null));
  }
  ck.done();
  return out;
}

/** A later expected close date than before is one more push (three or more: not credible). */
export function closePush(deal: Deal, expectedClose: Day | null): Partial<Deal> {
  if (deal.expectedClose !== null && expectedClose !== null && expectedClose > deal.expectedClose) {
    return { closeDatePushes: deal.closeDatePushes + 1 };
  }
  return {};
}

// ---- Activities ----------------------------------------------------------------------------

export interface ActivityDraft {
  at: Instant;
  type: ActivityType;
  summary: string;
  nextStep: string;
  nextStepDate: Day | null;
}

export function draftActivity(input: LogActivityInput, ctx: OpContext): ActivityDraft {
  const ck = new Checker(ACTIVITIES.columns, ctx.lang, ctx.settings.maxAmount);
  const type = ACTIVITY_TYPES.parse(input.type);
  if (!type) ck.add('type', 'crm.field.activityType', { value: String(input.type ?? '') });
  const summary = ck.text('summary', input.summary, true);
  const nextStep = ck.text('nextStep', input.nextStep);
  const nextStepDate = ck.day('nextStepDate', input.nextStepDate ?? null);
  let at = ctx.now;
  if (input.at !== undefined && input.at !== null) {
    if (typeof input.at !== 'number' || !Number.isFinite(input.at) || input.at > ctx.now + 60_000) {
      ck.add('at', 'field.invalid', { value: String(input.at) });
    } else at = input.at;
  }
  if (!input.dealId && !input.clientId) ck.add('dealId', 'crm.noDealOrClient');
  ck.done();
  return { at, type: type as ActivityType, summary, nextStep, nextStepDate };
}

/** What a completed activity changes on its deal: first/last activity, last discussed, next step. */
export function dealAfterActivity(
  deal: Pick<Deal, 'firstActivityAt' | 'lastActivityAt'>,
  a: Pick<ActivityDraft, 'at' | 'summary' | 'nextStep' | 'nextStepDate'>,
): Partial<Deal> {
  const out: Partial<Deal> = {};
  if (deal.firstActivityAt === null || a.at < deal.firstActivityAt) out.firstActivityAt = a.at;
  // An activity logged late for an earlier date does not replace what happened since.
  if (deal.lastActivityAt === null || a.at >= deal.lastActivityAt) {
    out.lastActivityAt = a.at;
    if (a.summary) out.lastDiscussed = a.summary;
    if (a.nextStep || a.nextStepDate !== null) {
      out.nextStep = a.nextStep;
      out.nextStepDate = a.nextStepDate;
    }
  }
  return out;
}

export function clientAfterActivity(
  client: Pick<Client, 'lastContactAt'>,
  at: Instant,
): Partial<Client> {
  return client.lastContactAt === null || at > client.lastContactAt ? { lastContactAt: at } : {};
}

// ---- Stages --------------------------------------------------------------------------------

export interface StageMove {
  changes: Partial<Deal>;
  history: Omit<StageChange, 'row'> | null;
}

/**
 * Moves a deal to a stage: checks the amount the stage needs and the lost reason, closes or
 * reopens it, and returns the StageHistory entry (none when the stage does not change).
 */
export function moveDealStage(
  deal: Deal,
  stageName: string,
  extra: { amount?: unknown; expectedClose?: unknown; lostReason?: string; closedAt?: unknown },
  ctx: OpContext,
): StageMove {
  const ck = new Checker(DEALS.columns, ctx.lang, ctx.settings.maxAmount);
  const stages = ctx.settings.stages;
  const stage = ck.stage('stage', stageName, stages);
  const changes: Partial<Deal> = {};
  let amount: Kopecks | null = deal.amount;
  if (extra.amount !== undefined && extra.amount !== null && extra.amount !== '') {
    amount = ck.amount('amount', extra.amount);
    if (amount !== null) changes.amount = amount;
  }
  if (
    extra.expectedClose !== undefined &&
    extra.expectedClose !== null &&
    extra.expectedClose !== ''
  ) {
    const d = ck.day('expectedClose', extra.expectedClose);
    if (d !== null) Object.assign(changes, { expectedClose: d }, closePush(deal, d));
  }
  if (stage && amount === null && amountRequired(stage, stages) && !ck.has('amount')) {
    ck.add('amount', 'crm.field.amountForStage', { stage: stage.name });
  }
  if (stage?.kind === 'lost') {
    const reason = ck.text('lostReason', extra.lostReason);
    if (!reason && !ck.has('lostReason')) ck.add('lostReason', 'crm.field.lostReason');
    changes.lostReason = reason;
  }
  let closedAt: Day | null = ctx.today;
  if (stage && stage.kind !== 'open' && extra.closedAt) {
    closedAt = ck.day('closedAt', extra.closedAt) ?? ctx.today;
  }
  ck.done();
  const target = stage as StageDef;
  if (target.kind === 'open') {
    changes.closedAt = null;
    if (deal.lostReason) changes.lostReason = '';
  } else {
    changes.closedAt = closedAt;
  }
  changes.stage = target.name;
  const same = findStage(stages, deal.stage)?.name === target.name;
  return {
    changes,
    history: same
      ? null
      : { dealId: deal.id, fromStage: deal.stage, toStage: target.name, at: ctx.now, by: ctx.user },
  };
}

export function isClosed(deal: Deal, stages: readonly StageDef[]): boolean {
  const s = findStage(stages, deal.stage);
  return s ? s.kind !== 'open' : deal.closedAt !== null;
}

// ---- Snooze --------------------------------------------------------------------------------

export function snoozeChanges(
  until: unknown,
  reason: unknown,
  ctx: OpContext,
  columns: readonly ColumnDef[],
): { snoozedUntil: Day | null; snoozeReason: string } {
  const ck = new Checker(columns, ctx.lang, ctx.settings.maxAmount);
  const day = ck.day('snoozedUntil', until ?? null);
  const why = ck.text('snoozeReason', reason);
  // A date already gone would do nothing: the deal would be back in Today at once.
  if (day !== null && day < ctx.today)
    ck.add('snoozedUntil', 'crm.snooze.past', {
      value: formatDay(day),
      today: formatDay(ctx.today),
    });
  // A snooze hides a deal from the forgotten lists and the head's counts: it is bounded and says
  // why (SECURITY.md T11).
  const max = ctx.settings.snoozeMaxDays;
  if (day !== null && day > ctx.today + max) ck.add('snoozedUntil', 'crm.snoozeTooLong', { max });
  if (day !== null && !why) ck.add('snoozeReason', 'field.required');
  else if (day !== null && why.trim().length < ctx.settings.snoozeMinReason)
    ck.add('snoozeReason', 'crm.snoozeReasonShort', { min: ctx.settings.snoozeMinReason });
  ck.done();
  return day === null
    ? { snoozedUntil: null, snoozeReason: '' }
    : { snoozedUntil: day, snoozeReason: why };
}

// ---- Invoices ------------------------------------------------------------------------------

export function draftInvoice(
  input: AddInvoiceInput,
  clientId: string,
  ctx: OpContext,
): Omit<Invoice, 'row' | 'id' | 'number'> & { number: string } {
  const ck = new Checker(INVOICES.columns, ctx.lang, ctx.settings.maxAmount);
  const number = ck.text('number', input.number);
  const issuedAt = ck.day('issuedAt', input.issuedAt ?? null) ?? ctx.today;
  const dueDate = ck.day('dueDate', input.dueDate, true);
  const amount = ck.amount('amount', input.amount, true);
  if (amount === 0) ck.add('amount', 'crm.field.amount', { value: '0' });
  if (dueDate !== null && dueDate < issuedAt) ck.add('dueDate', 'crm.field.dueBeforeIssue');
  const currency = ck.currency('currency', input.currency);
  ck.done();
  return {
    number,
    clientId,
    dealId: (input.dealId ?? '').trim().toUpperCase(),
    issuedAt,
    dueDate,
    amount: amount as Kopecks,
    currency,
    paidAmount: 0,
    paidAt: null,
  };
}

export function paymentChanges(
  invoice: Invoice,
  amountInput: unknown,
  paidAtInput: unknown,
  ctx: OpContext,
): Pick<Invoice, 'paidAmount' | 'paidAt'> {
  const ck = new Checker(INVOICES.columns, ctx.lang, ctx.settings.maxAmount);
  const amount = ck.amount('paidAmount', amountInput, true);
  if (amount === 0) ck.add('paidAmount', 'crm.field.amount', { value: '0' });
  const paidAt = ck.day('paidAt', paidAtInput ?? null) ?? ctx.today;
  if (amount !== null && invoice.paidAmount + amount > invoice.amount) {
    ck.add('paidAmount', 'crm.field.paymentTooLarge', {
      amount: (invoice.amount / 100).toFixed(2),
    });
  }
  ck.done();
  return { paidAmount: invoice.paidAmount + (amount as number), paidAt };
}

export type { Activity };
