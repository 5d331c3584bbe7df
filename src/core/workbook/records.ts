/**
 * Typed records from the raw cells of each sheet, and back. Enumerations are read in either
 * language and written in the workbook's; plan values for revenue are roubles in the sheet and
 * kopecks in the core.
 */
import { toKopecks } from '../money';
import type { Activity, Client, Deal, Invoice, Lang, Manager, Plan, StageChange } from '../types';
import { ACTIVITY_TYPES, PLAN_LEVELS, PLAN_METRICS, ROLES, isActiveCell } from './enums';
import { normalizePeriod } from './plan-period';
import { ACTIVITIES, CLIENTS, DEALS, INVOICES, MANAGERS, PLANS, STAGE_HISTORY } from './schema';
import type { Zone } from '../time';
import { CellParsers } from './cells';
import { locate, readTyped, type RawRecord, type ReadOptions } from './tables';

type Cells = Record<string, unknown>;

// Helpers take the value, not (cells, key): `c.id` is a plain property load on the row's one
// shape, where `c[k]` inside a shared helper is a generic keyed look-up per field and row (a
// third of reading 50,000 deals).
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toManager({ row, cells: c }: RawRecord): Manager {
  return {
    row,
    email: str(c.email),
    name: str(c.name),
    team: str(c.team),
    role: ROLES.parse(c.role) ?? 'manager',
    active: isActiveCell(c.active),
    callsPerDay: num(c.callsPerDay),
    meetingsPerWeek: num(c.meetingsPerWeek),
    hiredAt: num(c.hiredAt),
    lastDay: num(c.lastDay),
    grade: str(c.grade),
    mentor: str(c.mentor).toLowerCase(),
  };
}

export function toClient({ row, cells: c }: RawRecord): Client {
  return {
    row,
    id: str(c.id),
    name: str(c.name),
    inn: str(c.inn),
    contactName: str(c.contactName),
    phone: str(c.phone),
    email: str(c.email),
    source: str(c.source),
    manager: str(c.manager),
    need: str(c.need),
    createdAt: num(c.createdAt),
    lastContactAt: num(c.lastContactAt),
    snoozedUntil: num(c.snoozedUntil),
    snoozeReason: str(c.snoozeReason),
    updatedAt: num(c.updatedAt),
  };
}

export function toDeal({ row, cells: c }: RawRecord): Deal {
  return {
    row,
    id: str(c.id),
    clientId: str(c.clientId),
    clientName: str(c.clientName),
    title: str(c.title),
    manager: str(c.manager),
    stage: str(c.stage),
    amount: num(c.amount),
    currency: str(c.currency).toUpperCase(),
    probability: num(c.probability),
    source: str(c.source),
    need: str(c.need),
    lastDiscussed: str(c.lastDiscussed),
    nextStep: str(c.nextStep),
    nextStepDate: num(c.nextStepDate),
    createdAt: num(c.createdAt),
    expectedClose: num(c.expectedClose),
    closedAt: num(c.closedAt),
    lostReason: str(c.lostReason),
    firstActivityAt: num(c.firstActivityAt),
    lastActivityAt: num(c.lastActivityAt),
    closeDatePushes: num(c.closeDatePushes) ?? 0,
    snoozedUntil: num(c.snoozedUntil),
    snoozeReason: str(c.snoozeReason),
    updatedAt: num(c.updatedAt),
  };
}

export function toActivity({ row, cells: c }: RawRecord): Activity {
  return {
    row,
    id: str(c.id),
    at: num(c.at),
    manager: str(c.manager),
    type: ACTIVITY_TYPES.parse(c.type) ?? '',
    clientId: str(c.clientId),
    dealId: str(c.dealId),
    summary: str(c.summary),
    nextStep: str(c.nextStep),
    nextStepDate: num(c.nextStepDate),
  };
}

export function toStageChange({ row, cells: c }: RawRecord): StageChange {
  return {
    row,
    dealId: str(c.dealId),
    fromStage: str(c.fromStage),
    toStage: str(c.toStage),
    at: num(c.at),
    by: str(c.by),
    exitMet: typeof c.exitMet === 'boolean' ? c.exitMet : null,
  };
}

/** A plan row; null when its level or period cannot be understood (analytics skips it). */
export function toPlan({ row, cells: c }: RawRecord): Plan | null {
  const level = PLAN_LEVELS.parse(c.level);
  const period = normalizePeriod(c.period);
  const value = num(c.value);
  if (!level || !period || value === null) return null;
  const metric =
    c.metric === '' || c.metric === undefined ? 'revenue' : PLAN_METRICS.parse(c.metric);
  if (!metric) return null;
  const target = level === 'manager' ? str(c.target).toLowerCase() : str(c.target);
  return {
    row,
    level,
    target: level === 'company' ? '' : target,
    period,
    metric,
    value: metric === 'revenue' ? toKopecks(value) : value,
    source: str(c.source),
  };
}

export function toInvoice({ row, cells: c }: RawRecord): Invoice {
  return {
    row,
    id: str(c.id),
    number: str(c.number),
    clientId: str(c.clientId),
    dealId: str(c.dealId),
    issuedAt: num(c.issuedAt),
    dueDate: num(c.dueDate),
    amount: num(c.amount) ?? 0,
    currency: str(c.currency).toUpperCase(),
    paidAmount: num(c.paidAmount) ?? 0,
    paidAt: num(c.paidAt),
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

// ---- Straight from a sheet's values (one parser per column, no intermediate records) --------

type Values = readonly (readonly unknown[])[];

/**
 * Deals from the Deals sheet's values; `opts.keys` limits parsing to the columns a job uses.
 * What readTyped(values, DEALS, zone, toDeal, opts) gives, in one pass over the rows with each
 * field parsed by its kind's method and each deal built in one object literal: no per-row
 * scratch object, no per-cell dispatch over a list of parsers, each row array touched once
 * (reading the grid column by column instead walks all 50,000 row arrays once per column).
 */
export function readDeals(values: Values, zone: Zone, opts?: ReadOptions): Deal[] {
  const loc = locate(values, DEALS, opts);
  const p = new CellParsers(zone);
  const id = loc.at('id');
  const clientId = loc.at('clientId');
  const clientName = loc.at('clientName');
  const title = loc.at('title');
  const manager = loc.at('manager');
  const stage = loc.at('stage');
  const amount = loc.at('amount');
  const currency = loc.at('currency');
  const probability = loc.at('probability');
  const source = loc.at('source');
  const need = loc.at('need');
  const lastDiscussed = loc.at('lastDiscussed');
  const nextStep = loc.at('nextStep');
  const nextStepDate = loc.at('nextStepDate');
  const createdAt = loc.at('createdAt');
  const expectedClose = loc.at('expectedClose');
  const closedAt = loc.at('closedAt');
  const lostReason = loc.at('lostReason');
  const firstActivityAt = loc.at('firstActivityAt');
  const lastActivityAt = loc.at('lastActivityAt');
  const closeDatePushes = loc.at('closeDatePushes');
  const snoozedUntil = loc.at('snoozedUntil');
  const snoozeReason = loc.at('snoozeReason');
  const updatedAt = loc.at('updatedAt');
  const out: Deal[] = [];
  for (let r = loc.headerRow + 1; r < values.length; r++) {
    const c = values[r];
    if (loc.blank(c)) continue;
    out.push({
      row: r + loc.firstRow,
      id: id < 0 ? '' : p.id(c[id]),
      clientId: clientId < 0 ? '' : p.id(c[clientId]),
      clientName: clientName < 0 ? '' : p.text(c[clientName]),
      title: title < 0 ? '' : p.text(c[title]),
      manager: manager < 0 ? '' : p.email(c[manager]),
      stage: stage < 0 ? '' : p.text(c[stage]),
      amount: amount < 0 ? null : p.money(c[amount]),
      currency: currency < 0 ? '' : p.text(c[currency]).toUpperCase(),
      probability: probability < 0 ? null : p.percent(c[probability]),
      source: source < 0 ? '' : p.text(c[source]),
      need: need < 0 ? '' : p.text(c[need]),
      lastDiscussed: lastDiscussed < 0 ? '' : p.text(c[lastDiscussed]),
      nextStep: nextStep < 0 ? '' : p.text(c[nextStep]),
      nextStepDate: nextStepDate < 0 ? null : p.day(c[nextStepDate]),
      createdAt: createdAt < 0 ? null : p.instant(c[createdAt]),
      expectedClose: expectedClose < 0 ? null : p.day(c[expectedClose]),
      closedAt: closedAt < 0 ? null : p.day(c[closedAt]),
      lostReason: lostReason < 0 ? '' : p.text(c[lostReason]),
      firstActivityAt: firstActivityAt < 0 ? null : p.instant(c[firstActivityAt]),
      lastActivityAt: lastActivityAt < 0 ? null : p.instant(c[lastActivityAt]),
      closeDatePushes: closeDatePushes < 0 ? 0 : (p.number(c[closeDatePushes]) ?? 0),
      snoozedUntil: snoozedUntil < 0 ? null : p.day(c[snoozedUntil]),
      snoozeReason: snoozeReason < 0 ? '' : p.text(c[snoozeReason]),
      updatedAt: updatedAt < 0 ? null : p.instant(c[updatedAt]),
    });
  }
  return out;
}

export const readActivities = (values: Values, zone: Zone, opts?: ReadOptions): Activity[] =>
  readTyped(values, ACTIVITIES, zone, toActivity, opts);

export const readClients = (values: Values, zone: Zone, opts?: ReadOptions): Client[] =>
  readTyped(values, CLIENTS, zone, toClient, opts);

export const readManagers = (values: Values, zone: Zone, opts?: ReadOptions): Manager[] =>
  readTyped(values, MANAGERS, zone, toManager, opts);

export const readStageHistory = (values: Values, zone: Zone, opts?: ReadOptions): StageChange[] =>
  readTyped(values, STAGE_HISTORY, zone, toStageChange, opts);

/** Plans that can be understood (see toPlan); the others are left out. */
export const readPlans = (values: Values, zone: Zone, opts?: ReadOptions): Plan[] =>
  readTyped(values, PLANS, zone, toPlan, opts);

export const readInvoices = (values: Values, zone: Zone, opts?: ReadOptions): Invoice[] =>
  readTyped(values, INVOICES, zone, toInvoice, opts);
