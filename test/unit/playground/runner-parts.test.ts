import { columnLetters, columnNumber, parseA1 } from '../../../local/runner/a1';
import { parseArgValue, parseRunnerArgs, UsageError } from '../../../local/runner/args';
import { encodeWords, toEml } from '../../../local/runner/eml';
import { parseWallTime, toWallIso } from '../../../local/playground/wall-time';

describe('A1 references for custom-function arguments', () => {
  it('reads sheet-qualified ranges, quoted names, whole and open-ended columns', () => {
    expect(parseA1('Счета!A1:J500')).toEqual({
      sheet: 'Счета',
      row: 1,
      col: 1,
      lastRow: 500,
      lastCol: 10,
      single: false,
    });
    expect(parseA1("'История этапов'!A:E")).toMatchObject({
      sheet: 'История этапов',
      row: 1,
      lastRow: null,
      lastCol: 5,
    });
    expect(parseA1("'It''s'!B2")).toMatchObject({ sheet: "It's", row: 2, col: 2, single: true });
    expect(parseA1('Deals!A2:X')).toMatchObject({ row: 2, lastRow: null, lastCol: 24 });
    expect(parseA1('Deals!$B$3')).toMatchObject({ sheet: 'Deals', row: 3, col: 2, single: true });
  });

  it('leaves ordinary text alone', () => {
    for (const text of [
      '2026-Q4',
      'manager',
      'hello world',
      '2026-11',
      'A1:',
      'Q4',
      'B3',
      'A1:B2',
      'S!B3:A1',
    ]) {
      expect(parseA1(text)).toBeNull();
    }
  });

  it('converts column letters both ways', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('AA')).toBe(27);
    expect(columnLetters(28)).toBe('AB');
    expect(columnLetters(columnNumber('XFD'))).toBe('XFD');
  });
});

describe('runner command line', () => {
  it('takes options before the function and keeps the arguments raw', () => {
    const o = parseRunnerArgs([
      '--workbook',
      '/tmp/w.xlsx',
      '-u',
      'ROP@Example.com',
      '--now=2026-12-01T09:00',
      '-a',
      'limited',
      'rpc',
      'today',
      '{}',
    ]);
    expect(o).toMatchObject({
      fn: 'rpc',
      args: ['today', '{}'],
      workbook: '/tmp/w.xlsx',
      user: 'rop@example.com',
      now: '2026-12-01T09:00',
      authMode: 'LIMITED',
      save: true,
    });
    expect(parseRunnerArgs(['--no-save', 'f', '-1']).args).toEqual(['-1']);
  });

  it('refuses what it cannot run', () => {
    expect(() => parseRunnerArgs([])).toThrow(UsageError);
    expect(() => parseRunnerArgs(['--auth-mode', 'ROOT', 'f'])).toThrow(/NONE, LIMITED or FULL/);
    expect(() => parseRunnerArgs(['--bogus', 'f'])).toThrow(/Unknown option/);
    expect(() => parseRunnerArgs(['not a name'])).toThrow(/not a function name/);
  });

  it('parses JSON arguments and keeps anything else as text', () => {
    expect(parseArgValue('{"a":[1,null]}')).toEqual({ a: [1, null] });
    expect(parseArgValue('42')).toBe(42);
    expect(parseArgValue('today')).toBe('today');
  });

  it('reads typed times in the spreadsheet zone unless an offset is given', () => {
    expect(parseWallTime('2026-12-01T09:00', 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 1, 6));
    expect(parseWallTime('01.12.2026 09:00', 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 1, 6));
    expect(parseWallTime('2026-12-01T09:00Z', 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 1, 9));
    expect(() => parseWallTime('31.02.2026', 'Europe/Moscow')).toThrow(/valid/);
    expect(toWallIso(Date.UTC(2026, 11, 1, 6), 'Europe/Moscow')).toBe('2026-12-01T09:00');
  });
});

describe('.eml writer', () => {
  const decodeWords = (s: string) =>
    s
      .split(/\r\n /)
      .map((w) => Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(w)![1], 'base64').toString('utf8'))
      .join('');

  it('encodes Cyrillic headers as RFC 2047 words of at most 75 characters', () => {
    const subject =
      'Ваши дела на сегодня: 3 забытые сделки, 2 необработанных лида и долг «Ромашки»';
    const encoded = encodeWords(subject);
    for (const line of encoded.split('\r\n')) expect(line.trim().length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded)).toBe(subject);
    expect(encodeWords('Daily digest')).toBe('Daily digest');
  });

  it('writes multipart/alternative with UTF-8 text and HTML parts', () => {
    const eml = toEml(
      {
        to: 'ivanov@example.com',
        cc: 'rop@example.com',
        subject: 'Дайджест',
        body: 'Привет',
        htmlBody: '<p>Привет</p>',
        name: 'ROP Desk',
        at: Date.UTC(2026, 11, 1, 6, 30),
      },
      { from: 'rop@example.com', messageId: '1.1@rop-desk.local' },
    );
    const [head, ...rest] = eml.split('\r\n\r\n');
    expect(head).toContain('From: ROP Desk <rop@example.com>');
    expect(head).toContain('To: ivanov@example.com');
    expect(head).toContain('Cc: rop@example.com');
    expect(head).toContain('Date: Tue, 01 Dec 2026 06:30:00 +0000');
    expect(head).toContain('MIME-Version: 1.0');
    const boundary = /boundary="([^"]+)"/.exec(head)![1];
    const parts = rest.join('\r\n\r\n').split(`--${boundary}`);
    expect(parts).toHaveLength(4); // preamble, text, html, closing "--"
    const body = (part: string) =>
      Buffer.from(part.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(parts[1]).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(body(parts[1])).toBe('Привет');
    expect(parts[2]).toContain('Content-Type: text/html; charset=UTF-8');
    expect(body(parts[2])).toBe('<p>Привет</p>');
    expect(eml.endsWith(`--${boundary}--\r\n`)).toBe(true);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });
});
