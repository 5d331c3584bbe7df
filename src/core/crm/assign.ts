/**
 * Who gets a new lead. Round-robin among active managers (role "manager"; when there are none,
 * among every active person), in the order of the Managers sheet, continuing after the one who got
 * the previous lead (remembered by the shell in document properties, under the lock).
 */
import type { Manager, Settings } from '../types';

export function roundRobinPool(managers: readonly Manager[]): Manager[] {
  const active = managers.filter((m) => m.active && m.email);
  const sales = active.filter((m) => m.role === 'manager');
  return sales.length ? sales : active;
}

/** The next manager's email after `last`, or '' when nobody can take leads. */
export function nextAssignee(managers: readonly Manager[], last: string): string {
  const pool = roundRobinPool(managers);
  if (!pool.length) return '';
  const i = pool.findIndex((m) => m.email === last);
  return pool[(i + 1) % pool.length].email;
}

/**
 * The manager for a new lead: the requested one when given; else by the Settings rule. With
 * "manual" assignment the caller (the person adding the lead) keeps it when they are a manager.
 */
export function assignLead(
  requested: string,
  caller: string,
  managers: readonly Manager[],
  settings: Pick<Settings, 'assignment'>,
  last: string,
): string {
  if (requested) return requested;
  if (settings.assignment === 'manual') {
    const me = managers.find((m) => m.email === caller && m.active);
    if (me) return me.email;
  }
  return nextAssignee(managers, last);
}
