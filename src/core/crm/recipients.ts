/**
 * Report recipients outside the file owner's domain need the head's explicit confirmation in the
 * sidebar before any report goes to them (SECURITY.md T4a): an address typed into Settings (by a
 * head's slip, or on a file whose Settings sheet was not yet protected) must not quietly receive
 * the team's figures.
 */
import type { Manager } from '../types';

/** Mail providers whose domain says nothing about who belongs to the company. */
const PUBLIC = new Set([
  'gmail.com',
  'googlemail.com',
  'yandex.ru',
  'ya.ru',
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'rambler.ru',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
  'yahoo.com',
]);

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The company's domain: the owner's, else the active heads' (none for public providers). */
export function homeDomain(owner: string, managers: readonly Manager[]): string {
  const from = owner || managers.find((m) => m.role === 'head' && m.active && m.email)?.email || '';
  const d = from.includes('@') ? domainOf(from) : '';
  return PUBLIC.has(d) ? '' : d;
}

/** Whether a report to `email` needs the head's confirmation first. */
export function needsConfirmation(email: string, domain: string): boolean {
  return !domain || domainOf(email) !== domain;
}

/** The recipients a report may go to now, and those held until the head confirms them. */
export function gateRecipients(
  recipients: readonly string[],
  confirmed: ReadonlySet<string>,
  domain: string,
): { allowed: string[]; held: string[] } {
  const allowed: string[] = [];
  const held: string[] = [];
  for (const r of recipients) {
    const e = r.trim().toLowerCase();
    if (!e) continue;
    if (needsConfirmation(e, domain) && !confirmed.has(e)) held.push(e);
    else allowed.push(e);
  }
  return { allowed, held };
}
