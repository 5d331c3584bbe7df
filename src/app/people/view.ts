/**
 * The People screen's answer, from one read of each sheet it needs. The head of sales and the
 * director see everyone; a manager sees only their own onboarding, trainings, due reasons and
 * grade (the rows of others never leave the server), and no candidates.
 */
import { chooseScheme, schemesFrom } from '../../core/analytics/bonus';
import { t } from '../../core/i18n';
import { CANDIDATE_STAGES, TRAINING_KINDS } from '../../core/people/enums';
import { gradeFigures, kpiFlags, TeamFigures } from '../../core/people/figures';
import { gradeIndex, readiness, type CriterionCheck } from '../../core/people/grades';
import { onboardingProgress } from '../../core/people/onboarding';
import { peopleOf } from '../../core/people/settings';
import { trainingDue } from '../../core/people/training';
import type { OnboardingStep, Training } from '../../core/people/types';
import { formatDay, isoDay, type Day } from '../../core/time';
import type { Lang, Manager, WorkbookData } from '../../core/types';
import type { OnboardingStepView, PeopleView } from '../../shared/contract-people';
import type { Workbook } from '../../gas/workbook';
import { candidatesOf, onboardingOf, scoresOf, trainingsOf } from './sheets';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function criterion(lang: Lang, c: CriterionCheck): string {
  // A manager with no checked stage move in the window has no process figure: said in words.
  if (c.key === 'compliance' && c.have === null) return t(lang, 'people.crit.noCompliance');
  const share = c.key === 'plan' || c.key === 'conversion' || c.key === 'compliance';
  const f = (x: number | null) => (x === null ? '—' : share ? pct(x) : String(Math.round(x)));
  return (
    (c.ok === null ? '' : c.ok ? '✓ ' : '✗ ') +
    t(lang, `people.crit.${c.key}`, { have: f(c.have), need: f(c.need) })
  );
}

export function stepViews(steps: readonly OnboardingStep[], today: Day): OnboardingStepView[] {
  return [...steps]
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity))
    .map((s) => ({
      manager: s.manager,
      step: s.step,
      due: s.due === null ? null : isoDay(s.due),
      done: s.doneAt !== null,
      late: s.doneAt === null && s.due !== null && s.due < today,
    }));
}

export function peopleView(
  wb: Workbook,
  data: WorkbookData,
  me: Manager,
  today: Day,
  canHire: boolean,
): PeopleView {
  const lang = data.settings.lang;
  const people = peopleOf(data.settings);
  const self = me.email.trim().toLowerCase();
  const all = me.role !== 'manager';
  const mine = (email: string) => all || email === self;
  const names = new Map(
    data.managers.map((m) => [m.email.trim().toLowerCase(), m.name || m.email]),
  );
  const nameOf = (e: string) => names.get(e) ?? e;

  const allSteps = onboardingOf(wb);
  const steps = allSteps.filter((s) => mine(s.manager));
  const mentees = new Set(
    data.managers
      .filter((m) => m.mentor.trim().toLowerCase() === self)
      .map((m) => m.email.trim().toLowerCase()),
  );
  const trainings = trainingsOf(wb).filter((s) => mine(s.manager));
  const staff = data.managers.filter((m) => mine(m.email.trim().toLowerCase()));

  const gradeOf = (m: Manager) => people.grades[gradeIndex(people.grades, m.grade)];
  const kpis = kpiFlags(data, today, wb.zone, (m) => gradeOf(m)?.minConversion ?? null);
  const due = trainingDue(staff, trainings, people.attestationMonths, today, kpis).map((d) => ({
    name: d.name,
    reasons: d.reasons
      .map((r) =>
        r.kind === 'kpi'
          ? t(lang, `people.reason.${r.kpi}`)
          : r.last === null
            ? t(lang, 'people.reason.never')
            : t(lang, 'people.reason.attestation', { months: people.attestationMonths }),
      )
      .join('; '),
    topic: t(
      lang,
      `people.topic.${d.reasons[0].kind === 'kpi' ? d.reasons[0].kpi : 'attestation'}`,
    ),
  }));

  const team = new TeamFigures(data, wb.zone);
  const schemes = schemesFrom(data.settings.bonus);
  const grades = staff
    .filter((m) => m.role === 'manager' && m.active)
    .map((m) => {
      const r = readiness(people.grades, m.grade, gradeFigures(team, trainings, m, today));
      // The scheme the bonus figures use (bonus.ts); a grade's unknown scheme is marked «?».
      const pay = chooseScheme(schemes, m, r.bonusScheme);
      const scheme = pay.missing ? `«${pay.missing}»?` : pay.scheme ? `«${pay.scheme.name}»` : '';
      const shown = r.next?.ready
        ? r.next.checks
        : r.risks.length
          ? r.risks
          : (r.next?.checks ?? []);
      return {
        email: m.email.trim().toLowerCase(),
        name: m.name || m.email,
        grade: r.at >= 0 ? people.grades[r.at].grade : t(lang, 'people.noGrade'),
        scheme: pay.scheme?.name ?? '',
        next: r.next?.grade ?? '',
        ready: r.next?.ready ?? false,
        risk: r.risks.length > 0,
        flag: r.next?.ready
          ? t(lang, 'people.ready', { grade: r.next.grade })
          : r.risks.length
            ? t(lang, 'people.risk')
            : '',
        note: [scheme, ...shown.map((c) => criterion(lang, c))].filter(Boolean).join(', '),
      };
    });

  let candidates: PeopleView['candidates'] = null;
  if (all) {
    const scores = scoresOf(wb);
    candidates = candidatesOf(wb).map((c) => {
      const own = scores.filter((s) => s.candidate === c.name && s.score !== null);
      const avg = own.length ? own.reduce((a, s) => a + (s.score ?? 0), 0) / own.length : null;
      return {
        row: c.row,
        name: c.name,
        position: c.position,
        stage: c.stage ? CANDIDATE_STAGES.label(c.stage, lang) : '',
        score: avg === null ? '' : `${avg.toFixed(1)} (${own.length}/${people.questions.length})`,
        open: c.stage !== 'hired' && c.stage !== 'declined',
      };
    });
  }

  return {
    onboarding: onboardingProgress(steps, today).map((p) => ({
      manager: p.manager,
      name: nameOf(p.manager),
      done: p.done,
      total: p.total,
      late: p.overdue,
      next: p.next?.step ?? '',
    })),
    mine: stepViews(
      steps.filter((s) => s.manager === self),
      today,
    ),
    due,
    trainings: trainings
      .filter((x) => x.date !== null)
      .sort((a, b) => (b.date ?? 0) - (a.date ?? 0))
      .slice(0, all ? 8 : 20)
      .map((x) => ({
        date: isoDay(x.date ?? 0),
        name: nameOf(x.manager),
        kind: x.kind ? TRAINING_KINDS.label(x.kind, lang) : '',
        topic: x.topic,
        passed: x.passed,
      })),
    grades,
    candidates,
    canHire,
    mentees: stepViews(
      allSteps.filter((s) => mentees.has(s.manager)),
      today,
    ),
    growth: myGrowth(lang, trainings, self, today),
    questions: all ? people.questions : [],
    stages: all
      ? CANDIDATE_STAGES.values
          .filter((k) => k !== 'hired')
          .map((k): [string, string] => [k, CANDIDATE_STAGES.label(k, lang)])
      : [],
    kinds: all
      ? TRAINING_KINDS.values.map((k): [string, string] => [k, TRAINING_KINDS.label(k, lang)])
      : [],
  };
}

/** The caller's trainings this calendar year and their last attestation, for Today. */
function myGrowth(lang: Lang, list: readonly Training[], self: string, today: Day): string {
  const own = list.filter((x) => x.manager === self && x.date !== null);
  const year = isoDay(today).slice(0, 4);
  const att = own
    .filter((x) => x.kind === 'attestation')
    .reduce((a, x) => Math.max(a, x.date ?? 0), 0);
  return t(lang, 'people.growth', {
    n: own.filter((x) => isoDay(x.date ?? 0).startsWith(year)).length,
    date: att ? formatDay(att) : '—',
  });
}
