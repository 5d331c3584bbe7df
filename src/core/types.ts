/**
 * The records ROP Desk keeps in the workbook, as the core sees them after the shell has read and
 * parsed the sheets. Ids are stable strings (C-000123) that survive sorting and row moves; `row`
 * is only where the record was found in this read (1-based sheet row), for links and writes.
 * Money is in kopecks, calendar dates are `Day`s, timestamps are `Instant`s (see time.ts).
 */
import type { Kopecks } from './money';
import type { Day, Instant } from './time';
import type { PeopleSettings } from './people/types';
import type { Playbook } from './playbooks/rules';

export type Lang = 'ru' | 'en';
export type Role = 'manager' | 'head' | 'director';
export type ActivityType = 'call' | 'meeting' | 'email' | 'message';
export type PlanLevel = 'company' | 'team' | 'manager';
export type PlanMetric = 'revenue' | 'wonDeals' | 'newClients' | 'activities';
export type FactBasis = 'won' | 'payments';
/** What a funnel stage means: still open, the won end, or the lost end. */
export type StageKind = 'open' | 'won' | 'lost';

export interface RowRef {
  /** 1-based sheet row where the record was read; 0 for a record not yet written. */
  row: number;
}

export interface Manager extends RowRef {
  email: string;
  name: string;
  team: string;
  role: Role;
  active: boolean;
  callsPerDay: number | null;
  meetingsPerWeek: number | null;
  hiredAt: Day | null;
  /** After it the manager gets no plan and no ramp (blank: still working). */
  lastDay: Day | null;
  /** A step of the growth ladder (the head's own names). */
  grade: string;
  /** Mentor's email (onboarding). */
  mentor: string;
}

export interface Client extends RowRef {
  id: string;
  name: string;
  inn: string;
  contactName: string;
  phone: string;
  email: string;
  source: string;
  /** Manager's email. */
  manager: string;
  need: string;
  createdAt: Instant | null;
  lastContactAt: Instant | null;
  snoozedUntil: Day | null;
  snoozeReason: string;
  updatedAt: Instant | null;
}

export interface Deal extends RowRef {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  /** Manager's email. */
  manager: string;
  stage: string;
  amount: Kopecks | null;
  /** ISO 4217 code; '' means the workbook currency. */
  currency: string;
  /** The deal's own probability (0..1), overriding the stage's when set. */
  probability: number | null;
  source: string;
  need: string;
  lastDiscussed: string;
  nextStep: string;
  nextStepDate: Day | null;
  createdAt: Instant | null;
  expectedClose: Day | null;
  closedAt: Day | null;
  lostReason: string;
  firstActivityAt: Instant | null;
  lastActivityAt: Instant | null;
  closeDatePushes: number;
  snoozedUntil: Day | null;
  snoozeReason: string;
  updatedAt: Instant | null;
}

export interface Activity extends RowRef {
  id: string;
  at: Instant | null;
  manager: string;
  type: ActivityType | '';
  clientId: string;
  dealId: string;
  summary: string;
  nextStep: string;
  nextStepDate: Day | null;
}

export interface StageChange extends RowRef {
  dealId: string;
  fromStage: string;
  toStage: string;
  at: Instant | null;
  by: string;
  /** Whether the move met the stage's exit criterion (playbooks); null: not checked. */
  exitMet?: boolean | null;
}

export interface Plan extends RowRef {
  level: PlanLevel;
  /** '' for the company, the team name, or the manager's email. */
  target: string;
  /** "2026-11", "2026-Q4" or "2026". */
  period: string;
  metric: PlanMetric;
  /** Kopecks for revenue, a plain count for the other metrics. */
  value: number;
  /** Who wrote the row: the plan builder's mark, else typed by hand (plans/diff.ts). */
  source?: string;
}

export interface Invoice extends RowRef {
  id: string;
  number: string;
  clientId: string;
  dealId: string;
  issuedAt: Day | null;
  dueDate: Day | null;
  amount: Kopecks;
  currency: string;
  paidAmount: Kopecks;
  paidAt: Day | null;
}

export interface StageDef {
  name: string;
  probability: number;
  /** Days without activity after which a deal in this stage is forgotten; null = never. */
  rottingDays: number | null;
  kind: StageKind;
  order: number;
}

export interface CalendarException {
  day: Day;
  /** true: a day off (holiday); false: a transferred working day. */
  dayOff: boolean;
  note: string;
}

export interface BonusTier {
  scheme: string;
  kind: 'flat' | 'marginal' | 'threshold';
  /** Completion bounds as fractions of plan (1 = 100%); `to` null = no upper bound. */
  from: number;
  to: number | null;
  /** Rate as a fraction of fact (0.1 = 10%). */
  rate: number;
  /** Multiplier applied above the tier (accelerator); 1 when none. */
  multiplier: number;
  /** Whether the manager's overdue receivables reduce the bonus base. */
  reduceByOverdue: boolean;
}

export interface CurrencyRate {
  currency: string;
  /** Roubles for one unit. */
  rate: number;
}

export interface Settings {
  lang: Lang;
  currency: string;
  factBasis: FactBasis;
  /** Working minutes allowed before a new lead counts as unprocessed. */
  responseLimitMinutes: number;
  /** The largest amount a field accepts, in roubles (a sanity bound; default 10^12). */
  maxAmount?: number;
  /** Days without contact after which a client counts as forgotten. */
  clientForgetDays: number;
  workdayStartMinute: number;
  workdayEndMinute: number;
  reminderHour: number;
  workingDaysOnly: boolean;
  /** Extra recipients of the head's reports (director), comma separated in the sheet. */
  reportRecipients: string[];
  assignment: 'roundRobin' | 'manual';
  /** The longest a deal or client may be snoozed, in days (SECURITY.md T11). */
  snoozeMaxDays: number;
  /** The shortest reason a snooze needs, in characters. */
  snoozeMinReason: number;
  /** At most this many items in a manager's daily digest; the rest is "and N more". */
  digestLimit?: number;
  /** A long-forgotten deal or client is listed again in the daily digest every this many days. */
  digestRepeatDays?: number;
  /** Days a task may stay overdue before it escalates to the head (once); default 2. */
  taskEscalationDays?: number;
  /** Discount limits (0..1) of a manager and the head; absent means 5 % and 15 % (issue #15). */
  discountManager?: number;
  discountHead?: number;
  stages: StageDef[];
  /** Stage playbooks (Settings); absent means none. */
  playbooks?: Playbook[];
  calendar: CalendarException[];
  bonus: BonusTier[];
  rates: CurrencyRate[];
  /** Lead sources offered in dropdowns (Settings lists table); absent means the defaults. */
  sources?: string[];
  /** Reasons a deal is lost, offered in dropdowns; absent means the defaults. */
  lostReasons?: string[];
  /** Onboarding template, interview questions, grades (docs/people.md); absent: the defaults. */
  people?: PeopleSettings;
  /** A new hire's share of a full plan by month since the hire (plans/ramp.ts); absent: default. */
  rampCurve?: number[];
}

/** Everything a job needs from the workbook, read once (one getValues per sheet). */
export interface WorkbookData {
  settings: Settings;
  managers: Manager[];
  clients: Client[];
  deals: Deal[];
  activities: Activity[];
  stageHistory: StageChange[];
  plans: Plan[];
  invoices: Invoice[];
}
