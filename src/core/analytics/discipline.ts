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
  const counts = new Map<string, { calls: number; meetings: number; other: number }>();
  for (const a of data.activities) {
    if (a.at === null) continue;
    const d = dayOfInstant(a.at, zone);
    if (d < period.start || d > end) continue;
    const k = a.manager.trim().toLowerCase();
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

function check(fields: Array<[string, unknown]>): Completeness {
  const missing = fields.filter(([, v]) => !has(v)).map(([k]) => k);
  return { filled: fields.length - missing.length, required: fields.length, missing };
}

export function dealCompleteness(d: Deal, stages: StageIndex): Completeness {
  const kind = stages.kindOf(d.stage);
  const fields: Array<[string, unknown]> = [
    ['clientId', d.clientId],
    ['title', d.title],
    ['source', d.source],
    ['need', d.need],
  ];
  if (kind === 'open') {
    fields.push(
      ['nextStep', d.nextStep],
      ['nextStepDate', d.nextStepDate],
      ['expectedClose', d.expectedClose],
    );
    if (stages.openPosition(d.stage) !== 0) fields.push(['amount', d.amount]);
  } else if (kind === 'won') fields.push(['amount', d.amount], ['closedAt', d.closedAt]);
  else fields.push(['lostReason', d.lostReason], ['closedAt', d.closedAt]);
  return check(fields);
}

export function clientCompleteness(c: Client): Completeness {
  return check([
    ['name', c.name],
    ['contactName', c.contactName],
    ['phone', c.phone || c.email],
    ['source', c.source],
    ['need', c.need],
  ]);
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
  const acc = new Map<string, { sum: number; n: number; bad: number }>();
  const add = (manager: string, c: Completeness): void => {
    const k = manager.trim().toLowerCase();
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { sum: 0, n: 0, bad: 0 }));
    a.sum += c.required ? c.filled / c.required : 1;
    a.n++;
    if (c.missing.length) a.bad++;
  };
  for (const d of data.deals) add(d.manager, dealCompleteness(d, stages));
  for (const c of data.clients) add(c.manager, clientCompleteness(c));
  const names = new Map(
    data.managers.map((m) => [m.email.trim().toLowerCase(), m.name || m.email]),
  );
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
