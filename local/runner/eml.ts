/**
 * Writes a sent email as an RFC 5322 message that any mail client opens: UTF-8 headers as RFC 2047
 * encoded words, and the text and HTML bodies as a multipart/alternative (RFC 2046), base64 so
 * that Cyrillic and long lines survive every client.
 */
export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  /** Epoch ms when it was sent (the emulator's clock). */
  at: number;
}

const CRLF = '\r\n';

/** RFC 2047 "B" encoded words, each at most 75 characters, never splitting a UTF-8 sequence. */
export function encodeWords(text: string): string {
  // Printable ASCII stays as it is.
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  // 45 bytes of UTF-8 become 60 base64 characters: with "=?UTF-8?B?" and "?=" that is 72.
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words
    .map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`)
    .join(`${CRLF} `);
}

function address(list: string): string {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .join(`,${CRLF} `);
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return (b64.match(/.{1,76}/g) ?? ['']).join(CRLF);
}

/** RFC 5322 date, in UTC so the file does not depend on the machine's zone. */
export function rfc5322Date(at: number): string {
  const d = new Date(at);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
  );
}

export function toEml(mail: SentMail, opts: { from: string; messageId: string }): string {
  const from = mail.name ? `${encodeWords(mail.name)} <${opts.from}>` : opts.from;
  const headers = [
    `From: ${from}`,
    `To: ${address(mail.to)}`,
    ...(mail.cc ? [`Cc: ${address(mail.cc)}`] : []),
    ...(mail.bcc ? [`Bcc: ${address(mail.bcc)}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeWords(mail.subject)}`,
    `Date: ${rfc5322Date(mail.at)}`,
    `Message-ID: <${opts.messageId}>`,
    'MIME-Version: 1.0',
  ];
  const text = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.body),
  ];
  if (!mail.htmlBody) return [...headers, ...text, ''].join(CRLF);
  const boundary = `=_rop_desk_${opts.messageId.replace(/[^A-Za-z0-9]/g, '')}`;
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    ...text,
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
