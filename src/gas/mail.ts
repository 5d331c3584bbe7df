/**
 * MailApp behind the engine's MailPort. One recipient per email: the sent-log is keyed per
 * recipient, so a head and a director each get (and are counted for) their own copy.
 */
import type { MailPort } from '../core/reminders/engine';
import type { RenderedMail } from '../core/reminders/types';

export const SENDER_NAME = 'ROP Desk';

/** Recipients left today; Google may report -1 once the quota is spent, which counts as 0. */
export function remainingMailQuota(): number {
  const q = Number(MailApp.getRemainingDailyQuota());
  return Number.isFinite(q) && q > 0 ? Math.floor(q) : 0;
}

export function sendMail(to: string, mail: RenderedMail): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = { name: SENDER_NAME };
  if (mail.html) options.htmlBody = mail.html;
  MailApp.sendEmail(to, mail.subject, mail.text, options);
}

export const mailPort: MailPort = { remaining: remainingMailQuota, send: sendMail };
