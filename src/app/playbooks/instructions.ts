/** Menu and sidebar: (re)write the printable instructions sheet from the playbooks in Settings. */
import { t } from '../../core/i18n';
import { INSTRUCTIONS_SHEET, instructionsLayout } from '../../core/playbooks/instructions';
import { formatInZone } from '../../gas/runtime';
import { writeInstructionsSheet } from '../../gas/instructions-sheet';
import { toast } from '../../gas/spreadsheet';
import type { Workbook } from '../../gas/workbook';

/** Writes the sheet; the message saying what was done. */
export function writeInstructions(wb: Workbook, now: number): string {
  const playbooks = wb.settings.playbooks ?? [];
  const lang = wb.lang;
  const when = formatInZone(now, wb.timeZone, 'dd.MM.yyyy');
  const { rows, bold } = instructionsLayout(playbooks, lang, when);
  const name = wb.locked(() =>
    writeInstructionsSheet(
      wb.ss,
      [INSTRUCTIONS_SHEET.ru, INSTRUCTIONS_SHEET.en],
      INSTRUCTIONS_SHEET[lang],
      rows,
      bold,
    ),
  );
  return t(lang, 'playbook.sheet.done', { sheet: name, n: playbooks.length });
}

export function menuInstructions(wb: Workbook): void {
  toast(wb.ss, writeInstructions(wb, Date.now()), 5);
}
