/**
 * The report recipients outside the company's domain that the head confirmed in the sidebar
 * (SECURITY.md T4a), kept in document properties: the Settings sheet says who should get the
 * reports, this says which outsiders the head agreed to.
 */
import { gateRecipients, homeDomain } from '../../core/crm/recipients';
import type { Manager } from '../../core/types';
import { getDocProperty, setDocProperty } from '../../gas/properties';
import { ownerEmail } from '../../gas/protections';
import type { Workbook } from '../../gas/workbook';

export const CONFIRMED_KEY = 'ropdesk.confirmedRecipients';

export function confirmedRecipients(): Set<string> {
  try {
    const list: unknown = JSON.parse(getDocProperty(CONFIRMED_KEY) ?? '[]');
    return new Set(Array.isArray(list) ? list.map((x) => String(x).toLowerCase()) : []);
  } catch {
    return new Set();
  }
}

export function storeConfirmed(emails: readonly string[]): void {
  setDocProperty(CONFIRMED_KEY, JSON.stringify([...new Set(emails)].sort()));
}

export function companyDomain(wb: Workbook, managers: readonly Manager[]): string {
  return homeDomain(ownerEmail(wb.ss), managers);
}

/** The Settings recipients a report may go to now, and the ones held for confirmation. */
export function reportRecipientsGate(
  wb: Workbook,
  managers: readonly Manager[],
  recipients: readonly string[],
): { allowed: string[]; held: string[] } {
  return gateRecipients(recipients, confirmedRecipients(), companyDomain(wb, managers));
}
