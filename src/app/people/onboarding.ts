/**
 * Starting onboarding: the template's steps for every recent hire who has none yet, appended in
 * one block. Run by the head's button (RPC) and by Setup, so a manager typed into the Managers
 * sheet with a recent hire date gets their steps on the next Setup; never twice for one person.
 */
import { onboardingToCreate } from '../../core/people/onboarding';
import { peopleOf } from '../../core/people/settings';
import { t } from '../../core/i18n';
import { dayOfInstant } from '../../core/time';
import type { Day } from '../../core/time';
import type { Manager } from '../../core/types';
import { Workbook } from '../../gas/workbook';
import { onboardingOf } from './sheets';

export function startOnboardingIn(wb: Workbook, managers: readonly Manager[], today: Day): number {
  const rows = onboardingToCreate(
    managers,
    onboardingOf(wb),
    peopleOf(wb.settings).onboarding,
    today,
  );
  wb.append('onboarding', rows);
  return rows.length;
}

/** After Setup (which holds the lock): adds the steps and says so in Setup's list of changes. */
export function onboardingAfterSetup(ss: Workbook['ss'], changes: string[]): void {
  const wb = new Workbook(ss);
  const managers = wb.list('managers');
  if (!managers.some((m) => m.hiredAt !== null)) return;
  // Setup already holds the document lock (a nested lock would release it early).
  const count = startOnboardingIn(wb, managers, dayOfInstant(Date.now(), wb.zone));
  if (count) changes.push(t(wb.lang, 'people.started', { count }));
}
