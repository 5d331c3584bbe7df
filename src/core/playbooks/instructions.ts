/**
 * The printable «Инструкции для менеджеров» / "Instructions for managers" sheet, laid out from the
 * playbooks: a title, then per stage its name, what to do, the checklist (one line per item with a
 * box to tick on paper), the fields to fill before moving on, the exit criterion and, for a strict
 * stage, a warning line. Two columns (label, text) sized for A4 portrait.
 */
import { t } from '../i18n';
import type { Lang } from '../types';
import { safeCellText } from '../workbook/sanitize';
import type { Playbook } from './rules';
import { fieldLabel } from './settings';

export const INSTRUCTIONS_SHEET: Record<Lang, string> = {
  ru: 'Инструкции для менеджеров',
  en: 'Instructions for managers',
};

export interface InstructionsLayout {
  rows: string[][];
  /** 1-based rows set in bold: the title and each stage's name. */
  bold: number[];
}

export function instructionsLayout(
  playbooks: readonly Playbook[],
  lang: Lang,
  when: string,
): InstructionsLayout {
  const rows: string[][] = [
    [t(lang, 'playbook.sheet.title'), ''],
    [t(lang, 'playbook.sheet.subtitle', { when }), ''],
  ];
  const bold = [1];
  const line = (key: Parameters<typeof t>[1], text: string) => {
    if (text) rows.push([t(lang, key), text]);
  };
  playbooks.forEach((p, i) => {
    rows.push(['', '']);
    rows.push([`${i + 1}. ${p.stage}`, '']);
    bold.push(rows.length);
    line('playbook.sheet.todo', p.todo);
    line('playbook.sheet.checklist', p.checklist.map((x) => `☐ ${x}`).join('\n'));
    line('playbook.sheet.required', p.required.map((f) => fieldLabel(f, lang)).join(', '));
    line('playbook.sheet.exit', p.exit);
    if (p.strict) rows.push(['', t(lang, 'playbook.sheet.strict')]);
  });
  // What the head typed goes back into cells: never as a formula.
  return { rows: rows.map((r) => r.map(safeCellText)), bold };
}
