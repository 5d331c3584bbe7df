/**
 * The people methods (docs/people.md; roles in src/shared/methods.ts, ownership here): reading
 * the People view, marking an onboarding step (the manager, their mentor or the head), starting
 * onboarding for recent hires, adding a training record and hiring a candidate (the head). Writes
 * run under the lock, read what they change there, write one block each, and answer with the
 * refreshed view from the same reads.
 */
import { UserError } from '../../core/errors';
import { mayMarkStep } from '../../core/people/onboarding';
import { peopleOf } from '../../core/people/settings';
import { CANDIDATE_STAGES, TRAINING_KINDS } from '../../core/people/enums';
import { parseIsoDay } from '../../core/time';
import { managerCells } from '../../core/workbook/records';
import { normalizeEmail } from '../../core/workbook/normalize';
import type { Manager } from '../../core/types';
import type { OnboardingStepView, PeopleView } from '../../shared/contract-people';
import { allowed, type Request } from '../../shared/methods';
import type { DataSheetKey } from '../../gas/workbook';
import { startOnboardingIn } from '../people/onboarding';
import { candidatesOf, onboardingOf, scoresOf } from '../people/sheets';
import { peopleView, stepViews } from '../people/view';
import type { Ctx } from './context';

/** The sales sheets the view's figures need (plan-fact, win rates, activity, response, process). */
const SALES: readonly DataSheetKey[] = [
  'managers',
  'deals',
  'activities',
  'stageHistory',
  'plans',
  'invoices',
];

const view = (ctx: Ctx): PeopleView =>
  peopleView(ctx.wb, ctx.data(SALES), ctx.me, ctx.today, allowed('hireCandidate', ctx.me.role));

export const people = (_r: Request<'people'>, ctx: Ctx): PeopleView => view(ctx);

/** The caller's own steps, for Today; a workbook set up before this feature has none. */
export function myOnboarding(_r: Request<'myOnboarding'>, ctx: Ctx): OnboardingStepView[] {
  const me = ctx.me.email.trim().toLowerCase();
  let steps;
  try {
    steps = onboardingOf(ctx.wb);
  } catch (e) {
    if (e instanceof UserError) return [];
    throw e;
  }
  return stepViews(
    steps.filter((s) => s.manager === me),
    ctx.today,
  );
}

export function markOnboarding(r: Request<'markOnboarding'>, ctx: Ctx): PeopleView {
  const manager = r.manager.trim().toLowerCase();
  ctx.write(() => {
    const owner = ctx.wb.list('managers').find((m) => m.email.trim().toLowerCase() === manager);
    if (!mayMarkStep(ctx.me, owner, manager)) throw new UserError('people.err.notYourStep');
    const step = onboardingOf(ctx.wb).find((s) => s.manager === manager && s.step === r.step);
    if (!step) throw new UserError('people.err.noStep', { step: r.step, manager });
    ctx.wb.update('onboarding', step.row, {
      doneAt: r.done ? ctx.today : null,
      doneBy: r.done ? ctx.me.email : '',
      comment: r.comment || step.comment,
    });
  }, SALES);
  return view(ctx);
}

export function startOnboarding(_r: Request<'startOnboarding'>, ctx: Ctx): PeopleView {
  ctx.write(() => startOnboardingIn(ctx.wb, ctx.wb.list('managers'), ctx.today), SALES);
  return view(ctx);
}

export function addTraining(r: Request<'addTraining'>, ctx: Ctx): PeopleView {
  const date = r.date ? parseIsoDay(r.date) : ctx.today;
  if (date === null) throw new UserError('people.err.badDate', { value: r.date });
  const score = r.score.trim() ? Number(r.score.replace(',', '.')) : null;
  if (score !== null && !(score >= 0 && score <= 100)) throw new UserError('people.err.badScore');
  const manager = normalizeEmail(r.manager) ?? '';
  ctx.write(() => {
    if (!ctx.wb.list('managers').some((m) => m.email.trim().toLowerCase() === manager)) {
      throw new UserError('people.err.noManager', { manager: r.manager });
    }
    // Read whole (not just its header): the answer lists trainings, so this is the one read.
    ctx.wb.table('training');
    ctx.wb.append('training', [
      {
        date,
        manager,
        kind: TRAINING_KINDS.label(r.kind, ctx.lang),
        topic: r.topic,
        trainer: r.trainer,
        score,
        passed: r.passed,
      },
    ]);
  }, SALES);
  return view(ctx);
}

/**
 * The candidate becomes a manager (role manager, hired today, the chosen mentor and team) and
 * their onboarding starts; the candidate row is marked hired. A second click finds the email on
 * the Managers sheet and refuses, so nothing is written twice.
 */
export function hireCandidate(r: Request<'hireCandidate'>, ctx: Ctx): PeopleView {
  ctx.write(() => {
    const c = candidatesOf(ctx.wb).find((x) => x.row === r.row && x.name === r.name);
    if (!c) throw new UserError('people.err.noCandidate', { id: r.name });
    if (!c.email) throw new UserError('people.err.needEmail');
    const managers = ctx.wb.list('managers');
    if (managers.some((m) => m.email.trim().toLowerCase() === c.email)) {
      throw new UserError('people.err.alreadyManager', { email: c.email });
    }
    // Checked before the first write (a broken sheet stops the hire), and the answer's one read.
    ctx.wb.table('onboarding');
    const hired: Omit<Manager, 'row'> = {
      email: c.email,
      name: c.name,
      team: r.team || c.position,
      role: 'manager',
      active: true,
      callsPerDay: null,
      meetingsPerWeek: null,
      hiredAt: ctx.today,
      lastDay: null,
      grade: peopleOf(ctx.wb.settings).grades[0]?.grade ?? '',
      mentor: normalizeEmail(r.mentor) ?? '',
    };
    ctx.wb.append('managers', [managerCells(hired, ctx.lang)]);
    ctx.wb.update('candidates', c.row, { stage: CANDIDATE_STAGES.label('hired', ctx.lang) });
    startOnboardingIn(ctx.wb, ctx.wb.list('managers'), ctx.today);
  }, SALES);
  return view(ctx);
}

/** The candidate as the head sees it (row and name both match, so a moved row is refused). */
function candidate(ctx: Ctx, row: number, name: string) {
  const c = candidatesOf(ctx.wb).find((x) => x.row === row && x.name === name);
  if (!c) throw new UserError('people.err.noCandidate', { id: name });
  return c;
}

/** Hiring has its own method (it adds the manager), so 'hired' is not a stage one sets here. */
export function candidateStage(r: Request<'candidateStage'>, ctx: Ctx): PeopleView {
  ctx.write(() => {
    const c = candidate(ctx, r.row, r.name);
    ctx.wb.update('candidates', c.row, { stage: CANDIDATE_STAGES.label(r.stage, ctx.lang) });
  }, SALES);
  return view(ctx);
}

/** One score per candidate and question: scoring again replaces the earlier score. */
export function scoreCandidate(r: Request<'scoreCandidate'>, ctx: Ctx): PeopleView {
  const score = Math.round(r.score);
  if (!(score >= 1 && score <= 5)) throw new UserError('people.err.badStars');
  if (!peopleOf(ctx.wb.settings).questions.includes(r.question)) {
    throw new UserError('people.err.noQuestion', { question: r.question });
  }
  ctx.write(() => {
    const c = candidate(ctx, r.row, r.name);
    const old = scoresOf(ctx.wb).find((s) => s.candidate === c.name && s.question === r.question);
    if (old) ctx.wb.update('scorecard', old.row, { score });
    else ctx.wb.append('scorecard', [{ candidate: c.name, question: r.question, score }]);
  }, SALES);
  return view(ctx);
}
