/**
 * The Apps Script runtime's small services a use-case needs without naming a Google global:
 * waiting between retries and minting a run id.
 */

export function sleep(ms: number): void {
  Utilities.sleep(ms);
}

export function newUuid(): string {
  return Utilities.getUuid();
}

/** `ms` as text in an IANA zone with a Java SimpleDateFormat pattern (Utilities.formatDate). */
export function formatInZone(ms: number, timeZone: string, pattern: string): string {
  return Utilities.formatDate(new Date(ms), timeZone, pattern);
}
