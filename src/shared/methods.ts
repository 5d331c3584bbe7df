/**
 * THE method table of the sidebar's RPC: every method `rpc(method, payload)` accepts, the roles
 * that may call it and the schema of its request. It is at once
 *   - the allow-list (nothing outside it is reachable; src/app/rpc.ts),
 *   - the request types shared with the sidebar (`Request<K>`, inferred from the schemas),
 *   - the server's check of the untrusted payload (src/app/rpc/check.ts turns schema issues into
 *     field problems in the user's language),
 *   - and the renames of field problems the CRM names by record field (`fields`).
 * The handlers live on the server (src/app/rpc/methods.ts), typed from this table; response types
 * are in src/shared/contract.ts. Pure: the sidebar imports its types, the server bundle its values.
 *
 * Roles: 'manager' is any known user of the team; the team view is for the head of sales and the
 * director; import and settings are for the head of sales only.
 */
import * as v from './valibot';
import type { ActivityType, Lang, Role, StageKind } from '../core/types';
import { MAX_IMPORT_BYTES } from './contract';
import { flag, formNumber, list, oneOf, record, recordId, request, text } from './request-fields';

export interface MethodSpec {
  roles: readonly Role[];
  request: v.GenericSchema;
  /**
   * Record field (as the CRM names its problems) -> request field (as the form names its input),
   * where they differ.
   */
  fields?: Readonly<Record<string, string>>;
}

const ANYONE = ['manager', 'head', 'director'] as const satisfies readonly Role[];
const LEADERS = ['head', 'director'] as const satisfies readonly Role[];
const HEAD = ['head'] as const satisfies readonly Role[];

/** base64 spends 4 characters per 3 bytes. */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
export const IMPORT_MODES = ['preview', 'import'] as const;
/** What a file holds: leads (clients and deals) or expenses for the Spend sheet. */
export const IMPORT_TARGETS = ['leads', 'spend'] as const;

/** The core's values (a unit test checks that none is missing). */
export const ACTIVITY = [
  'call',
  'meeting',
  'email',
  'message',
] as const satisfies readonly ActivityType[];
export const STAGE_KINDS = ['open', 'won', 'lost'] as const satisfies readonly StageKind[];
export const LANGS = ['ru', 'en'] as const satisfies readonly Lang[];

const empty = request({});

/** The plan builder's inputs (src/core/plans/build.ts PlanDraft); target NaN = from growth. */
const PLAN_DRAFT = {
  metric: oneOf(['revenue', 'wonDeals', 'newClients', 'activities']),
  period: text(20),
  target: formNumber(),
  growth: formNumber(),
  spread: oneOf(['equal', 'workdays', 'seasonal', 'weights']),
  weights: list(formNumber(), 12),
  split: oneOf(['equal', 'share', 'capacity', 'none']),
  respread: flag(),
};

/** Every action names the deal and the `updatedAt` stamp it was shown with ('' = none). */
const dealAction = {
  dealId: recordId(),
  updatedAt: v.pipe(
    text(40),
    v.transform((s): string | null => s || null),
  ),
};

/** `confirm`: go on although the stage's playbook is not done (a warning was shown). */
const close = request({ ...dealAction, reason: text(500), amount: text(40), confirm: flag() });

const lead = request({
  clientName: text(500),
  inn: text(40),
  contactName: text(500),
  phone: text(60),
  email: text(320),
  source: text(200),
  need: text(),
  dealTitle: text(500),
  amount: text(40),
  activityType: v.optional(oneOf(['', ...ACTIVITY]), ''),
  summary: text(),
  nextStep: text(1000),
  nextStepDate: text(20),
});

/** A deal's lines as the panel sends them: the product by name or SKU, a price or "10 %". */
const dealLines = list(
  record({
    row: v.optional(v.pipe(v.number(), v.finite())),
    product: text(300),
    quantity: formNumber(),
    price: text(40),
  }),
  200,
);

const stage = record({
  name: text(100),
  kind: oneOf(STAGE_KINDS),
  probability: formNumber(),
  rottingDays: v.nullish(formNumber(), null),
});

const bonusTier = record({
  scheme: text(100),
  kind: oneOf(['flat', 'marginal', 'threshold']),
  from: formNumber(),
  to: v.nullish(formNumber(), null),
  rate: formNumber(),
  multiplier: formNumber(),
  reduceByOverdue: flag(),
});

const holiday = record({ day: text(20), dayOff: flag(), note: text(500) });

/** Shape only: ranges and meaning are checked by the handler, so they come back as field errors. */
const settingsForm = request({
  lang: oneOf(LANGS),
  currency: text(10),
  factBasis: oneOf(['won', 'payments']),
  responseLimitMinutes: formNumber(),
  reminderHour: formNumber(),
  digestLimit: formNumber(),
  digestRepeatDays: formNumber(),
  reportRecipients: list(text(320), 50),
  /** Recipients outside the company's domain the head ticked as confirmed (SECURITY.md T4a). */
  confirmedRecipients: list(text(320), 50),
  stages: list(stage, 30),
  bonus: list(bonusTier, 50),
  holidays: list(holiday, 400),
});

/** `whom`: a manager's email, a team name or '*' for every manager; due: YYYY-MM-DD + HH:MM. */
const TASK_FORM = request({
  what: text(2000),
  whom: text(320),
  dealId: text(40),
  due: text(20),
  time: text(5),
  priority: v.optional(oneOf(['high', 'normal', 'low']), 'normal'),
});

export const METHODS = {
  bootstrap: { roles: ANYONE, request: empty },
  today: { roles: ANYONE, request: empty },
  findDuplicates: {
    roles: ANYONE,
    request: request({
      clientName: text(500),
      inn: text(40),
      phone: text(60),
      email: text(320),
    }),
  },
  addLead: {
    roles: ANYONE,
    // Lines are new ones only: no row (src/app/money/lines.ts).
    request: request({ lead, force: flag(), lines: dealLines }),
    fields: {
      name: 'clientName',
      title: 'dealTitle',
      firstConversation: 'summary',
      firstConversationType: 'activityType',
    },
  },
  logActivity: {
    roles: ANYONE,
    request: request({
      ...dealAction,
      type: oneOf(ACTIVITY),
      summary: text(),
      nextStep: text(1000),
      nextStepDate: text(20),
    }),
  },
  snooze: {
    roles: ANYONE,
    request: request({ ...dealAction, until: text(20), reason: text(1000) }),
    fields: { snoozedUntil: 'until', snoozeReason: 'reason' },
  },
  moveStage: {
    roles: ANYONE,
    request: request({ ...dealAction, stage: text(200), amount: text(40), confirm: flag() }),
  },
  closeWon: { roles: ANYONE, request: close },
  closeLost: {
    roles: ANYONE,
    request: request({ ...dealAction, reason: text(500), amount: text(40), comment: text(1000) }),
    fields: { lostReason: 'reason' },
  },
  openRecord: {
    roles: ANYONE,
    request: request({ sheet: oneOf(['clients', 'deals', 'invoices']), id: recordId() }),
  },
  team: { roles: LEADERS, request: request({ period: text(10) }) },
  /** The period the panel shows ('' = the Dashboard's own period cell), so both stay in step. */
  refreshDashboard: { roles: LEADERS, request: request({ period: text(10) }) },
  sendWeeklyReport: { roles: HEAD, request: empty },
  getSettings: { roles: HEAD, request: empty },
  saveSettings: { roles: HEAD, request: settingsForm },
  setReminders: { roles: HEAD, request: request({ on: flag() }) },
  /**
   * A CSV or .xlsx the sidebar read with FileReader, as base64: a plain argument works the same in
   * Google and in the playground, where a form's Blob does not (and is refused in some domains).
   */
  importFile: {
    roles: HEAD,
    request: request({
      mode: oneOf(IMPORT_MODES),
      name: text(255),
      type: text(200),
      base64: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BASE64)),
      target: v.optional(oneOf(IMPORT_TARGETS)),
    }),
  },
  /** The Money screen: budget vs actual and cost per source ('' = this month). */
  moneyView: { roles: LEADERS, request: request({ period: text(10) }) },
  /** Deal lines over their seller's discount limit, for the head's approval queue. */
  discountQueue: { roles: HEAD, request: request({}) },
  decideDiscount: {
    roles: HEAD,
    request: request({
      dealId: recordId(),
      row: v.pipe(v.number(), v.finite()),
      approve: flag(),
    }),
  },
  /** One deal's card: a manager only their own (the handler checks), the leaders any. */
  dealCard: { roles: ANYONE, request: request({ dealId: recordId() }) },
  /** Tasks (issue #14): '' dealId = every task the caller may see; period: on-time figures. */
  tasks: { roles: ANYONE, request: request({ dealId: text(40), period: text(10) }) },
  setTask: { roles: LEADERS, request: TASK_FORM },
  completeTask: {
    roles: ANYONE,
    request: request({ id: recordId(), result: text(), dealId: text(40) }),
  },
  cancelTask: { roles: ANYONE, request: request({ id: recordId(), dealId: text(40) }) },
  // People (docs/people.md): everyone reads their own part; the head writes trainings and hires.
  people: { roles: ANYONE, request: empty },
  myOnboarding: { roles: ANYONE, request: empty },
  markOnboarding: {
    roles: ANYONE,
    request: request({ manager: text(320), step: text(300), done: flag(), comment: text(500) }),
  },
  startOnboarding: { roles: HEAD, request: empty },
  addTraining: {
    roles: HEAD,
    request: request({
      date: text(20),
      manager: text(320),
      kind: oneOf(['training', 'workshop', 'attestation']),
      topic: text(300),
      trainer: text(200),
      score: text(10),
      passed: flag(),
    }),
  },
  hireCandidate: {
    roles: HEAD,
    request: request({
      row: formNumber(),
      name: text(300),
      mentor: text(320),
      team: text(100),
    }),
  },
  planPreview: { roles: LEADERS, request: request(PLAN_DRAFT) },
  planWrite: {
    roles: LEADERS,
    request: request({ ...PLAN_DRAFT, version: text(40), ticked: list(text(200), 5000) }),
  },
  planDefence: {
    roles: LEADERS,
    request: request({ period: text(20), target: formNumber(), months: formNumber() }),
  },
  /** Stage playbooks (issue #14): a manager reads and ticks only their own deals. */
  playbook: { roles: ANYONE, request: request({ dealId: recordId() }) },
  tickItem: {
    roles: ANYONE,
    request: request({ dealId: recordId(), item: text(500), done: flag() }),
  },
  compliance: { roles: LEADERS, request: request({ period: text(10) }) },
  writeInstructions: { roles: LEADERS, request: empty },
  // '' asks for the price list alone: the new-lead form's lines, before the deal exists.
  dealLines: { roles: ANYONE, request: request({ dealId: text(40) }) },
  saveDealLines: { roles: ANYONE, request: request({ dealId: recordId(), lines: dealLines }) },
  candidateStage: {
    roles: HEAD,
    request: request({
      row: formNumber(),
      name: text(300),
      stage: oneOf(['applied', 'interview', 'testTask', 'offer', 'declined']),
    }),
  },
  scoreCandidate: {
    roles: HEAD,
    request: request({
      row: formNumber(),
      name: text(300),
      question: text(300),
      score: formNumber(),
    }),
  },
} as const satisfies Record<string, MethodSpec>;

export type Method = keyof typeof METHODS;
/** What the handler receives and what the sidebar sends: the schema's output. */
export type Request<K extends Method> = v.InferOutput<(typeof METHODS)[K]['request']>;

/** Whether `name` is a method of the table (own key: `toString` or `__proto__` are not). */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name);
}

export function allowed(method: Method, role: Role): boolean {
  return (METHODS[method].roles as readonly Role[]).includes(role);
}
