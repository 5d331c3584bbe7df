/**
 * The catalogue reads as written by a native speaker of each language: one plural rule set, no
 * Latin words in the Russian texts but product names and units, no Cyrillic in the English ones,
 * and nested quotes «„…“» inside «…».
 */
import * as analytics from '../../../src/core/i18n/analytics';
import * as auth from '../../../src/core/i18n/auth';
import * as common from '../../../src/core/i18n/common';
import * as crm from '../../../src/core/i18n/crm';
import * as headSummary from '../../../src/core/i18n/head-summary';
import * as menu from '../../../src/core/i18n/menu';
import * as reminders from '../../../src/core/i18n/reminders';
import * as security from '../../../src/core/i18n/security';
import * as sidebar from '../../../src/core/i18n/sidebar';
import { fill, plural, t } from '../../../src/core/i18n';

const catalogues = {
  analytics,
  auth,
  common,
  crm,
  headSummary,
  menu,
  reminders,
  security,
  sidebar,
};

/** Names of products, services and formats, and the literal values users type. */
const ALLOWED_LATIN = new Set([
  'ROP',
  'Desk',
  'Google',
  'email',
  'Email',
  'E-mail',
  'CSV',
  'xlsx',
  'CRM',
  'DSO',
  'ID',
  'INN',
  'Q',
  'Q4',
  'D',
  'XXXXXXXXXX',
  'company',
  'team',
  'manager',
  'amoCRM',
  'Bitrix24',
  'UTC',
  // Identifiers a formula names: the ROP_TODAY cell and the functions' asOf argument.
  'TODAY',
  'asOf',
  'MSK',
  'RUB',
  'USD',
  'EUR',
]);

function entries(lang: 'ru' | 'en'): Array<[string, string]> {
  return Object.entries(catalogues).flatMap(([file, c]) =>
    Object.entries(c[lang] as Record<string, string>).map(([k, v]): [string, string] => [
      `${file}:${k}`,
      v,
    ]),
  );
}

/** The text a reader sees: placeholders out, the noun forms of plural placeholders kept. */
const visible = (v: string): string =>
  v
    .replace(/\{\w+#([^{}]*)\}/g, (_, forms: string) => forms.replace(/\|/g, ' '))
    .replace(/\{\w+\}/g, ' ');

describe('plural forms', () => {
  it.each([
    [1, 'сделка'],
    [2, 'сделки'],
    [4, 'сделки'],
    [5, 'сделок'],
    [11, 'сделок'],
    [12, 'сделок'],
    [14, 'сделок'],
    [21, 'сделка'],
    [22, 'сделки'],
    [83, 'сделки'],
    [100, 'сделок'],
    [111, 'сделок'],
    [172, 'сделки'],
    [0, 'сделок'],
    [1.5, 'сделки'],
  ])('%s %s', (n, form) => {
    expect(plural('ru', n, ['сделка', 'сделки', 'сделок'])).toBe(form);
  });

  it('English: one and other', () => {
    expect([0, 1, 2, 21].map((n) => plural('en', n, ['deal', 'deals']))).toEqual([
      'deals',
      'deal',
      'deals',
      'deals',
    ]);
  });

  it('fills a count with its noun, in every catalogue text that uses one', () => {
    expect(fill('ru', 'Когорта: {n#сделка|сделки|сделок}', { n: 83 })).toBe('Когорта: 83 сделки');
    expect(t('ru', 'an.funnel.cohort', { cohort: 83, won: 1, lost: 2, open: 3 })).toContain(
      '83 сделки',
    );
    expect(t('en', 'an.funnel.cohort', { cohort: 1, won: 1, lost: 0, open: 0 })).toContain(
      '1 deal;',
    );
    expect(t('ru', 'rem.won', { count: 21, amount: '1 ₽', deals: 5 })).toContain('21 сделка');
    for (const lang of ['ru', 'en'] as const) {
      for (const [key, v] of entries(lang)) {
        for (const m of v.matchAll(/\{\w+#([^{}]*)\}/g)) {
          expect([key, m[1].split('|').length]).toEqual([key, lang === 'ru' ? 3 : 2]);
        }
      }
    }
  });

  it('no Russian text puts a bare count before a noun in the genitive plural', () => {
    const bad = entries('ru').filter(([, v]) =>
      /\{\w+\}\s+(сделок|клиентов|счетов|задач|активностей|сотрудников|писем|строк|дней)\b/.test(v),
    );
    expect(bad).toEqual([]);
  });
});

describe('one language per catalogue', () => {
  it('the Russian texts have no English words but names and units', () => {
    const bad = entries('ru').flatMap(([key, v]) =>
      (visible(v).match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])
        .filter((w) => !ALLOWED_LATIN.has(w))
        .map((w) => `${key}: ${w}`),
    );
    expect(bad).toEqual([]);
  });

  it('the English texts have no Cyrillic', () => {
    const bad = entries('en').filter(([, v]) => /[А-Яа-яЁё]/.test(visible(v)));
    expect(bad).toEqual([]);
  });

  it('quotes inside «…» are „…“, never a second «', () => {
    const bad = entries('ru').filter(([, v]) => /«[^»]*«/.test(v));
    expect(bad).toEqual([]);
  });

  it('says the same idea with the same words in the panel, the sheets and the emails', () => {
    expect(t('ru', 'sb.set.responseLimit')).toBe('Реакция на лид, мин');
    expect(t('ru', 'sb.set.rotting')).toBe('Дней без активности');
    expect(t('en', 'sb.set.rotting')).toBe('Stale after, days');
    expect(t('en', 'rem.plan.fact')).toBe('Actual');
    expect(t('en', 'an.col.fact')).toBe('Actual');
    expect(t('en', 'sb.team.fact')).toBe('Actual');
    expect(t('ru', 'rem.toast.on', { hour: 9 })).toBe('Напоминания включены: ежедневно в 9:00');
    expect(t('ru', 'rem.reason.forgotten', { days: 9, limit: 7 })).toContain('норма этапа — 7 дн.');
    expect(t('ru', 'log.level.info')).toBe('инфо');
    // A new lead is «лид» everywhere (never «заявка»), and its limit is «Реакция на лид».
    for (const lang of ['ru', 'en'] as const) {
      expect(t(lang, 'rem.section.unprocessedLeads')).toBe(t(lang, 'sb.today.unprocessed'));
      expect(t(lang, 'an.col.unprocessed')).toBe(t(lang, 'sb.today.unprocessed'));
      expect(t(lang, 'sb.team.company')).toBe(t(lang, 'rem.team'));
      expect(t(lang, 'sb.team.breaches', { n: 1 }).toLowerCase()).toContain(
        t(lang, 'an.col.slaBreaches').toLowerCase(),
      );
    }
    expect(entries('ru').filter(([, v]) => /заявк/i.test(v) && !/форм/i.test(v))).toEqual([]);
    expect(t('ru', 'an.col.responseMedian')).toMatch(/^Реакция на лид/);
    // The stage's idle limit is a norm in Russian and "stale after" in English, in every channel.
    expect(t('ru', 'an.col.limit')).toMatch(/^Норма этапа/);
    expect(t('en', 'an.col.limit')).toBe(t('en', 'sb.set.rotting'));
  });

  it('English says "actual", never "fact", for what was achieved', () => {
    const bad = entries('en').filter(([, v]) => /\bfacts?\b/i.test(visible(v)));
    expect(bad).toEqual([]);
  });

  it('no text hard-codes a currency: amounts come formatted in the workbook currency', () => {
    const bad = entries('en').filter(([, v]) => /[₽$€]\s*\d|\d\s*(₽|RUB)\b/.test(v));
    expect(bad).toEqual([]);
  });
});

describe('nested quotes', () => {
  it('a name with its own «» inside a quoted placeholder gets „“', () => {
    expect(t('ru', 'error.missingSheet', { sheet: 'Счета «2026»' })).toContain('«Счета „2026“»');
    expect(fill('ru', 'Клиент {name} добавлен', { name: 'ООО «Ромашка»' })).toBe(
      'Клиент ООО «Ромашка» добавлен',
    );
  });
});
