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
 * internal errors. File imports go through `rpcUpload(form)` (a form is only allowed as the sole
 * argument of a call), answering an `RpcReply<ImportReport>`.
 */
import type { ActivityType, Lang, Role, StageKind } from '../core/types';

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

export interface StageOption {
  name: string;
  kind: StageKind;
  /** 0..100 */
  probability: number;
  /** Days without activity before a deal in this stage counts as forgotten; null = never. */
  rottingDays: number | null;
}

export interface Choice {
  value: string;
  label: string;
}

/** Where a record lives in the sheet, for the "open in sheet" action. */
export type RecordSheet = 'clients' | 'deals' | 'invoices';

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

/** Each deal appears in one list only (unprocessed, else forgotten, else overdue step). */
export interface TodayView {
  /** The day the lists were computed for. */
  asOf: IsoDay;
  forgotten: DealItem[];
  unprocessed: LeadItem[];
  overdueSteps: DealItem[];
  overdueInvoices: InvoiceItem[];
}

// ---- Bootstrap: the one call that loads the first screen ----------------------------------------

export interface Bootstrap {
  me: Me;
  lang: Lang;
  currency: string;
  today: TodayView;
  stages: StageOption[];
  sources: Choice[];
  lostReasons: Choice[];
  activityTypes: Choice[];
  /** Which tabs the role may open (the server checks again on every call). */
  can: { team: boolean; import: boolean; settings: boolean; weeklyReport: boolean };
}

// ---- New lead ----------------------------------------------------------------------------------

/** Exactly what the form holds: strings as typed; the server parses and normalises them. */
export interface LeadForm {
  clientName: string;
  inn: string;
  contactName: string;
  phone: string;
  email: string;
  source: string;
  need: string;
  dealTitle: string;
  amount: string;
  /** The first conversation, captured in the same step. */
  activityType: ActivityKind | '';
  summary: string;
  nextStep: string;
  nextStepDate: IsoDay | '';
}

export interface DuplicateQuery {
  clientName: string;
  inn: string;
  phone: string;
  email: string;
}

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

export interface AddLeadRequest {
  lead: LeadForm;
  /** Save even though duplicates were shown. */
  force: boolean;
}

export type AddLeadResult =
  | { status: 'added'; clientId: string; dealId: string; today: TodayView }
  | { status: 'duplicates'; duplicates: DuplicateClient[] };

// ---- Actions on a deal (each answers with the refreshed Today lists: one round trip) ----------

/** Every action names the deal and the `updatedAt` stamp it was shown with: if someone changed
 * the deal since, the server refuses instead of overwriting their edit. */
export interface DealAction {
  dealId: string;
  updatedAt: IsoInstant | null;
}

export interface LogActivityRequest extends DealAction {
  type: ActivityKind;
  summary: string;
  nextStep: string;
  nextStepDate: IsoDay | '';
}

export interface SnoozeRequest extends DealAction {
  until: IsoDay | '';
  reason: string;
}

export interface MoveStageRequest extends DealAction {
  stage: string;
  /** As typed; needed when the new stage requires an amount and the deal has none. */
  amount: string;
}

export interface CloseRequest extends DealAction {
  /** Required for lost, ignored for won. */
  reason: string;
  /** As typed; a won deal needs an amount when it has none. */
  amount: string;
}

export interface OpenRecordRequest {
  sheet: RecordSheet;
  id: string;
}

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
  /** (plan - fact) / working days left; 0 when met. */
  requiredDailyPace: number;
  forgotten: number;
  unprocessed: number;
  responseBreaches: number;
  overdueReceivables: number;
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
  funnel: FunnelStep[];
  receivables: { outstanding: number; overdue: number; aging: AgingBucket[] };
}

export interface TeamRequest {
  /** "2026-11", "2026-Q4" or "2026"; '' = the current month. */
  period: string;
}

export interface WeeklyReportResult {
  /** Emails actually sent now. */
  sent: number;
  /** Recipients skipped (quota, no address, already sent). */
  skipped: number;
}

// ---- Settings ----------------------------------------------------------------------------------

export interface BonusTierView {
  scheme: string;
  kind: 'flat' | 'marginal' | 'threshold';
  /** Percent of plan. */
  from: number;
  to: number | null;
  /** Percent of fact. */
  rate: number;
  multiplier: number;
  reduceByOverdue: boolean;
}

export interface HolidayView {
  day: IsoDay;
  dayOff: boolean;
  note: string;
}

export interface RemindersView {
  on: boolean;
  /** Email of the account whose trigger sends them ('' when off or unknown). */
  owner: string;
  lastRunAt: IsoInstant | null;
  lastResult: string;
  /** The last success is older than 26 hours while reminders are on. */
  stale: boolean;
}

export interface SettingsForm {
  lang: Lang;
  currency: string;
  factBasis: 'won' | 'payments';
  responseLimitMinutes: number;
  reminderHour: number;
  reportRecipients: string[];
  stages: StageOption[];
  bonus: BonusTierView[];
  holidays: HolidayView[];
}

export interface SettingsView {
  settings: SettingsForm;
  reminders: RemindersView;
}

export interface RemindersRequest {
  on: boolean;
}

// ---- Import (rpcUpload) ------------------------------------------------------------------------

/** Names of the upload form's inputs: the server reads exactly these. */
export const UPLOAD_FIELDS = { file: 'file', mode: 'mode' } as const;
export type UploadMode = 'preview' | 'import';

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

// ---- The method table --------------------------------------------------------------------------

type Empty = Record<string, never>;

/** Each allow-listed method's request and response. The server's table adds the roles. */
export interface Api {
  bootstrap: { req: Empty; res: Bootstrap };
  today: { req: Empty; res: TodayView };
  findDuplicates: { req: DuplicateQuery; res: DuplicateClient[] };
  addLead: { req: AddLeadRequest; res: AddLeadResult };
  logActivity: { req: LogActivityRequest; res: TodayView };
  snooze: { req: SnoozeRequest; res: TodayView };
  moveStage: { req: MoveStageRequest; res: TodayView };
  closeWon: { req: CloseRequest; res: TodayView };
  closeLost: { req: CloseRequest; res: TodayView };
  openRecord: { req: OpenRecordRequest; res: { opened: boolean } };
  team: { req: TeamRequest; res: TeamView };
  refreshDashboard: { req: Empty; res: { refreshedAt: IsoInstant } };
  sendWeeklyReport: { req: Empty; res: WeeklyReportResult };
  getSettings: { req: Empty; res: SettingsView };
  saveSettings: { req: SettingsForm; res: SettingsView };
  setReminders: { req: RemindersRequest; res: RemindersView };
}

export type Method = keyof Api;
export type Request<K extends Method> = Api[K]['req'];
export type Response<K extends Method> = Api[K]['res'];
