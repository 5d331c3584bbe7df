/** Process compliance per manager over the dashboard's period (the figures: core/playbooks). */
import type { ComplianceFigure } from '../../playbooks/compliance';
import type { BlockDraft, DashInput } from './model';

export function complianceBlock(
  { h }: Pick<DashInput, 'h'>,
  rows: readonly ComplianceFigure[],
  nameOf: (email: string) => string,
): BlockDraft | null {
  if (!rows.length) return null;
  return {
    key: 'compliance',
    title: h('playbook.dash.title'),
    header: [
      h('tasks.fn.manager'),
      h('playbook.dash.moves'),
      h('playbook.dash.met'),
      h('playbook.dash.share'),
    ],
    rows: rows.map((r) => [nameOf(r.manager), r.moves, r.met, r.share ?? '']),
    formats: ['text', 'int', 'int', 'percent'],
    notes: [],
  };
}
