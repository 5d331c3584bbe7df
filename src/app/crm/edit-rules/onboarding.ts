/**
 * onEdit rule for the Onboarding sheet (issue #14), matching the panel's `markOnboarding`: a plain
 * manager marks Done, Done by and Comment on their own steps or their mentees' (the Mentor column
 * of Managers) and nowhere else; the step, its manager and its due date are the head's. Refused
 * typing goes back with a note (a paste is cleared). Reads the Onboarding header and edited rows,
 * and Managers once (who is who).
 */
import { ONBOARDING } from '../../../core/workbook/schema';
import { guardSheet, type Guard, type Refusal } from './guard-sheet';

const MARKS: ReadonlySet<string> = new Set(['doneAt', 'doneBy', 'comment']);

export const guardOnboardingEdit: Guard = (e, sheet, name, wb) =>
  guardSheet(e, sheet, name, wb, { def: ONBOARDING }, (g) => {
    const mentees = new Set(
      g.book
        .list('managers')
        .filter((m) => g.user && m.mentor.trim().toLowerCase() === g.user)
        .map((m) => m.email.trim().toLowerCase()),
    );
    const out: Refusal[] = [];
    g.rows.forEach((_, r) => {
      const owner = String(g.cell(r, 'manager') ?? '')
        .trim()
        .toLowerCase();
      const mayMark = !!g.user && (owner === g.user || mentees.has(owner));
      for (const key of g.edited) {
        if (!MARKS.has(key)) out.push({ r, key, why: 'people.edit.fixed' });
        else if (!mayMark) out.push({ r, key, why: 'people.edit.step' });
      }
    });
    return out;
  });
