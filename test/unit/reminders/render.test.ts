import {
  fitToSize,
  renderDigest,
  renderReport,
  renderSummary,
  mailBytes,
} from '../../../src/core/reminders/render';
import { escapeHtml, isValidEmail, oneLine, safeUrl } from '../../../src/core/reminders/escape';
import { barHtml, barText } from '../../../src/core/reminders/bars';
import { ctx, DAY, digest, item } from './fixtures';

const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '<a href="javascript:alert(1)">x</a>',
  '`${alert(1)}`',
  '<svg/onload=alert(1)>',
  '&lt;script&gt;',
];

/** Markup the renderer itself produces: no payload may add to it. */
function tagsOf(html: string): string[] {
  return (html.match(/<\/?[a-z0-9]+/gi) ?? []).map((t) => t.toLowerCase());
}

const ATTRS = new Set([
  'style',
  'width',
  'role',
  'cellpadding',
  'cellspacing',
  'align',
  'href',
  'target',
  'aria-label',
  'charset',
  'name',
  'content',
]);

/** Every attribute of every real tag: names from our small set, hrefs only to the sheet. */
function checkAttributes(html: string): void {
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const attrs = tag.replace(/^<[a-z0-9]+/i, '').matchAll(/\s*([^\s=>]+)(?:="([^"]*)")?/g);
    for (const [, name, value] of attrs) {
      if (name === '/') continue;
      expect(ATTRS).toContain(name.toLowerCase());
      if (name === 'href') expect(value).toMatch(/^https:\/\/docs\.google\.com\//);
    }
  }
}

describe('escaping', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('keeps subjects on one line (no header injection)', () => {
    expect(oneLine('a\r\nBcc: evil@x.ru\nb')).toBe('a Bcc: evil@x.ru b');
  });

  it('lets only docs.google.com https links through', () => {
    expect(safeUrl('https://docs.google.com/spreadsheets/d/1/edit')).toBe(
      'https://docs.google.com/spreadsheets/d/1/edit',
    );
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('https://docs.google.com/"onmouseover=alert(1)')).toBe('');
    expect(safeUrl('http://docs.google.com/x')).toBe('');
  });

  it('validates mailboxes', () => {
    expect(isValidEmail('anna@example.ru')).toBe(true);
    expect(isValidEmail('anna.petrova+crm@sub.example.com')).toBe(true);
    for (const bad of [
      '',
      'anna',
      'anna@',
      '@x.ru',
      'a b@x.ru',
      'a@x',
      'a..b@x.ru',
      'a@x.ru,b@y.ru',
      '=HYPERLINK("x")',
    ])
      expect(isValidEmail(bad)).toBe(false);
  });

  it.each(XSS)('no payload survives into the digest markup: %s', (payload) => {
    const clean = renderDigest(digest([item()]), ctx(), 25);
    const d = digest(
      [
        item({ title: payload, detail: payload }),
        item({
          id: 'C-000001',
          section: 'forgottenClients',
          reason: 'forgottenClient',
          title: payload,
          detail: payload,
          where: { sheet: 'clients', row: 3 },
        }),
      ],
      { managerName: payload, plan: { ...digest([]).plan!, label: payload } },
    );
    const mail = renderDigest(d, ctx({ spreadsheetName: payload }), 25);
    expect(mail.html).not.toContain(payload.includes('<') ? payload : '\u0000');
    checkAttributes(mail.html);
    // The same tag vocabulary as a clean email: payloads added no element.
    expect(new Set(tagsOf(mail.html))).toEqual(new Set([...tagsOf(clean.html)]));
    // The text part carries the payload as plain text (that is what it is).
    expect(mail.text).toContain(oneLine(payload));
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('escapes payloads in the summary and reports too', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const s = renderSummary(
      {
        day: DAY,
        team: null,
        managers: [
          {
            manager: 'a@x.ru',
            name: payload,
            counts: {
              forgottenDeals: 1,
              unprocessedLeads: 0,
              nextSteps: 0,
              forgottenClients: 0,
              overdueInvoices: 0,
            },
            overdueReceivables: 0,
            plan: null,
          },
        ],
        atRisk: [item({ title: payload })],
        receivables: [],
        receivablesTotal: 0,
        invalidManagers: [payload],
      },
      ctx(),
      25,
    );
    expect(s.html).not.toContain('<img');
    const r = renderReport(
      {
        kind: 'monthly',
        day: DAY,
        periodLabel: payload,
        team: null,
        managers: [],
        bonus: [{ manager: 'a@x.ru', name: payload, fact: 1, plan: 2, bonus: 100, note: '' }],
        wonCount: 0,
        wonAmount: 0,
        newDeals: 0,
      },
      ctx(),
      25,
    );
    expect(r.html).not.toContain('<img');
    expect(r.subject).toContain(payload); // subjects are plain text, not HTML
  });
});

describe('monthly bonus notes', () => {
  it('shows what a bonus figure leaves out beside it, in the HTML and the text part', () => {
    const note = 'схема грейда Senior «Золото» не найдена — взята «Базовая»';
    const r = renderReport(
      {
        kind: 'monthly',
        day: DAY,
        periodLabel: '2026-11',
        team: null,
        managers: [],
        bonus: [
          { manager: 'a@x.ru', name: 'Анна', fact: 1, plan: 2, bonus: 100, note },
          { manager: 'b@x.ru', name: 'Борис', fact: 1, plan: 2, bonus: 100, note: '<b>x</b>' },
          { manager: 'c@x.ru', name: 'Вера', fact: 2, plan: 2, bonus: 200, note: '' },
        ],
        wonCount: 0,
        wonAmount: 0,
        newDeals: 0,
      },
      ctx(),
      25,
    );
    expect(r.html).toContain(note);
    expect(r.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(r.text).toContain(`(${note})`);
    const vera = r.text.split('\n').find((l) => l.includes('Вера'))!;
    expect(vera).not.toContain('(');
  });
});

describe('digest rendering', () => {
  it('shows sections with counts, row links, reasons and the plan, in both parts', () => {
    const d = digest([
      item(),
      item({
        id: 'D-000002',
        section: 'unprocessedLeads',
        reason: 'unprocessed',
        minutes: 125,
        where: { sheet: 'deals', row: 40 },
      }),
      item({
        id: 'D-000003',
        section: 'nextSteps',
        reason: 'noNextStep',
        where: { sheet: 'deals', row: 41 },
      }),
    ]);
    const mail = renderDigest(d, ctx(), 25);
    expect(mail.subject).toBe('ROP Desk: 3 задачи на 27.11.2026');
    expect(mail.html).toContain(
      'https://docs.google.com/spreadsheets/d/abc123/edit#gid=111&amp;range=A12',
    );
    expect(mail.text).toContain(
      'https://docs.google.com/spreadsheets/d/abc123/edit#gid=111&range=A40',
    );
    expect(mail.html).toContain('Забытые сделки (1)');
    expect(mail.html).toContain('Необработанные лиды (1)');
    expect(mail.text).toContain('ждёт 2 ч рабочего времени');
    expect(mail.text).toContain('12 дн. без активности (норма этапа — 7 дн.)');
    expect(mail.text).toContain('150\u00a0000\u00a0₽');
    expect(mail.text).toContain('[############........] 60%');
    expect(mail.html).toContain('width="60%"');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<style');
    expect(mail.html).not.toContain('class=');
    // Empty sections are not shown.
    expect(mail.html).not.toContain('Забытые клиенты');
  });

  it('speaks English when asked', () => {
    const mail = renderDigest(digest([item()]), ctx({ lang: 'en' }), 25);
    expect(mail.subject).toBe('ROP Desk: 1 item for 27.11.2026');
    expect(mail.text).toContain('Forgotten deals (1)');
    expect(mail.text).toContain('₽150,000');
  });

  it('cuts long lists with "and N more" and a link to the sheet', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      item({ id: `D-${String(i).padStart(6, '0')}`, where: { sheet: 'deals', row: i + 2 } }),
    );
    const mail = renderDigest(digest(many), ctx(), 25);
    expect(mail.text).toContain('и ещё 15 — открыть в таблице');
    expect(mail.html).toContain('#gid=111"');
  });

  it('fits the size limit by lowering the cap, never dropping the counts', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      item({
        id: `D-${String(i).padStart(6, '0')}`,
        title: 'Длинное название сделки '.repeat(8),
        where: { sheet: 'deals', row: i + 2 },
      }),
    );
    const big = renderDigest(digest(many), ctx(), 25);
    expect(mailBytes(big)).toBeGreaterThan(20_000);
    const fitted = fitToSize(ctx({ maxBytes: 20_000 }), (cap) =>
      renderDigest(digest(many), ctx(), cap),
    );
    expect(fitted.bytes).toBeLessThanOrEqual(20_000);
    expect(fitted.cap).toBeLessThan(25);
    expect(fitted.html).toContain('Забытые сделки (500)');
    expect(fitted.text).toMatch(/и ещё \d+ — открыть в таблице/);
  });
});

describe('bars', () => {
  it('draws fact, forecast and the rest as table cells, capped at 100%', () => {
    const html = barHtml(100, 50, 80, 'x');
    expect(html).toContain('width="50%"');
    expect(html).toContain('width="30%"');
    expect(html).toContain('width="20%"');
    expect(barHtml(100, 150, 200, 'x')).toContain('width="100%"');
    expect(barHtml(100, 150, 200, 'x')).not.toContain('width="0%"');
    expect(barText(100, 25)).toBe('[#####...............]');
    expect(barText(0, 0)).toBe('[....................]');
  });
});

describe('plural forms', () => {
  it('says 1 задача, 3 задачи, 5 задач, 11 задач, 21 задача; 1 item, 2 items', () => {
    const subject = (n: number, lang: 'ru' | 'en' = 'ru') =>
      renderDigest(
        digest(Array.from({ length: n }, (_, i) => item({ id: `D-${i}` }))),
        ctx({ lang }),
        1,
      ).subject;
    expect(subject(1)).toBe('ROP Desk: 1 задача на 27.11.2026');
    expect(subject(3)).toBe('ROP Desk: 3 задачи на 27.11.2026');
    expect(subject(5)).toBe('ROP Desk: 5 задач на 27.11.2026');
    expect(subject(11)).toBe('ROP Desk: 11 задач на 27.11.2026');
    expect(subject(21)).toBe('ROP Desk: 21 задача на 27.11.2026');
    expect(subject(1, 'en')).toBe('ROP Desk: 1 item for 27.11.2026');
    expect(subject(2, 'en')).toBe('ROP Desk: 2 items for 27.11.2026');
  });
});
