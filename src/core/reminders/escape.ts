/**
 * Email HTML is not sandboxed: every value that came from the workbook (deal titles, client
 * names, notes, emails) goes through these before it touches markup or a header.
 */
const HTML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// C0/C1 controls except tab and newline, plus the line/paragraph separators some clients honour.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return plain(value).replace(/[&<>"'`]/g, (c) => HTML[c]);
}

/** Text for the plain-text part: no control characters, no stray carriage returns. */
export function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** One line of text: a subject or a table cell in the plain part. */
export function oneLine(value: unknown, max = 200): string {
  const s = plain(value).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * Only links we build ourselves reach an href, but they are still checked: https to Google's
 * spreadsheet host, nothing else (no javascript:, no data:).
 */
export function safeUrl(url: string): string {
  return /^https:\/\/docs\.google\.com\/[^\s"'<>`]*$/.test(url) ? url : '';
}

/** A mailbox as MailApp accepts it; anything else is reported instead of sent. */
export function isValidEmail(value: string): boolean {
  return (
    value.length <= 254 &&
    /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i.test(
      value,
    ) &&
    !value.includes('..')
  );
}

/** UTF-8 byte length, which is what the mail size limit counts. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
