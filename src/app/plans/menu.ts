/** The plan builder's menu items (the "Plans…" item only opens the sidebar: src/app/menu.ts). */
import { dayOfInstant } from '../../core/time';
import { t } from '../../core/i18n';
import { toast } from '../../gas/spreadsheet';
import type { Workbook } from '../../gas/workbook';
import { writeDefence } from './defence';

/** Next year's defence against the company's plan for it on the Plans sheet (if any). */
export function menuPlanDefence(wb: Workbook): void {
  const today = dayOfInstant(Date.now(), wb.zone);
  const { sheet } = writeDefence(wb, today, { period: '', target: NaN, months: NaN });
  toast(wb.ss, t(wb.lang, 'pl.sheet.written', { sheet }));
}
