/**
 * MailApp: an outbox instead of delivery, with the daily recipient quota (100 consumer /
 * 1,500 Workspace, counted per day of the fake clock), 50 recipients per message and the body
 * size limit. After a send was refused for quota, getRemainingDailyQuota reads -1 as Google's
 * sometimes does.
 */
import { GasError, MSG } from '../errors';
import { Svc, instrument, type Runtime } from '../runtime';

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: number;
  from: string;
  at: number;
}

export const PER_MESSAGE = 50;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const DAY = 86_400_000;

export class MailState {
  outbox: SentMail[] = [];
  quota = 100;
  bodyLimit = 200 * 1024;
  used = 0;
  day = -1;
  exhausted = false;
  remaining(now: number): number {
    const day = Math.floor(now / DAY);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
      this.exhausted = false;
    }
    return this.exhausted && this.quota - this.used <= 0 ? -1 : this.quota - this.used;
  }
}

interface MailOptions {
  to?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

function addresses(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class MailApp
  extends Svc
  implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>
{
  constructor(
    rt: Runtime,
    private readonly _state: MailState,
  ) {
    super(rt);
  }
  getRemainingDailyQuota(): number {
    return this._state.remaining(this._rt.clock.now());
  }
  sendEmail(...args: unknown[]): void {
    let m: MailOptions;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      m = { ...(args[0] as MailOptions) };
    } else if (args.length === 4 && args.every((a) => typeof a === 'string')) {
      // sendEmail(recipient, replyTo, subject, body)
      m = {
        to: args[0] as string,
        replyTo: args[1] as string,
        subject: args[2] as string,
        body: args[3] as string,
      };
    } else {
      m = {
        ...((args[3] as MailOptions | undefined) ?? {}),
        to: args[0] as string,
        subject: args[1] as string,
        body: args[2] as string,
      };
    }
    const all = [...addresses(m.to), ...addresses(m.cc), ...addresses(m.bcc)];
    if (all.length === 0) throw new GasError('Failed to send email: no recipient');
    for (const a of all) {
      const bare = /<([^>]+)>$/.exec(a)?.[1] ?? a;
      if (!EMAIL.test(bare)) throw new GasError(MSG.invalidEmail(a));
    }
    if (all.length > PER_MESSAGE) throw new GasError(MSG.mailPerMessage);
    const size =
      Buffer.byteLength(String(m.body ?? ''), 'utf8') +
      Buffer.byteLength(String(m.htmlBody ?? ''), 'utf8');
    if (size > this._state.bodyLimit) throw new GasError(MSG.mailBody);
    const st = this._state;
    const remaining = st.remaining(this._rt.clock.now());
    if (remaining < all.length) {
      st.exhausted = true;
      throw new GasError(MSG.mailDaily);
    }
    st.used += all.length;
    const mail: SentMail = {
      to: String(m.to ?? ''),
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      from: this._rt.exec?.effectiveUser ?? '',
      at: this._rt.clock.now(),
    };
    if (m.cc) mail.cc = String(m.cc);
    if (m.bcc) mail.bcc = String(m.bcc);
    if (m.htmlBody !== undefined) mail.htmlBody = String(m.htmlBody);
    if (m.name !== undefined) mail.name = String(m.name);
    if (m.replyTo !== undefined) mail.replyTo = String(m.replyTo);
    if (m.noReply !== undefined) mail.noReply = Boolean(m.noReply);
    if (m.attachments) mail.attachments = m.attachments.length;
    st.outbox.push(mail);
  }
}
instrument(MailApp, 'MailApp');
