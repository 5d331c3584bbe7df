/**
 * Enumerations as cells show them. The core keeps English tokens (`call`, `head`, `won`); the
 * sheets show the label of the workbook's language, and reading accepts either language and the
 * common synonyms people type. Analytics and reminders parse raw ranges with the same functions.
 */
import type {
  ActivityType,
  BonusTier,
  Lang,
  PlanLevel,
  PlanMetric,
  Role,
  StageKind,
} from '../types';
import { normalizeHeader } from './headers';

interface EnumDef<T extends string> {
  values: readonly T[];
  ru: Record<T, string>;
  en: Record<T, string>;
  /** Extra accepted spellings per value (compared normalised). */
  aliases: Partial<Record<T, readonly string[]>>;
}

export function makeEnum<T extends string>(def: EnumDef<T>) {
  const lookup = new Map<string, T>();
  for (const v of def.values) {
    for (const name of [v, def.ru[v], def.en[v], ...(def.aliases[v] ?? [])]) {
      lookup.set(normalizeHeader(name), v);
    }
  }
  return {
    values: def.values,
    /** The canonical token, or null when the text is none of the known spellings. */
    parse(value: unknown): T | null {
      return lookup.get(normalizeHeader(value)) ?? null;
    },
    label(value: T, lang: Lang): string {
      return def[lang][value];
    },
    labels(lang: Lang): string[] {
      return def.values.map((v) => def[lang][v]);
    },
  };
}

export const ROLES = makeEnum<Role>({
  values: ['manager', 'head', 'director'],
  ru: { manager: 'Менеджер', head: 'РОП', director: 'Директор' },
  en: { manager: 'Manager', head: 'Head of sales', director: 'Director' },
  aliases: {
    head: ['руководитель', 'руководитель отдела продаж', 'head', 'руководитель отдела'],
    director: ['генеральный директор', 'ceo', 'коммерческий директор'],
  },
});

export const ACTIVITY_TYPES = makeEnum<ActivityType>({
  values: ['call', 'meeting', 'email', 'message'],
  ru: { call: 'Звонок', meeting: 'Встреча', email: 'Письмо', message: 'Сообщение' },
  en: { call: 'Call', meeting: 'Meeting', email: 'Email', message: 'Message' },
  aliases: {
    call: ['звонок исходящий', 'звонок входящий', 'телефон', 'phone call'],
    meeting: ['презентация', 'демо', 'demo', 'visit', 'визит'],
    email: ['e-mail', 'почта', 'email'],
    message: ['мессенджер', 'whatsapp', 'telegram', 'чат', 'chat', 'sms', 'смс'],
  },
});

export const STAGE_KINDS = makeEnum<StageKind>({
  values: ['open', 'won', 'lost'],
  ru: { open: 'В работе', won: 'Успех', lost: 'Проигрыш' },
  en: { open: 'Open', won: 'Won', lost: 'Lost' },
  aliases: {
    open: ['открыт', 'открыта', 'открытый', 'активный'],
    won: ['успешно', 'выиграна', 'выигран'],
    lost: ['проиграна', 'проигран', 'отказ'],
  },
});

export const PLAN_LEVELS = makeEnum<PlanLevel>({
  values: ['company', 'team', 'manager'],
  ru: { company: 'Компания', team: 'Команда', manager: 'Менеджер' },
  en: { company: 'Company', team: 'Team', manager: 'Manager' },
  aliases: { team: ['отдел', 'группа'] },
});

export const PLAN_METRICS = makeEnum<PlanMetric>({
  values: ['revenue', 'wonDeals', 'newClients', 'activities'],
  ru: {
    revenue: 'Выручка',
    wonDeals: 'Выигранные сделки',
    newClients: 'Новые клиенты',
    activities: 'Активности',
  },
  en: {
    revenue: 'Revenue',
    wonDeals: 'Won deals',
    newClients: 'New clients',
    activities: 'Activities',
  },
  aliases: {
    revenue: ['продажи', 'сумма', 'оборот', 'sales'],
    wonDeals: ['сделки', 'успешные сделки', 'deals', 'won'],
    newClients: ['клиенты', 'clients'],
  },
});

export const BONUS_KINDS = makeEnum<BonusTier['kind']>({
  values: ['flat', 'marginal', 'threshold'],
  ru: { flat: 'Фиксированный %', marginal: 'Прогрессивная', threshold: 'Порог' },
  en: { flat: 'Flat', marginal: 'Marginal', threshold: 'Threshold' },
  aliases: {
    flat: ['фикс', 'процент', 'flat %'],
    marginal: ['ступени', 'ступенчатая', 'tiers', 'tiered'],
    threshold: ['пороговая', 'с порогом', 'retroactive'],
  },
});

export const FACT_BASES = makeEnum<'won' | 'payments'>({
  values: ['won', 'payments'],
  ru: { won: 'Выигранные сделки', payments: 'Оплаты' },
  en: { won: 'Won deals', payments: 'Payments' },
  aliases: { won: ['сделки', 'deals', 'успешные сделки'], payments: ['оплата', 'платежи'] },
});

export const ASSIGNMENT_RULES = makeEnum<'roundRobin' | 'manual'>({
  values: ['roundRobin', 'manual'],
  ru: { roundRobin: 'По кругу', manual: 'Вручную' },
  en: { roundRobin: 'Round robin', manual: 'Manual' },
  aliases: { roundRobin: ['round-robin', 'по очереди', 'поочерёдно'], manual: ['нет', 'off'] },
});

/**
 * Whether a Managers row's "Active" cell lets its person in: only a blank cell, a TRUE checkbox
 * or an explicit "yes" word (да, yes, true, 1, ✓ ...) does; anything else ("уволен", "fired",
 * "0", "нет", FALSE, 2) means inactive, so that a typo locks out rather than lets in.
 */
export function isActiveCell(value: unknown): boolean {
  if (value === null || value === undefined || value === true) return true;
  if (typeof value === 'number') return value === 1;
  if (typeof value !== 'string') return false;
  const text = value.trim().toLowerCase();
  return text === '' || ACTIVE_WORDS.has(text);
}

const ACTIVE_WORDS = new Set([
  'да',
  'yes',
  'y',
  'true',
  'истина',
  '1',
  '✓',
  '✔',
  'x',
  'х',
  '+',
  'v',
]);
