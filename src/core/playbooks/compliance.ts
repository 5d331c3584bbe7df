/**
 * Process compliance per manager over a period: of the stage moves the playbooks checked (forward
 * moves and wins, with «Критерий выполнен» set), the share made with the exit criterion met.
 */
import { compliance } from './rules';

export interface CheckedMove {
  manager: string;
  /** Day of the move (days since epoch in the workbook zone). */
  day: number;
  exitMet: boolean | null;
}

export interface ComplianceFigure {
  manager: string;
  moves: number;
  met: number;
  share: number | null;
}

export function complianceByManager(
  moves: readonly CheckedMove[],
  range: { from: number; to: number } | null,
): ComplianceFigure[] {
  const by = new Map<string, CheckedMove[]>();
  for (const m of moves) {
    if (m.exitMet === null || !m.manager) continue;
    if (range && (m.day < range.from || m.day > range.to)) continue;
    by.set(m.manager, [...(by.get(m.manager) ?? []), m]);
  }
  return [...by.entries()]
    .map(([manager, list]) => ({
      manager,
      moves: list.length,
      met: list.filter((m) => m.exitMet).length,
      share: compliance(list),
    }))
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || a.manager.localeCompare(b.manager));
}
