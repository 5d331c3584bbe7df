/**
 * Discipline figures per manager: activity against the norms on the Managers sheet, and CRM
 * completeness (filled required fields / required fields, averaged over the manager's records).
 *
 * Norms: calls a day x working days elapsed in the period; meetings a week x working days / 5.
 * Required fields: a client needs a contact name, a phone or an email, a source and a need; a
 * deal needs a client, a title, a source and a need; an open deal also a next step with its date
 * and an expected close date; from the second stage on (and when won) an amount; a lost deal a
 * lost reason.
 */
import { dayOfInstant, type Day, type Zone } from '../time';
import type { Client, Deal, WorkbookData } from '../types';
import type { Period } from './period';
import { labelsOf, managerKeys } from './managers';
import { calendarOf, stagesOf } from './settings';
import type { StageIndex } from './stages';

export interface ActivityNormRow {
  manager: string;
  name: string;
  calls: number;
  callsNorm: number | null;
  callsCompliance: number | null;
  meetings: number;
  meetingsNorm: number | null;
  meetingsCompliance: number | null;
  /** Emails and messages: counted, no norm. */
  other: number;
}

export function activityNorms(
  data: WorkbookData,
  period: Period,
  asOf: Day,
  zone: Zone,
): ActivityNormRow[] {
  const elapsed = calendarOf(data.settings).workingDaysBetween(
    period.start,
    Math.min(asOf, period.end),
  );
  const end = Math.min(asOf, period.end);
  const keyOf = managerKeys(data.managers);
  const counts = new Map<string, { calls: number; meetings: number; other: number }>();
  for (const a of data.activities) {
    if (a.at === null) continue;
    const d = dayOfInstant(a.at, zone);
    if (d < period.start || d > end) continue;
    const k = keyOf(a.manager);
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { calls: 0, meetings: 0, other: 0 }));
    if (a.type === 'call') c.calls++;
    else if (a.type === 'meeting') c.meetings++;
    else c.other++;
  }
  const rows: ActivityNormRow[] = [];
  for (const m of data.managers) {
    if (m.role !== 'manager' || !m.active) continue;
    const c = counts.get(m.email.trim().toLowerCase()) ?? { calls: 0, meetings: 0, other: 0 };
    const callsNorm = m.callsPerDay !== null ? m.callsPerDay * elapsed : null;
    const meetingsNorm =
      m.meetingsPerWeek !== null ? Math.round(((m.meetingsPerWeek * elapsed) / 5) * 10) / 10 : null;
    rows.push({
      manager: m.email.trim().toLowerCase(),
      name: m.name || m.email,
      calls: c.calls,
      callsNorm,
      callsCompliance: callsNorm ? c.calls / callsNorm : null,
      meetings: c.meetings,
      meetingsNorm,
      meetingsCompliance: meetingsNorm ? c.meetings / meetingsNorm : null,
      other: c.other,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export interface Completeness {
  filled: number;
  required: number;
  /** Field keys left empty. */
  missing: string[];
}

const has = (v: unknown): boolean =>
  v !== null && v !== undefined && (typeof v !== 'string' || v.trim() !== '');

/** Counts filled fields; names the missing ones only when asked (the per-manager mean does not). */
class Checker {
  filled = 0;
  required = 0;
  missing: string[] = [];
  constructor(private readonly names: boolean) {}
  field(key: string, value: unknown): this {
    this.required++;
    if (has(value)) this.filled++;
    else if (this.names) this.missing.push(key);
    else this.missing.length = 1;
    return this;
  }
  result(): Completeness {
    return { filled: this.filled, required: this.required, missing: this.missing };
  }
}

export function dealCompleteness(d: Deal, stages: StageIndex, names = true): Completeness {
  const kind = stages.kindOf(d.stage);
  const c = new Checker(names)
    .field('clientId', d.clientId)
    .field('title', d.title)
    .field('source', d.source)
    .field('need', d.need);
  if (kind === 'open') {
    c.field('nextStep', d.nextStep)
      .field('nextStepDate', d.nextStepDate)
      .field('expectedClose', d.expectedClose);
    if (stages.openPosition(d.stage) !== 0) c.field('amount', d.amount);
  } else if (kind === 'won') c.field('amount', d.amount).field('closedAt', d.closedAt);
  else c.field('lostReason', d.lostReason).field('closedAt', d.closedAt);
  return c.result();
}

export function clientCompleteness(c: Client, names = true): Completeness {
  return new Checker(names)
    .field('name', c.name)
    .field('contactName', c.contactName)
    .field('phone', c.phone || c.email)
    .field('source', c.source)
    .field('need', c.need)
    .result();
}

export interface CompletenessRow {
  manager: string;
  name: string;
  records: number;
  /** Mean of the records' filled / required. null with no records. */
  completeness: number | null;
  /** Records with at least one required field empty. */
  incomplete: number;
}

export function crmCompleteness(data: WorkbookData): {
  rows: CompletenessRow[];
  total: CompletenessRow;
} {
  const stages = stagesOf(data.settings);
  const keyOf = managerKeys(data.managers);
  const acc = new Map<string, { sum: number; n: number; bad: number }>();
  const add = (manager: string, c: Completeness): void => {
    const k = keyOf(manager);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { sum: 0, n: 0, bad: 0 }));
    a.sum += c.required ? c.filled / c.required : 1;
    a.n++;
    if (c.missing.length) a.bad++;
  };
  for (const d of data.deals) add(d.manager, dealCompleteness(d, stages, false));
  for (const c of data.clients) add(c.manager, clientCompleteness(c, false));
  const names = labelsOf(data.managers);
  const rows: CompletenessRow[] = [];
  let sum = 0;
  let n = 0;
  let bad = 0;
  for (const [k, a] of acc) {
    rows.push({
      manager: k,
      name: names.get(k) ?? k,
      records: a.n,
      completeness: a.sum / a.n,
      incomplete: a.bad,
    });
    sum += a.sum;
    n += a.n;
    bad += a.bad;
  }
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return {
    rows,
    total: { manager: '', name: '', records: n, completeness: n ? sum / n : null, incomplete: bad },
  };
}
