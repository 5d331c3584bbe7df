/**
 * onEdit rule for the approval columns of Deal lines (issue #15): Approval, Approved by, Approved at
 * and the seal are the head's, given from the panel. A plain manager's typing there goes back (a
 * paste is cleared), with a note. The head may type, but a typed «Согласовано» has no seal and so
 * does not count: the note says to approve in the panel. Other columns of the sheet are the
 * manager's own lines (the seal makes a changed line await approval again).
 */
import { saysApproved } from '../../../core/money/approvals';
import { DEAL_LINES } from '../../../core/workbook/schema';
import { guardSheet, type Guard, type Refusal } from './guard-sheet';

const APPROVAL_COLUMNS: ReadonlySet<string> = new Set([
  'status',
  'approvedBy',
  'approvedAt',
  'seal',
]);

export const guardApprovalEdit: Guard = (e, sheet, name, wb) =>
  guardSheet(
    e,
    sheet,
    name,
    wb,
    { def: DEAL_LINES, watched: APPROVAL_COLUMNS, seeFree: true },
    (g) => {
      const out: Refusal[] = [];
      g.rows.forEach((_, r) => {
        for (const key of g.edited) {
          if (!g.free) out.push({ r, key, why: 'money.edit.approval' });
          else if (key === 'status' && saysApproved({ status: String(g.cell(r, key) ?? '') }))
            out.push({ r, key, why: 'money.edit.approvalTyped', keep: true });
        }
      });
      return out;
    },
  );
