/**
 * The sidebar's RPC contract: every request and response that crosses google.script.run, used by
 * the server dispatcher (src/app/rpc.ts) and by the browser (sidebar/). Only JSON-like values may
 * cross: Google turns a Date in a return value into null and refuses one in arguments, so calendar
 * days travel as "YYYY-MM-DD" (`IsoDay`) and instants as full ISO strings (`IsoInstant`). Money is
 * integer kopecks (minor units) with its ISO currency code.
 *
 * Every call goes through the one public function `rpc(method, payload)`; it answers with an
 * `RpcReply` envelope so that expected failures (validation, permissions, a busy workbook) reach
 * the browser with their field problems, while unexpected ones are logged and reported as
 * internal errors. File imports too (`importFile`: the file's bytes as base64).
 *
 * Requests are not written here: they are the schemas' output in src/shared/methods.ts (the one
 * definition of each method); the names below are kept for readability.
 */
import type { PlanDefenceResult, PlanPreview, PlanWriteResult } from './contract-plans';
import type { ActivityType, Lang, Role, StageKind } from '../core/types';
import type { Method, Request } from './methods';
import type { DealCardView } from './contract-deal-card';
import type { TasksView } from './contract-tasks';
export type * from './contract-tasks';
import type { DealLinesView, DiscountQueueItem, MoneyView } from './contract-money';
import type { ComplianceRow, PlaybookView } from './contract-playbooks';
export type * from './contract-playbooks';

/** "2026-11-27": a calendar day in the spreadsheet's time zone. */
export type IsoDay = string;
/** "2026-11-27T06:00:00.000Z": a point in time. */
export type IsoInstant = string;
export type { Lang, Role, StageKind };
export type ActivityKind = ActivityType;

export interface Money {
  /** Integer minor units (kopecks). */
  amount: number;
  /** ISO 4217 code, e.g. "RUB". */
  currency: string;
}

// ---- Envelope ------------------------------------------------------------------------------------

export type RpcErrorCode =
  | 'invalid' // bad input: see `fields`
  | 'forbidden' // the caller's role may not do this
  | 'unknownUser' // no signed-in email, or not on the Managers sheet
  | 'notFound'
  | 'conflict' // the record changed since it was read, or the workbook is busy
  | 'setup' // the workbook is not set up (missing sheet or column)
  | 'unknownMethod'
  | 'internal';

export interface FieldError {
  /** The request field the problem belongs to (the form input's name). */
  field: string;
  message: string;
}

export interface RpcError {
  code: RpcErrorCode;
  /** Already in the user's language. */
  message: string;
  fields: FieldError[];
}

export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: RpcError };

// ---- Shared pieces ----------------------------------------------------------------------------

export interface Me {
  email: string;
  name: string;
  role: Role;
}

/** probability: 0..100; rottingDays: days without activity before a deal in this stage counts as
 * forgotten, null = never. */
export type StageOption = SettingsForm['stages'][number];

export interface Choice {
  value: string;
  label: string;
}

/** Where a record lives in the sheet, for the "open in sheet" action. */
export type RecordSheet = OpenRecordRequest['sheet'];

// ---- Today -------------------------------------------------------------------------------------

export interface DealItem {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  stage: string;
  amount: Money | null;
  nextStep: string;
  nextStepDate: IsoDay | null;
  lastActivityAt: IsoInstant | null;
  /** Whole days since the last activity (or creation when there was none). */
  idleDays: number | null;
  snoozedUntil: IsoDay | null;
  /** The stamp the server checks on write, so nobody's newer edit is overwritten. */
  updatedAt: IsoInstant | null;
}

export interface LeadItem extends DealItem {
  createdAt: IsoInstant | null;
  /** Working minutes waited past the response limit. */
  minutesWaiting: number | null;
}

export interface InvoiceItem {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  dealId: string;
  dueDate: IsoDay | null;
  outstanding: Money;
  daysOverdue: number;
}

export interface ClientItem {
  id: string;
  name: string;
  contact: string;
  /** Whole days since the last contact. */
  idleDays: number;
}

/** The caller's own plan for the current month, with the one definition of pace (core pace.ts). */
export interface MyPlan {
  period: string;
  plan: number;
  fact: number;
  completion: number | null;
  forecast: number | null;
  /** Per working day left; null when none is left. */
  requiredDailyPace: number | null;
  workingDaysLeft: number;
  /** With workingDaysTotal, where an even pace would have the fact today (core pace.ts). */
  workingDaysElapsed: number;
  workingDaysTotal: number;
  /** True when the figures are money (kopecks). */
  money: boolean;
  /** My forgotten deals at this moment of each of the last weeks, oldest first, today last. */
  forgottenWeeks: WeekCount[];
}

export interface WeekCount {
  day: IsoDay;
  count: number;
}

/**
 * Each deal appears in one list only (unprocessed, else forgotten, else overdue step, else no
 * step); the same selection as the reminder emails (core analytics/attention.ts).
 */
export interface TodayView {
  /** The day the lists were computed for. */
  asOf: IsoDay;
  forgotten: DealItem[];
  unprocessed: LeadItem[];
  overdueSteps: DealItem[];
  noNextStep: DealItem[];
  /** Next steps due today: with the overdue ones, the day's plan. */
  dueToday: DealItem[];
  forgottenClients: ClientItem[];
  overdueInvoices: InvoiceItem[];
  /** Items needing attention (all lists but dueToday): the badge and the digest's subject. */
  count: number;
  plan: MyPlan | null;
  /** The caller's tasks (issue #14), so the first screen stays one call; absent without a Tasks sheet. */
  tasks?: TasksView;
}

// ---- Bootstrap: the one call that loads the first screen ----------------------------------------

export interface Bootstrap {
  me: Me;
  lang: Lang;
  currency: string;
  /** The spreadsheet's time zone (IANA id): times are shown in it, not in the browser's. */
  zone: string;
  today: TodayView;
  stages: StageOption[];
  sources: Choice[];
  lostReasons: Choice[];
  activityTypes: Choice[];
  /** Which tabs the role may open (the server checks again on every call). */
  can: { team: boolean; import: boolean; settings: boolean; weeklyReport: boolean };
  /** A recent hire (docs/people.md): Today asks for their onboarding steps; others make no call. */
  newHire?: boolean;
}

// ---- New lead ----------------------------------------------------------------------------------

/** Exactly what the form holds: strings as typed; the server parses and normalises them. The
 * first conversation (activityType, summary) is captured in the same step. */
export type LeadForm = AddLeadRequest['lead'];

export type DuplicateQuery = Request<'findDuplicates'>;

export interface DuplicateClient {
  id: string;
  name: string;
  inn: string;
  phone: string;
  email: string;
  contactName: string;
  /** The owner's name (or email when the name is unknown). */
  manager: string;
  /** What matched: 'inn' | 'phone' | 'email' | 'name'. */
  matchedOn: string[];
  /** Whether the caller may open it (a manager: only their own clients). */
  canOpen: boolean;
}

/** `force`: save even though duplicates were shown. */
export type AddLeadRequest = Request<'addLead'>;

export type AddLeadResult =
  | { status: 'added'; clientId: string; dealId: string; today: TodayView }
  | { status: 'duplicates'; duplicates: DuplicateClient[] };

// ---- Actions on a deal (each answers with the refreshed Today lists: one round trip) ----------

/** Every action names the deal and the `updatedAt` stamp it was shown with: if someone changed
 * the deal since, the server refuses instead of overwriting their edit. */
export type DealAction = Pick<LogActivityRequest, 'dealId' | 'updatedAt'>;
export type LogActivityRequest = Request<'logActivity'>;
export type SnoozeRequest = Request<'snooze'>;
/** `amount` as typed: needed when the new stage requires one and the deal has none. */
export type MoveStageRequest = Request<'moveStage'>;
/** `reason` is required for lost, ignored for won; `amount` as typed (a won deal needs one). */
export type CloseRequest = Request<'closeWon'>;
export type OpenRecordRequest = Request<'openRecord'>;

// ---- Team --------------------------------------------------------------------------------------

export interface ManagerRow {
  email: string;
  name: string;
  team: string;
  plan: number;
  fact: number;
  /** fact / plan, 0..n; null when there is no plan. */
  completion: number | null;
  /** Run-rate forecast for the whole period. */
  forecast: number;
  /** (plan - fact) / working days left; 0 when met; null when no working day is left. */
  requiredDailyPace: number | null;
  forgotten: number;
  /** Deals that would be forgotten but are snoozed to a later day. */
  snoozed: number;
  unprocessed: number;
  responseBreaches: number;
  overdueReceivables: number;
  /** Completion (as `completion`) of the last six periods of the shown kind, the shown one last. */
  trend: Array<number | null>;
  /** The manager's receivables by age (the team's for the company row). */
  aging: AgingBucket[];
}

export interface FunnelStep {
  stage: string;
  reached: number;
  /** Share of the previous step that reached this one (0..1); null for the first. */
  conversion: number | null;
}

export interface AgingBucket {
  key: 'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90plus';
  amount: number;
}

export interface TeamView {
  /** "2026-11" */
  period: string;
  currency: string;
  workingDays: { total: number; elapsed: number; left: number };
  company: Omit<ManagerRow, 'email' | 'name' | 'team'>;
  managers: ManagerRow[];
  /** The labels of the periods of each row's `trend`, oldest first. */
  trendPeriods: string[];
  funnel: FunnelStep[];
  receivables: { outstanding: number; overdue: number; aging: AgingBucket[] };
}

/** period: "2026-11", "2026-Q4" or "2026"; '' = the current month. */
export type TeamRequest = Request<'team'>;

export interface WeeklyReportResult {
  /** Emails actually sent now. */
  sent: number;
  /** Recipients skipped (quota, no address, already sent). */
  skipped: number;
}

// ---- Settings ----------------------------------------------------------------------------------

/** from, to: percent of plan; rate: percent of fact. */
export type BonusTierView = SettingsForm['bonus'][number];

export type HolidayView = SettingsForm['holidays'][number];

export interface RemindersView {
  on: boolean;
  /** Email of the account whose trigger sends them ('' when off or unknown). */
  owner: string;
  lastRunAt: IsoInstant | null;
  lastResult: string;
  /** The last success is older than 26 hours while reminders are on. */
  stale: boolean;
}

export type SettingsForm = Request<'saveSettings'>;

export interface SettingsView {
  settings: SettingsForm;
  reminders: RemindersView;
  /** The company's mail domain ('' = unknown: every extra recipient needs confirming). */
  domain: string;
}

export type RemindersRequest = Request<'setReminders'>;

// ---- Import (importFile) -----------------------------------------------------------------------

export type UploadMode = Request<'importFile'>['mode'];

/**
 * The largest import file: far more than any lead list, far less than what would time the
 * execution out. The sidebar refuses a bigger file before reading it; the schema caps its base64.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportMapping {
  /** The header as written in the file. */
  header: string;
  /** The field it maps to in the user's language, or '' when it is ignored. */
  field: string;
}

export interface RejectedRow {
  /** 1-based row number in the file (header = 1). */
  row: number;
  reasons: string[];
}

export interface ImportReport {
  mode: UploadMode;
  fileName: string;
  totalRows: number;
  mapping: ImportMapping[];
  /** Required columns the file lacks (nothing can be imported then). */
  missing: string[];
  rejected: RejectedRow[];
  /** Preview: rows that would be added / merged. Import: rows that were. */
  added: number;
  merged: number;
}

import type { OnboardingStepView, PeopleView } from './contract-people';

// ---- The method table's answers ---------------------------------------------------------------

/** What each method of src/shared/methods.ts answers (produced by our own server code). */
interface Responses {
  bootstrap: Bootstrap;
  today: TodayView;
  findDuplicates: DuplicateClient[];
  addLead: AddLeadResult;
  logActivity: TodayView;
  snooze: TodayView;
  moveStage: TodayView;
  closeWon: TodayView;
  closeLost: TodayView;
  openRecord: { opened: boolean };
  team: TeamView;
  refreshDashboard: { refreshedAt: IsoInstant };
  sendWeeklyReport: WeeklyReportResult;
  getSettings: SettingsView;
  saveSettings: SettingsView;
  setReminders: RemindersView;
  importFile: ImportReport;
  dealCard: DealCardView;
  tasks: TasksView;
  setTask: TasksView;
  completeTask: TasksView;
  cancelTask: TasksView;
  people: PeopleView;
  myOnboarding: OnboardingStepView[];
  markOnboarding: PeopleView;
  startOnboarding: PeopleView;
  addTraining: PeopleView;
  hireCandidate: PeopleView;
  planPreview: PlanPreview;
  planWrite: PlanWriteResult;
  planDefence: PlanDefenceResult;
  moneyView: MoneyView;
  discountQueue: DiscountQueueItem[];
  decideDiscount: DiscountQueueItem[];
  playbook: PlaybookView;
  tickItem: PlaybookView;
  compliance: ComplianceRow[];
  /** What was written, in the workbook's language. */
  writeInstructions: { message: string };
  dealLines: DealLinesView;
  saveDealLines: DealLinesView;
  candidateStage: PeopleView;
  scoreCandidate: PeopleView;
}

export type { Method, Request };
/** Indexing fails to compile if a method of the table has no answer here. */
export type Response<K extends Method> = Responses[K];
