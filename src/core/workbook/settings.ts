/**
 * The Settings sheet: side-by-side tables (key/value, funnel stages, calendar exceptions, bonus
 * scheme, currency rates, dropdown lists), each found by its own header row anywhere on the
 * sheet. Anything missing or unreadable falls back to a sane default, so a fresh or damaged
 * Settings sheet never stops the product.
 */
import type { ColumnDef } from './schema';
import {
  SETTINGS_BONUS,
  SETTINGS_CALENDAR,
  SETTINGS_GRADES,
  SETTINGS_LISTS,
  SETTINGS_ONBOARDING,
  SETTINGS_PLAYBOOKS,
  SETTINGS_RATES,
  SETTINGS_SCORECARD,
  SETTINGS_STAGES,
  SETTINGS_VALUES,
} from './schema';
import {
  DEFAULT_ATTESTATION_MONTHS,
  defaultPeople,
  readPeopleTables,
  seniorBonus,
} from '../people/settings';
import { mapHeaders, normalizeHeader, type HeaderMap } from './headers';
import { minuteOfDay, type Zone } from '../time';
import type {
  BonusTier,
  CalendarException,
  CurrencyRate,
  Lang,
  Settings,
  StageDef,
  StageKind,
} from '../types';
import { parseLang } from '../i18n';
import { isBlankCell } from './cells';
import { ASSIGNMENT_RULES, BONUS_KINDS, FACT_BASES, STAGE_KINDS } from './enums';
import { normalizeEmail, parseBool, parseNumber } from './normalize';
import { readRecords, type RawRecord } from './tables';
import { DEFAULT_RAMP, parseRampCurve } from '../plans/ramp';
import { defaultPlaybooks, parseRequired, splitItems } from '../playbooks/settings';

// ---- Defaults --------------------------------------------------------------------------------

interface DefaultStage {
  ru: string;
  en: string;
  probability: number;
  rottingDays: number | null;
  kind: StageKind;
}

/** The default funnel (sales-domain.md): probabilities 10/20/40/60/80/90/100/0 %. */
export const DEFAULT_STAGES: readonly DefaultStage[] = [
  { ru: 'Новая заявка', en: 'New lead', probability: 0.1, rottingDays: 1, kind: 'open' },
  { ru: 'Квалификация', en: 'Qualification', probability: 0.2, rottingDays: 3, kind: 'open' },
  { ru: 'Встреча / презентация', en: 'Meeting', probability: 0.4, rottingDays: 7, kind: 'open' },
  {
    ru: 'Коммерческое предложение',
    en: 'Proposal',
    probability: 0.6,
    rottingDays: 7,
    kind: 'open',
  },
  { ru: 'Согласование договора', en: 'Contract', probability: 0.8, rottingDays: 10, kind: 'open' },
  { ru: 'Счёт выставлен', en: 'Invoiced', probability: 0.9, rottingDays: 14, kind: 'open' },
  { ru: 'Успешно', en: 'Won', probability: 1, rottingDays: null, kind: 'won' },
  { ru: 'Проиграна', en: 'Lost', probability: 0, rottingDays: null, kind: 'lost' },
];

export function defaultStages(lang: Lang): StageDef[] {
  return DEFAULT_STAGES.map((s, order) => ({
    name: s[lang],
    probability: s.probability,
    rottingDays: s.rottingDays,
    kind: s.kind,
    order,
  }));
}

export const DEFAULT_SOURCES: Record<Lang, readonly string[]> = {
  ru: [
    'Сайт',
    'Входящий звонок',
    'Рекомендация',
    'Выставка',
    'Реклама',
    'Холодный звонок',
    'Google Форма',
    'Импорт',
    'Другое',
  ],
  en: [
    'Website',
    'Inbound call',
    'Referral',
    'Trade show',
    'Ads',
    'Cold call',
    'Google Form',
    'Import',
    'Other',
  ],
};

export const DEFAULT_LOST_REASONS: Record<Lang, readonly string[]> = {
  ru: [
    'Дорого',
    'Выбрали конкурента',
    'Нет бюджета',
    'Нет потребности',
    'Не выходит на связь',
    'Не устроили сроки',
    'Другое',
  ],
  en: [
    'Too expensive',
    'Chose a competitor',
    'No budget',
    'No need',
    'Unreachable',
    'Timing',
    'Other',
  ],
};

/** The default bonus scheme: marginal tiers 10% to plan, 15% for 100-120%, 20% above. */
export const DEFAULT_BONUS: readonly BonusTier[] = [
  {
    scheme: 'Base',
    kind: 'marginal',
    from: 0,
    to: 1,
    rate: 0.1,
    multiplier: 1,
    reduceByOverdue: false,
  },
  {
    scheme: 'Base',
    kind: 'marginal',
    from: 1,
    to: 1.2,
    rate: 0.15,
    multiplier: 1,
    reduceByOverdue: false,
  },
  {
    scheme: 'Base',
    kind: 'marginal',
    from: 1.2,
    to: null,
    rate: 0.2,
    multiplier: 1,
    reduceByOverdue: false,
  },
];

export const DEFAULT_RATES: readonly CurrencyRate[] = [
  { currency: 'USD', rate: 90 },
  { currency: 'EUR', rate: 100 },
  { currency: 'CNY', rate: 12.5 },
];

/** 10^12 roubles: above any real deal, and 10^14 kopecks stay exact in a double. */
export const MAX_AMOUNT = 1e12;

export function defaultSettings(lang: Lang = 'ru'): Settings {
  return {
    lang,
    currency: 'RUB',
    factBasis: 'won',
    responseLimitMinutes: 15,
    maxAmount: MAX_AMOUNT,
    clientForgetDays: 30,
    workdayStartMinute: 9 * 60,
    workdayEndMinute: 18 * 60,
    reminderHour: 9,
    workingDaysOnly: true,
    reportRecipients: [],
    assignment: 'roundRobin',
    snoozeMaxDays: 30,
    snoozeMinReason: 5,
    digestLimit: 15,
    digestRepeatDays: 7,
    taskEscalationDays: 2,
    discountManager: 0.05,
    discountHead: 0.15,
    stages: defaultStages(lang),
    playbooks: defaultPlaybooks(
      DEFAULT_STAGES.filter((x) => x.kind === 'open').map((x) => x[lang]),
      lang,
    ),
    calendar: [],
    bonus: [
      ...DEFAULT_BONUS.map((b) => ({ ...b, scheme: lang === 'ru' ? 'Базовая' : 'Base' })),
      // The default ladder's senior grades name this one (docs/people.md).
      ...seniorBonus(lang),
    ],
    rates: DEFAULT_RATES.map((r) => ({ ...r })),
    sources: [...DEFAULT_SOURCES[lang]],
    lostReasons: [...DEFAULT_LOST_REASONS[lang]],
    people: defaultPeople(lang),
    rampCurve: [...DEFAULT_RAMP],
  };
}

// ---- Key/value settings ----------------------------------------------------------------------

type ValueKey =
  | 'lang'
  | 'currency'
  | 'factBasis'
  | 'responseLimitMinutes'
  | 'clientForgetDays'
  | 'workdayStart'
  | 'workdayEnd'
  | 'reminderHour'
  | 'workingDaysOnly'
  | 'reportRecipients'
  | 'assignment'
  | 'maxAmount'
  | 'snoozeMaxDays'
  | 'snoozeMinReason'
  | 'digestLimit'
  | 'digestRepeatDays'
  | 'taskEscalationDays'
  | 'attestationMonths'
  | 'rampCurve'
  | 'discountManager'
  | 'discountHead';

export interface SettingRowDef {
  key: ValueKey;
  ru: string;
  en: string;
  hintRu: string;
  hintEn: string;
}

export const SETTING_ROWS: readonly SettingRowDef[] = [
  { key: 'lang', ru: 'Язык', en: 'Language', hintRu: 'ru или en', hintEn: 'ru or en' },
  {
    key: 'currency',
    ru: 'Валюта',
    en: 'Currency',
    hintRu: 'Код валюты отчётов (RUB)',
    hintEn: 'Reporting currency code (RUB)',
  },
  {
    key: 'factBasis',
    ru: 'Факт считать по',
    en: 'Fact basis',
    hintRu: 'Выигранные сделки (по дате закрытия) или Оплаты (по дате оплаты)',
    hintEn: 'Won deals (by close date) or Payments (by payment date)',
  },
  {
    key: 'responseLimitMinutes',
    ru: 'Реакция на лид, мин',
    en: 'Lead response limit, min',
    hintRu: 'Рабочих минут до первой активности, после которых лид считается необработанным',
    hintEn: 'Working minutes to the first activity before a lead counts as unprocessed',
  },
  {
    key: 'clientForgetDays',
    ru: 'Клиент забыт через, дней',
    en: 'Client forgotten after, days',
    hintRu: 'Дней без контакта',
    hintEn: 'Days without contact',
  },
  {
    key: 'workdayStart',
    ru: 'Начало рабочего дня',
    en: 'Workday start',
    hintRu: 'ЧЧ:ММ',
    hintEn: 'HH:MM',
  },
  {
    key: 'workdayEnd',
    ru: 'Конец рабочего дня',
    en: 'Workday end',
    hintRu: 'ЧЧ:ММ',
    hintEn: 'HH:MM',
  },
  {
    key: 'reminderHour',
    ru: 'Час напоминаний',
    en: 'Reminder hour',
    hintRu: 'Час отправки ежедневной сводки (0-23)',
    hintEn: 'Hour of the daily digest (0-23)',
  },
  {
    key: 'workingDaysOnly',
    ru: 'Только в рабочие дни',
    en: 'Working days only',
    hintRu: 'Не слать напоминания в выходные и праздники',
    hintEn: 'No reminders on weekends and holidays',
  },
  {
    key: 'reportRecipients',
    ru: 'Получатели отчётов',
    en: 'Report recipients',
    hintRu: 'Email через запятую (например, директор)',
    hintEn: 'Comma-separated emails (e.g. the director)',
  },
  {
    key: 'assignment',
    ru: 'Распределение лидов',
    en: 'Lead assignment',
    hintRu: 'По кругу (между активными менеджерами) или Вручную',
    hintEn: 'Round robin (among active managers) or Manual',
  },
  {
    key: 'maxAmount',
    ru: 'Наибольшая сумма, ₽',
    en: 'Largest amount',
    hintRu: 'Сумма больше этой считается опечаткой и не принимается',
    hintEn: 'An amount above this is taken for a typo and refused',
  },
  {
    key: 'snoozeMaxDays',
    ru: 'Отсрочка не дольше, дней',
    en: 'Longest snooze, days',
    hintRu: 'На сколько дней менеджер может отложить сделку или клиента (1-365)',
    hintEn: 'How many days a manager may snooze a deal or client (1-365)',
  },
  {
    key: 'snoozeMinReason',
    ru: 'Причина отсрочки от, символов',
    en: 'Snooze reason at least, characters',
    hintRu: 'Минимальная длина причины отсрочки (0-200)',
    hintEn: 'Shortest snooze reason (0-200)',
  },
  {
    key: 'digestLimit',
    ru: 'Пунктов в сводке менеджера',
    en: 'Items in a manager digest',
    hintRu: 'Сколько пунктов в ежедневном письме, остальное — «и ещё N» (1-100)',
    hintEn: 'Items in the daily email; the rest is "and N more" (1-100)',
  },
  {
    key: 'digestRepeatDays',
    ru: 'Повтор давно забытых, дней',
    en: 'Repeat long-forgotten, days',
    hintRu: 'Давно забытая сделка или клиент попадает в сводку раз в столько дней (1-60)',
    hintEn:
      'A long-forgotten deal or client is listed in the digest once per this many days (1-60)',
  },
  {
    key: 'taskEscalationDays',
    ru: 'Эскалация задачи через, дней',
    en: 'Escalate a task after, days',
    hintRu: 'Просроченная на столько дней задача один раз уходит письмом РОПу (0-60)',
    hintEn: 'A task overdue this many days is mailed to the head of sales once (0-60)',
  },
  {
    key: 'attestationMonths',
    ru: 'Аттестация раз в, месяцев',
    en: 'Attestation every, months',
    hintRu: 'Менеджер без аттестации дольше этого попадает в список на обучение (1-60)',
    hintEn: 'A manager without an attestation for longer is listed as due for training (1-60)',
  },
  {
    key: 'rampCurve',
    ru: 'Вход в должность, % плана по месяцам',
    en: 'Ramp-up, % of plan by month',
    hintRu: 'Доля полного плана новичка в 1-й, 2-й… месяц: 30/60/90/100',
    hintEn: "A new hire's share of a full plan in months 1, 2…: 30/60/90/100",
  },
  {
    key: 'discountManager',
    ru: 'Скидка менеджера до, %',
    en: 'Manager discount up to, %',
    hintRu: 'Больше этой скидки ждёт согласования руководителя (по умолчанию 5)',
    hintEn: 'A deeper discount awaits the head’s approval (default 5)',
  },
  {
    key: 'discountHead',
    ru: 'Скидка руководителя до, %',
    en: 'Head discount up to, %',
    hintRu: 'Предел скидки руководителя отдела (по умолчанию 15)',
    hintEn: 'The head of sales’ own discount limit (default 15)',
  },
];

const ROW_BY_NAME = new Map<string, ValueKey>();
for (const r of SETTING_ROWS) {
  for (const n of [r.key, r.ru, r.en]) ROW_BY_NAME.set(normalizeHeader(n), r.key);
}

/** The value cells setup writes for the defaults (text, so Sheets does not reinterpret them). */
export function settingValueText(key: ValueKey, s: Settings): string {
  const hm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  switch (key) {
    case 'lang':
      return s.lang;
    case 'currency':
      return s.currency;
    case 'factBasis':
      return FACT_BASES.label(s.factBasis, s.lang);
    case 'responseLimitMinutes':
      return String(s.responseLimitMinutes);
    case 'clientForgetDays':
      return String(s.clientForgetDays);
    case 'workdayStart':
      return hm(s.workdayStartMinute);
    case 'workdayEnd':
      return hm(s.workdayEndMinute);
    case 'reminderHour':
      return String(s.reminderHour);
    case 'workingDaysOnly':
      return s.lang === 'ru'
        ? s.workingDaysOnly
          ? 'Да'
          : 'Нет'
        : s.workingDaysOnly
          ? 'Yes'
          : 'No';
    case 'reportRecipients':
      return s.reportRecipients.join(', ');
    case 'assignment':
      return ASSIGNMENT_RULES.label(s.assignment, s.lang);
    case 'maxAmount':
      return String(s.maxAmount ?? MAX_AMOUNT);
    case 'snoozeMaxDays':
      return String(s.snoozeMaxDays);
    case 'snoozeMinReason':
      return String(s.snoozeMinReason);
    case 'digestLimit':
      return String(s.digestLimit ?? 15);
    case 'digestRepeatDays':
      return String(s.digestRepeatDays ?? 7);
    case 'taskEscalationDays':
      return String(s.taskEscalationDays ?? 2);
    case 'attestationMonths':
      return String(s.people?.attestationMonths ?? DEFAULT_ATTESTATION_MONTHS);
    case 'rampCurve':
      return (s.rampCurve ?? DEFAULT_RAMP).map((f) => Math.round(f * 100)).join('/');
    case 'discountManager':
      return String(Math.round((s.discountManager ?? 0.05) * 1000) / 10);
    case 'discountHead':
      return String(Math.round((s.discountHead ?? 0.15) * 1000) / 10);
  }
}

function parseTime(value: unknown, zone: Zone): number | null {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return minuteOfDay((value as Date).getTime(), zone);
  }
  if (typeof value === 'number') {
    if (value > 0 && value < 1) return Math.round(value * 1440); // a time serial
    if (Number.isInteger(value) && value >= 0 && value <= 24) return value * 60;
    return null;
  }
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(String(value ?? '').trim());
  if (!m || +m[1] > 24 || +(m[2] ?? 0) > 59) return null;
  return Math.min(+m[1] * 60 + +(m[2] ?? 0), 24 * 60);
}

function intIn(value: unknown, min: number, max: number): number | null {
  const n = parseNumber(value);
  return n !== null && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * A limit in percent: "5", "5 %", 5 → 0.05; a cell formatted as percent holds 0.05 itself, so a
 * number below 1 is taken as the fraction.
 */
export function percentIn(value: unknown): number | null {
  const text = typeof value === 'string' ? value.replace('%', '').trim() : value;
  const n = typeof text === 'number' ? text : parseNumber(text);
  if (n === null || n < 0 || n > 100) return null;
  return typeof value === 'number' && n < 1 ? n : n / 100;
}

function applyValue(s: Settings, key: ValueKey, value: unknown, zone: Zone): void {
  if (isBlankCell(value)) return;
  switch (key) {
    case 'lang':
      s.lang = parseLang(value);
      return;
    case 'currency': {
      const c = String(value).trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(c)) s.currency = c;
      else if (/^(₽|РУБ|РУБЛЬ|РУБЛИ)$/.test(c)) s.currency = 'RUB';
      return;
    }
    case 'factBasis':
      s.factBasis = FACT_BASES.parse(value) ?? s.factBasis;
      return;
    case 'responseLimitMinutes':
      s.responseLimitMinutes = intIn(value, 1, 100_000) ?? s.responseLimitMinutes;
      return;
    case 'clientForgetDays':
      s.clientForgetDays = intIn(value, 1, 3650) ?? s.clientForgetDays;
      return;
    case 'workdayStart':
      s.workdayStartMinute = parseTime(value, zone) ?? s.workdayStartMinute;
      return;
    case 'workdayEnd':
      s.workdayEndMinute = parseTime(value, zone) ?? s.workdayEndMinute;
      return;
    case 'reminderHour':
      s.reminderHour =
        intIn(value, 0, 23) ?? Math.floor((parseTime(value, zone) ?? s.reminderHour * 60) / 60);
      return;
    case 'workingDaysOnly':
      s.workingDaysOnly = parseBool(value) ?? s.workingDaysOnly;
      return;
    case 'reportRecipients':
      s.reportRecipients = String(value)
        .split(/[,;\s]+/)
        .map(normalizeEmail)
        .filter((e): e is string => e !== null);
      return;
    case 'assignment':
      s.assignment = ASSIGNMENT_RULES.parse(value) ?? s.assignment;
      return;
    case 'maxAmount': {
      const n = typeof value === 'number' ? value : parseNumber(value);
      if (n !== null && n > 0 && n <= MAX_AMOUNT) s.maxAmount = n;
      return;
    }
    case 'snoozeMaxDays':
      s.snoozeMaxDays = intIn(value, 1, 365) ?? s.snoozeMaxDays;
      return;
    case 'snoozeMinReason':
      s.snoozeMinReason = intIn(value, 0, 200) ?? s.snoozeMinReason;
      return;
    case 'digestLimit':
      s.digestLimit = intIn(value, 1, 100) ?? s.digestLimit;
      return;
    case 'digestRepeatDays':
      s.digestRepeatDays = intIn(value, 1, 60) ?? s.digestRepeatDays;
      return;
    case 'taskEscalationDays':
      s.taskEscalationDays = intIn(value, 0, 60) ?? s.taskEscalationDays;
      return;
    case 'attestationMonths':
      if (s.people) s.people.attestationMonths = intIn(value, 1, 60) ?? s.people.attestationMonths;
      return;
    case 'rampCurve':
      s.rampCurve = parseRampCurve(String(value)) ?? s.rampCurve;
      return;
    case 'discountManager':
      s.discountManager = percentIn(value) ?? s.discountManager;
      return;
    case 'discountHead':
      s.discountHead = percentIn(value) ?? s.discountHead;
      return;
  }
}

// ---- Locating the side-by-side tables --------------------------------------------------------

export type SettingsTableKey =
  | 'values'
  | 'stages'
  | 'calendar'
  | 'bonus'
  | 'rates'
  | 'lists'
  | 'onboarding'
  | 'scorecard'
  | 'grades'
  | 'playbooks';

export const SETTINGS_TABLES: Record<SettingsTableKey, readonly ColumnDef[]> = {
  values: SETTINGS_VALUES.columns,
  stages: SETTINGS_STAGES,
  calendar: SETTINGS_CALENDAR,
  bonus: SETTINGS_BONUS,
  rates: SETTINGS_RATES,
  lists: SETTINGS_LISTS,
  onboarding: SETTINGS_ONBOARDING,
  scorecard: SETTINGS_SCORECARD,
  grades: SETTINGS_GRADES,
  playbooks: SETTINGS_PLAYBOOKS,
};

export interface LocatedTable {
  /** 0-based row of the header and first/last 0-based columns of the table. */
  headerRow: number;
  startCol: number;
  endCol: number;
  map: HeaderMap;
  /** 0-based row of the last non-blank data row (headerRow when empty). */
  lastRow: number;
}

/** Finds every Settings table by its header: a run of adjacent non-blank header cells. */
export function locateSettingsTables(
  values: readonly (readonly unknown[])[],
): Partial<Record<SettingsTableKey, LocatedTable>> {
  const found: Partial<Record<SettingsTableKey, LocatedTable>> = {};
  const keys = Object.keys(SETTINGS_TABLES) as SettingsTableKey[];
  const headerCells = new Set<string>(); // "row:col" of header cells, so data stops at another table
  for (let r = 0; r < values.length && Object.keys(found).length < keys.length; r++) {
    const row = values[r];
    let c = 0;
    while (c < row.length) {
      if (isBlankCell(row[c])) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && !isBlankCell(row[end + 1])) end++;
      const segment = row.slice(c, end + 1);
      for (const key of keys) {
        if (found[key]) continue;
        const map = mapHeaders(segment, SETTINGS_TABLES[key]);
        if (map.missing.length === 0 && Object.keys(map.index).length > 0) {
          found[key] = { headerRow: r, startCol: c, endCol: end, map, lastRow: r };
          for (let i = c; i <= end; i++) headerCells.add(`${r}:${i}`);
        }
      }
      c = end + 1;
    }
  }
  for (const t of Object.values(found)) {
    if (!t) continue;
    for (let r = t.headerRow + 1; r < values.length; r++) {
      if (headerCells.has(`${r}:${t.startCol}`)) break;
      const cells = values[r].slice(t.startCol, t.endCol + 1);
      if (!cells.every(isBlankCell)) t.lastRow = r;
    }
  }
  return found;
}

function tableRecords(
  values: readonly (readonly unknown[])[],
  t: LocatedTable,
  columns: readonly ColumnDef[],
  zone: Zone,
): RawRecord[] {
  const sub = values.slice(0, t.lastRow + 1).map((row) => row.slice(t.startCol, t.endCol + 1));
  return readRecords(sub, columns, { headerRow: t.headerRow, map: t.map }, zone);
}

// ---- Parsing ---------------------------------------------------------------------------------

/** Settings from the Settings sheet's values (empty array: all defaults). */
export function parseSettings(
  values: readonly (readonly unknown[])[],
  zone: Zone,
  fallbackLang: Lang = 'ru',
): Settings {
  const tables = locateSettingsTables(values);
  const pairs: Array<[ValueKey, unknown]> = [];
  let lang = fallbackLang;
  if (tables.values) {
    const t = tables.values;
    for (let r = t.headerRow + 1; r <= t.lastRow; r++) {
      const row = values[r];
      const key = ROW_BY_NAME.get(normalizeHeader(row[t.startCol + t.map.index.key]));
      if (!key) continue;
      const value = row[t.startCol + t.map.index.value];
      pairs.push([key, value]);
      if (key === 'lang' && !isBlankCell(value)) lang = parseLang(value);
    }
  }
  const s = defaultSettings(lang);
  for (const [key, value] of pairs) applyValue(s, key, value, zone);

  if (tables.stages) {
    const stages: StageDef[] = [];
    for (const { cells } of tableRecords(values, tables.stages, SETTINGS_STAGES, zone)) {
      const name = String(cells.stage ?? '').trim();
      if (!name) continue;
      const kind = STAGE_KINDS.parse(cells.kind) ?? 'open';
      const p = typeof cells.probability === 'number' ? cells.probability : null;
      const rot =
        typeof cells.rottingDays === 'number' && cells.rottingDays > 0
          ? Math.round(cells.rottingDays)
          : null;
      stages.push({
        name,
        probability: p === null ? (kind === 'won' ? 1 : 0) : Math.min(Math.max(p, 0), 1),
        rottingDays: kind === 'open' ? rot : null,
        kind,
        order: stages.length,
      });
    }
    // A funnel needs at least one open stage and its two ends; otherwise keep the default.
    const kinds = new Set(stages.map((x) => x.kind));
    if (kinds.has('open') && kinds.has('won') && kinds.has('lost')) s.stages = stages;
  }

  if (tables.calendar) {
    const cal: CalendarException[] = [];
    for (const { cells } of tableRecords(values, tables.calendar, SETTINGS_CALENDAR, zone)) {
      if (typeof cells.day !== 'number') continue;
      cal.push({ day: cells.day, dayOff: cells.dayOff !== false, note: String(cells.note ?? '') });
    }
    s.calendar = cal.sort((a, b) => a.day - b.day);
  }

  if (tables.bonus) {
    const bonus: BonusTier[] = [];
    for (const { cells } of tableRecords(values, tables.bonus, SETTINGS_BONUS, zone)) {
      const kind = BONUS_KINDS.parse(cells.kind);
      if (!kind || typeof cells.from !== 'number' || typeof cells.rate !== 'number') continue;
      bonus.push({
        scheme: String(cells.scheme ?? '').trim(),
        kind,
        from: cells.from,
        to: typeof cells.to === 'number' ? cells.to : null,
        rate: cells.rate,
        multiplier:
          typeof cells.multiplier === 'number' && cells.multiplier > 0 ? cells.multiplier : 1,
        reduceByOverdue: cells.reduceByOverdue === true,
      });
    }
    s.bonus = bonus;
  }

  if (tables.rates) {
    const rates: CurrencyRate[] = [];
    for (const { cells } of tableRecords(values, tables.rates, SETTINGS_RATES, zone)) {
      const currency = String(cells.currency ?? '')
        .trim()
        .toUpperCase();
      if (/^[A-Z]{3}$/.test(currency) && typeof cells.rate === 'number' && cells.rate > 0) {
        rates.push({ currency, rate: cells.rate });
      }
    }
    s.rates = rates;
  }

  if (tables.lists) {
    const sources: string[] = [];
    const reasons: string[] = [];
    for (const { cells } of tableRecords(values, tables.lists, SETTINGS_LISTS, zone)) {
      if (typeof cells.source === 'string' && cells.source) sources.push(cells.source);
      if (typeof cells.lostReason === 'string' && cells.lostReason) reasons.push(cells.lostReason);
    }
    if (sources.length) s.sources = sources;
    if (reasons.length) s.lostReasons = reasons;
  }
  readPeopleTables(s, (key) => {
    const t = tables[key];
    return t ? tableRecords(values, t, SETTINGS_TABLES[key], zone) : null;
  });

  // A table present but empty means "no playbooks": the head removed them.
  if (tables.playbooks) {
    s.playbooks = [];
    for (const { cells } of tableRecords(values, tables.playbooks, SETTINGS_PLAYBOOKS, zone)) {
      const stage = String(cells.stage ?? '').trim();
      if (!stage) continue;
      s.playbooks.push({
        stage,
        todo: String(cells.todo ?? '').trim(),
        checklist: splitItems(cells.checklist),
        required: parseRequired(cells.required),
        exit: String(cells.exit ?? '').trim(),
        strict: parseBool(cells.strict) ?? false,
      });
    }
  }
  return s;
}

/** The stage definition a deal's stage text refers to (case and ё ignored). */
export function findStage(stages: readonly StageDef[], name: string): StageDef | undefined {
  const key = normalizeHeader(name);
  return stages.find((s) => normalizeHeader(s.name) === key);
}
