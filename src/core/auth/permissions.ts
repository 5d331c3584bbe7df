/**
 * Which feature needs which OAuth scope beyond reading the spreadsheet. On Google's granular
 * consent screen a user may untick any of them; the shell asks Apps Script which were granted
 * and names the missing ones instead of failing with a raw authorization error.
 */
const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  mail: `${AUTH}script.send_mail`,
  triggers: `${AUTH}script.scriptapp`,
} as const;

export type Permission = keyof typeof SCOPES;

/** reminders: turning the daily reminders on (a trigger that sends mail); sendNow: sending the
 * reminders or the weekly report now; formIntake: the form-submit trigger. */
export type Feature = 'reminders' | 'sendNow' | 'formIntake';

export const FEATURE_PERMISSIONS: Record<Feature, readonly Permission[]> = {
  reminders: ['triggers', 'mail'],
  sendNow: ['mail'],
  formIntake: ['triggers'],
};

/** The feature's permissions not among `authorized` (null = unknown: assume all granted). */
export function missingPermissions(
  feature: Feature,
  authorized: readonly string[] | null,
): Permission[] {
  if (authorized === null) return [];
  return FEATURE_PERMISSIONS[feature].filter((p) => !authorized.includes(SCOPES[p]));
}
