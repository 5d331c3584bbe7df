/**
 * Writes generated demo data into a set-up workbook: one setValues per sheet. Only into empty
 * data sheets, so a real workbook is never mixed with invented clients.
 */
import { UserError } from '../../core/errors';
import type { Lang } from '../../core/types';
import type { DemoData } from '../../core/demo/generate';
import { activityCells, managerCells, planCells } from '../../core/workbook/records';
import { sheetName } from '../../gas/sheets/blocks';
import { taskCells } from '../../core/tasks/read';
import { demoExitMet } from '../../core/demo/playbooks';
import { DATA_SHEETS, type Workbook } from '../../gas/workbook';
import { writePeopleDemo } from '../people/demo';
import { saysApproved } from '../../core/money/approvals';
import { toDealLine } from '../../core/money/lines';
import { signLine } from '../../core/money/seal';
import { documentHmac } from '../../gas/seal';

export interface DemoCounts {
  managers: number;
  clients: number;
  deals: number;
  activities: number;
  stageHistory: number;
  plans: number;
  invoices: number;
}

export function writeDemo(wb: Workbook, demo: DemoData, lang: Lang): DemoCounts {
  // Every sheet must be empty before the first write: nothing is half-written over real data.
  for (const key of DATA_SHEETS) {
    const table = wb.table(key);
    if (table.records.length) {
      throw new UserError('crm.demo.notEmpty', { sheet: sheetName(table.sheet) });
    }
  }
  const strip = <T extends { row: number }>(r: T): Omit<T, 'row'> => {
    const { row: _row, ...rest } = r;
    return rest;
  };
  wb.append(
    'managers',
    demo.managers.map((m) => managerCells(strip(m), lang)),
  );
  wb.append('clients', demo.clients.map(strip));
  wb.append('deals', demo.deals.map(strip));
  // Activities and Invoices carry the client's name beside its id, as Deals do.
  const names = new Map(demo.clients.map((c) => [c.id, c.name]));
  wb.append(
    'activities',
    demo.activities.map((a) => ({
      ...activityCells(strip(a), lang),
      clientName: names.get(a.clientId) ?? '',
    })),
  );
  const sellers = demo.managers.filter((m) => m.role === 'manager').map((m) => m.email);
  wb.append(
    'stageHistory',
    demo.stageHistory.map((h) => ({
      ...strip(h),
      exitMet: demoExitMet(h, wb.settings.stages, demo.deals, sellers) ?? '',
    })),
  );
  // Grouped as the head reads them: by period, then company, teams, managers; each manager named.
  const people = new Map(demo.managers.map((m) => [m.email.toLowerCase(), m.name]));
  const levels = ['company', 'team', 'manager'];
  const plans = [...demo.plans].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      levels.indexOf(a.level) - levels.indexOf(b.level) ||
      (people.get(a.target) ?? a.target).localeCompare(people.get(b.target) ?? b.target),
  );
  wb.append(
    'plans',
    plans.map((p) => ({
      ...planCells(strip(p), lang),
      targetName: p.level === 'manager' ? (people.get(p.target.toLowerCase()) ?? '') : '',
    })),
  );
  wb.append(
    'invoices',
    demo.invoices.map((i) => ({ ...strip(i), clientName: names.get(i.clientId) ?? '' })),
  );
  if (demo.tasks?.length)
    wb.append(
      'tasks',
      demo.tasks.map((x) => taskCells(strip(x), lang)),
    );
  if (demo.people) writePeopleDemo(wb, demo.people, lang);
  wb.append('budget', demo.money.budget);
  wb.append('spend', demo.money.spend);
  wb.append('products', demo.lines.products);
  wb.append('dealLines', sealedDemoLines(demo.lines.lines));
  return {
    managers: demo.managers.length,
    clients: demo.clients.length,
    deals: demo.deals.length,
    activities: demo.activities.length,
    stageHistory: demo.stageHistory.length,
    plans: demo.plans.length,
    invoices: demo.invoices.length,
  };
}

/**
 * The demo's decided discounts are the head's approvals, so they carry the seal the approve action
 * would have written (src/core/money/seal.ts); without it every one would be back in the queue.
 */
function sealedDemoLines(lines: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  let hmac: ReturnType<typeof documentHmac> | null = null;
  return lines.map((cells) => {
    const line = toDealLine({ row: 0, cells });
    if (!saysApproved(line)) return cells;
    hmac ??= documentHmac(true);
    return { ...cells, seal: signLine(line, hmac) ?? '' };
  });
}
