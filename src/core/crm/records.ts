/**
 * Typed records from the raw cells of each sheet, and back. Enumerations are read in either
 * language and written in the workbook's; plan values for revenue are roubles in the sheet and
 * kopecks in the core.
 */
import { toKopecks } from '../money';
import type { Activity, Client, Deal, Invoice, Lang, Manager, Plan, StageChange } from '../types';
import { ACTIVITY_TYPES, PLAN_LEVELS, PLAN_METRICS, ROLES, isActiveCell } from './enums';
import { normalizePeriod } from './period';
import type { RawRecord } from './tables';

type Cells = Record<string, unknown>;

const str = (c: Cells, k: string): string => (typeof c[k] === 'string' ? (c[k] as string) : '');
const num = (c: Cells, k: string): number | null =>
  typeof c[k] === 'number' ? (c[k] as number) : null;

export function toManager({ row, cells: c }: RawRecord): Manager {
  return {
    row,
    email: str(c, 'email'),
    name: str(c, 'name'),
    team: str(c, 'team'),
    role: ROLES.parse(c.role) ?? 'manager',
    active: isActiveCell(c.active),
    callsPerDay: num(c, 'callsPerDay'),
    meetingsPerWeek: num(c, 'meetingsPerWeek'),
    hiredAt: num(c, 'hiredAt'),
  };
}

export function toClient({ row, cells: c }: RawRecord): Client {
  return {
    row,
    id: str(c, 'id'),
    name: str(c, 'name'),
    inn: str(c, 'inn'),
    contactName: str(c, 'contactName'),
    phone: str(c, 'phone'),
    email: str(c, 'email'),
    source: str(c, 'source'),
    manager: str(c, 'manager'),
    need: str(c, 'need'),
    createdAt: num(c, 'createdAt'),
    lastContactAt: num(c, 'lastContactAt'),
    snoozedUntil: num(c, 'snoozedUntil'),
    snoozeReason: str(c, 'snoozeReason'),
    updatedAt: num(c, 'updatedAt'),
  };
}

export function toDeal({ row, cells: c }: RawRecord): Deal {
  return {
    row,
    id: str(c, 'id'),
    clientId: str(c, 'clientId'),
    clientName: str(c, 'clientName'),
    title: str(c, 'title'),
    manager: str(c, 'manager'),
    stage: str(c, 'stage'),
    amount: num(c, 'amount'),
    currency: str(c, 'currency').toUpperCase(),
    probability: num(c, 'probability'),
    source: str(c, 'source'),
    need: str(c, 'need'),
    lastDiscussed: str(c, 'lastDiscussed'),
    nextStep: str(c, 'nextStep'),
    nextStepDate: num(c, 'nextStepDate'),
    createdAt: num(c, 'createdAt'),
    expectedClose: num(c, 'expectedClose'),
    closedAt: num(c, 'closedAt'),
    lostReason: str(c, 'lostReason'),
    firstActivityAt: num(c, 'firstActivityAt'),
    lastActivityAt: num(c, 'lastActivityAt'),
    closeDatePushes: num(c, 'closeDatePushes') ?? 0,
    snoozedUntil: num(c, 'snoozedUntil'),
    snoozeReason: str(c, 'snoozeReason'),
    updatedAt: num(c, 'updatedAt'),
  };
}

export function toActivity({ row, cells: c }: RawRecord): Activity {
  return {
    row,
    id: str(c, 'id'),
    at: num(c, 'at'),
    manager: str(c, 'manager'),
    type: ACTIVITY_TYPES.parse(c.type) ?? '',
    clientId: str(c, 'clientId'),
    dealId: str(c, 'dealId'),
    summary: str(c, 'summary'),
    nextStep: str(c, 'nextStep'),
    nextStepDate: num(c, 'nextStepDate'),
  };
}

export function toStageChange({ row, cells: c }: RawRecord): StageChange {
  return {
    row,
    dealId: str(c, 'dealId'),
    fromStage: str(c, 'fromStage'),
    toStage: str(c, 'toStage'),
    at: num(c, 'at'),
    by: str(c, 'by'),
  };
}

/** A plan row; null when its level or period cannot be understood (analytics skips it). */
export function toPlan({ row, cells: c }: RawRecord): Plan | null {
  const level = PLAN_LEVELS.parse(c.level);
  const period = normalizePeriod(c.period);
  const value = num(c, 'value');
  if (!level || !period || value === null) return null;
  const metric =
    c.metric === '' || c.metric === undefined ? 'revenue' : PLAN_METRICS.parse(c.metric);
  if (!metric) return null;
  const target = level === 'manager' ? str(c, 'target').toLowerCase() : str(c, 'target');
  return {
    row,
    level,
    target: level === 'company' ? '' : target,
    period,
    metric,
    value: metric === 'revenue' ? toKopecks(value) : value,
  };
}

export function toInvoice({ row, cells: c }: RawRecord): Invoice {
  return {
    row,
    id: str(c, 'id'),
    number: str(c, 'number'),
    clientId: str(c, 'clientId'),
    dealId: str(c, 'dealId'),
    issuedAt: num(c, 'issuedAt'),
    dueDate: num(c, 'dueDate'),
    amount: num(c, 'amount') ?? 0,
    currency: str(c, 'currency').toUpperCase(),
    paidAmount: num(c, 'paidAmount') ?? 0,
    paidAt: num(c, 'paidAt'),
  };
}

// ---- Back to cells (by column key; cells.ts turns these into sheet values) -------------------

export function managerCells(m: Omit<Manager, 'row'>, lang: Lang): Cells {
  return { ...m, role: ROLES.label(m.role, lang) };
}

export function activityCells(a: Omit<Activity, 'row'>, lang: Lang): Cells {
  return { ...a, type: a.type ? ACTIVITY_TYPES.label(a.type, lang) : '' };
}

export function planCells(p: Omit<Plan, 'row'>, lang: Lang): Cells {
  return {
    ...p,
    level: PLAN_LEVELS.label(p.level, lang),
    metric: PLAN_METRICS.label(p.metric, lang),
    value: p.metric === 'revenue' ? p.value / 100 : p.value,
  };
}
