/**
 * Stage playbooks in the Settings sheet: one row per stage (what to do, checklist, required
 * fields, exit criterion, strict). Cells are what a head types: the checklist is one cell split
 * on new lines or «;», the required fields are Deals column headers (ru or en) in one cell.
 */
import type { Lang } from '../types';
import { DEALS } from '../workbook/schema';
import { normalizeHeader } from '../workbook/headers';
import { REQUIRED_FIELDS, type Playbook, type RequiredField } from './rules';

/** Splits a list cell on new lines and «;» (and bullets a head pastes), dropping blanks. */
export function splitItems(cell: unknown): string[] {
  return String(cell ?? '')
    .split(/[\n;]+/)
    .map((s) => s.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((s) => s !== '');
}

const FIELD_BY_NAME = new Map<string, RequiredField>();
for (const f of REQUIRED_FIELDS) {
  const c = DEALS.columns.find((x) => x.key === f);
  for (const n of [f, c?.ru ?? '', c?.en ?? '', ...(c?.aliases ?? [])]) {
    if (n) FIELD_BY_NAME.set(normalizeHeader(n), f);
  }
}

/** Required fields named in a cell (Deals headers, commas allowed too); unknown names ignored. */
export function parseRequired(cell: unknown): RequiredField[] {
  const out: RequiredField[] = [];
  for (const name of String(cell ?? '').split(/[\n;,]+/)) {
    const f = FIELD_BY_NAME.get(normalizeHeader(name));
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** A required field's label: the Deals column header in the language. */
export function fieldLabel(f: RequiredField, lang: Lang): string {
  const c = DEALS.columns.find((x) => x.key === f);
  return c ? c[lang] : f;
}

interface DefaultPlaybook {
  todo: Record<Lang, string>;
  checklist: Record<Lang, string[]>;
  required: RequiredField[];
  exit: Record<Lang, string>;
  strict: boolean;
}

/** Playbooks for the open default stages (same order as DEFAULT_STAGES). */
const DEFAULTS: readonly DefaultPlaybook[] = [
  {
    todo: {
      ru: 'Связаться в течение 15 минут, представиться, узнать, что нужно клиенту',
      en: 'Call back within 15 minutes, introduce yourself, ask what the client needs',
    },
    checklist: {
      ru: ['Дозвонился или написал', 'Записал потребность'],
      en: ['Reached the client', 'Wrote down the need'],
    },
    required: ['need'],
    exit: { ru: 'Потребность записана', en: 'The need is written down' },
    strict: false,
  },
  {
    todo: {
      ru: 'Выяснить бюджет, сроки и кто принимает решение (ЛПР)',
      en: 'Find out the budget, timing and who decides',
    },
    checklist: {
      ru: ['Бюджет подтверждён', 'ЛПР известен', 'Сроки известны'],
      en: ['Budget confirmed', 'Decision maker known', 'Timing known'],
    },
    required: ['need', 'amount', 'nextStepDate'],
    exit: {
      ru: 'Есть бюджет, ЛПР и дата встречи',
      en: 'Budget, decision maker and a meeting date',
    },
    strict: true,
  },
  {
    todo: {
      ru: 'Провести встречу или демонстрацию с ЛПР, согласовать, что войдёт в предложение',
      en: 'Hold the meeting or demo with the decision maker, agree what the proposal covers',
    },
    checklist: {
      ru: ['Встреча проведена', 'ЛПР был на встрече', 'Состав предложения согласован'],
      en: ['Meeting held', 'Decision maker attended', 'Proposal scope agreed'],
    },
    required: ['amount', 'nextStep', 'nextStepDate'],
    exit: {
      ru: 'Клиент ждёт КП к назначенной дате',
      en: 'The client expects a proposal by an agreed date',
    },
    strict: false,
  },
  {
    todo: {
      ru: 'Отправить КП и созвониться в течение 2 дней, снять возражения',
      en: 'Send the proposal and call within 2 days, handle objections',
    },
    checklist: {
      ru: ['КП отправлено', 'Обратная связь получена'],
      en: ['Proposal sent', 'Feedback received'],
    },
    required: ['amount', 'expectedClose', 'nextStepDate'],
    exit: {
      ru: 'Клиент согласен с ценой и условиями',
      en: 'The client accepts the price and terms',
    },
    strict: false,
  },
  {
    todo: {
      ru: 'Согласовать договор с юристами клиента, не давать скидку без РОПа',
      en: "Agree the contract with the client's lawyers, no discount without the head",
    },
    checklist: {
      ru: ['Договор отправлен', 'Правки согласованы', 'Договор подписан'],
      en: ['Contract sent', 'Changes agreed', 'Contract signed'],
    },
    required: ['amount', 'expectedClose'],
    exit: { ru: 'Договор подписан', en: 'The contract is signed' },
    strict: true,
  },
  {
    todo: {
      ru: 'Выставить счёт и проконтролировать оплату в срок',
      en: 'Issue the invoice and follow the payment up',
    },
    checklist: {
      ru: ['Счёт отправлен', 'Оплата подтверждена'],
      en: ['Invoice sent', 'Payment confirmed'],
    },
    required: ['amount'],
    exit: { ru: 'Деньги поступили', en: 'The money has arrived' },
    strict: false,
  },
];

/** The default playbooks for the default funnel's open stages, in `lang`. */
export function defaultPlaybooks(stageNames: readonly string[], lang: Lang): Playbook[] {
  return DEFAULTS.slice(0, stageNames.length).map((d, i) => ({
    stage: stageNames[i],
    todo: d.todo[lang],
    checklist: [...d.checklist[lang]],
    required: [...d.required],
    exit: d.exit[lang],
    strict: d.strict,
  }));
}

/** The cells of one playbook row, as Setup writes them (header order of SETTINGS_PLAYBOOKS). */
export function playbookCells(p: Playbook, lang: Lang): string[] {
  const yes = lang === 'ru' ? 'Да' : 'Yes';
  const no = lang === 'ru' ? 'Нет' : 'No';
  return [
    p.stage,
    p.todo,
    p.checklist.join('\n'),
    p.required.map((f) => fieldLabel(f, lang)).join('; '),
    p.exit,
    p.strict ? yes : no,
  ];
}

/** The playbook of a stage (names compared as headers: case, spaces and ё ignored). */
export function playbookFor(
  playbooks: readonly Playbook[] | undefined,
  stage: string,
): Playbook | undefined {
  const key = normalizeHeader(stage);
  return playbooks?.find((p) => normalizeHeader(p.stage) === key);
}
