/**
 * Who is due for training: no attestation for longer than the Settings interval (counted from the
 * last attestation, or from the hire date for someone never attested), or a KPI under its norm in
 * each of the last two finished months, with the topic that KPI suggests.
 */
import type { Day } from '../time';
import type { Manager } from '../types';
import { addMonths } from './months';
import type { Training } from './types';

export type KpiKey = 'conversion' | 'activity' | 'response';
export const KPI_KEYS: readonly KpiKey[] = ['conversion', 'activity', 'response'];

/** One finished month of a manager's figures and the norms they are held to (null: no figure). */
export interface KpiMonth {
  conversion: number | null;
  conversionNorm: number | null;
  /** Calls made / calls expected from the Managers sheet's calls per day. */
  activity: number | null;
  /** Median minutes to the first touch of a new lead, and the Settings limit. */
  responseMinutes: number | null;
  responseLimit: number;
}

export function kpiUnder(m: KpiMonth, key: KpiKey): boolean {
  switch (key) {
    case 'conversion':
      return m.conversion !== null && m.conversionNorm !== null && m.conversion < m.conversionNorm;
    case 'activity':
      return m.activity !== null && m.activity < 1;
    case 'response':
      return m.responseMinutes !== null && m.responseMinutes > m.responseLimit;
  }
}

/** The KPIs under their norm in both months (older and newer). */
export function kpisUnderTwice(older: KpiMonth, newer: KpiMonth): KpiKey[] {
  return KPI_KEYS.filter((k) => kpiUnder(older, k) && kpiUnder(newer, k));
}

export type DueReason = { kind: 'attestation'; last: Day | null } | { kind: 'kpi'; kpi: KpiKey };

export interface TrainingDue {
  manager: string;
  name: string;
  reasons: DueReason[];
}

export function lastAttestation(trainings: readonly Training[], manager: string): Day | null {
  let last: Day | null = null;
  for (const t of trainings) {
    if (t.manager !== manager || t.kind !== 'attestation' || t.date === null) continue;
    if (last === null || t.date > last) last = t.date;
  }
  return last;
}

export function trainingDue(
  managers: readonly Manager[],
  trainings: readonly Training[],
  attestationMonths: number,
  today: Day,
  kpis: ReadonlyMap<string, KpiKey[]>,
): TrainingDue[] {
  const out: TrainingDue[] = [];
  for (const m of managers) {
    if (m.role !== 'manager' || !m.active || (m.lastDay !== null && m.lastDay < today)) continue;
    const email = m.email.trim().toLowerCase();
    const reasons: DueReason[] = [];
    const last = lastAttestation(trainings, email);
    const from = last ?? m.hiredAt;
    if (from === null || addMonths(from, attestationMonths) <= today) {
      reasons.push({ kind: 'attestation', last });
    }
    for (const kpi of kpis.get(email) ?? []) reasons.push({ kind: 'kpi', kpi });
    if (reasons.length) out.push({ manager: email, name: m.name || email, reasons });
  }
  return out;
}
