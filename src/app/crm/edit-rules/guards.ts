/** The onEdit guards of unprotected sheets with rules (./guard-sheet.ts), tried in turn. */
import { guardApprovalEdit } from './approvals';
import { guardChecklistEdit } from './checklists';
import type { Guard } from './guard-sheet';
import { guardOnboardingEdit } from './onboarding';

export const SHEET_GUARDS: readonly Guard[] = [
  guardApprovalEdit,
  guardChecklistEdit,
  guardOnboardingEdit,
];
