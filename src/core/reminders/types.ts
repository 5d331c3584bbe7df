/**
 * The reminders' own model: what a digest or report says, independent of how the workbook was
 * read and of how mail is sent. Selections come from the analytics core (one definition of
 * "forgotten", "overdue" and plan-fact for the whole product); this module only arranges them per
 * recipient and renders them.
 */
import type { BudgetAlert } from './budget';
import type { Kopecks } from '../money';
import type { SheetKey } from '../workbook/schema';
import type { Day } from '../time';
import type { Lang } from '../types';
import type { Standing } from './standings';

/** What one email is: the manager's daily digest, the head's daily summary, the two reports. */
export type MailKind = 'digest' | 'summary' | 'weekly' | 'monthly';
export const MAIL_KINDS: readonly MailKind[] = ['digest', 'summary', 'weekly', 'monthly'];

/** Sections of a manager's digest, in the order the email shows them. */
export type SectionKey =
  'forgottenDeals' | 'unprocessedLeads' | 'nextSteps' | 'forgottenClients' | 'overdueInvoices';
export const SECTIONS: readonly SectionKey[] = [
  'forgottenDeals',
  'unprocessedLeads',
  'nextSteps',
  'forgottenClients',
  'overdueInvoices',
];

/** Why an item is listed; one message key per reason. */
export type Reason =
  | 'forgotten'
  | 'unprocessed'
  | 'overdueNextStep'
  | 'noNextStep'
  | 'forgottenClient'
  | 'overdueInvoice';

/** Where an item lives, so the email can link to its row. */
export interface RowLocation {
  sheet: SheetKey;
  /** 1-based sheet row; 0 when unknown (the link then opens the sheet). */
  row: number;
}

export interface ReminderItem {
  section: SectionKey;
  reason: Reason;
  /** D-000001, C-000001, I-000001. */
  id: string;
  /** Deal title, client name or invoice number, as typed by users (escaped when rendered). */
  title: string;
  /** Second line: the client of a deal, the stage, the next step text... */
  detail: string;
  /** Owner's email, lower-case. */
  manager: string;
  /** Days since the last touch (forgotten), or past the step's / invoice's date. */
  days: number;
  /** Days past the limit / due date (0 when not applicable). */
  daysOverdue: number;
  /** Working minutes a lead has waited (unprocessed leads). */
  minutes: number;
  /** The limit that applied (rotting days, client days), 0 when none. */
  limit: number;
  /** 1 normal, 2 high, 3 critical: the analytics core's severity. */
  severity: number;
  amount: Kopecks | null;
  where: RowLocation;
  /** Present when a snooze is set; items snoozed past today never reach this model. */
  snoozedUntil: Day | null;
}

export interface PlanStatus {
  /** Who the figures are for: a manager's email, a team name, or '' for the company. */
  target: string;
  label: string;
  plan: number;
  fact: number;
  runRateForecast: number;
  /** Per working day left to reach the plan; null when no working day is left. */
  requiredDailyPace: number | null;
  /** True when the figures are money (kopecks); counts otherwise. */
  money: boolean;
}

export interface Digest {
  manager: string;
  managerName: string;
  day: Day;
  sections: Record<SectionKey, ReminderItem[]>;
  plan: PlanStatus | null;
  /** Sum of item weights: the order managers are mailed in when quota is short. */
  urgency: number;
  /** Every item the manager has today (the panel's badge): the subject says this many. */
  total: number;
  /** Items left out of `sections` to keep the email short; the panel lists them all. */
  more: number;
}

/** One row of a per-manager table in the head's emails. */
export interface ManagerLine {
  manager: string;
  name: string;
  counts: Record<SectionKey, number>;
  overdueReceivables: Kopecks;
  plan: PlanStatus | null;
}

export interface HeadSummary {
  day: Day;
  team: PlanStatus | null;
  managers: ManagerLine[];
  /** Largest open deals that are forgotten or have an overdue/missing next step. */
  atRisk: ReminderItem[];
  /** Overdue invoices, largest first. */
  receivables: ReminderItem[];
  receivablesTotal: Kopecks;
  /** Managers whose email is not usable (reported, never mailed). */
  invalidManagers: string[];
  /** Budget lines overspending this month (src/core/reminders/budget.ts). */
  budget?: BudgetAlert[];
  /** Who is behind and why, largest gap first (standings.ts). */
  standings?: Standing[];
}

export interface BonusLine {
  manager: string;
  name: string;
  fact: number;
  plan: number;
  bonus: Kopecks;
  note: string;
}

export interface PeriodReport {
  kind: 'weekly' | 'monthly';
  day: Day;
  /** e.g. "2026-11" or "23.11.2026 – 29.11.2026". */
  periodLabel: string;
  team: PlanStatus | null;
  managers: ManagerLine[];
  /** Monthly only, when the analytics core can compute them. */
  bonus: BonusLine[] | null;
  wonCount: number;
  wonAmount: Kopecks;
  newDeals: number;
}

/** Rendered email, ready for MailApp. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** How to link into the workbook: its URL and each sheet's gid. */
export interface LinkContext {
  url: string;
  gids: Partial<Record<SheetKey, number>>;
}

export interface RenderContext {
  lang: Lang;
  currency: string;
  links: LinkContext;
  spreadsheetName: string;
  /** Cap on html + text size in bytes (UTF-8). */
  maxBytes: number;
}
