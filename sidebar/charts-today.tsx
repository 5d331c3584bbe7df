/**
 * Today's pictures inside "My plan": fact against plan with the even-pace marker for today, and
 * my forgotten deals over the last weeks (core forgotten-weeks.ts; docs/sidebar-pictures.md).
 */
import type { MyPlan } from '../src/shared/contract';
import { Columns, PaceBar } from './charts';
import { day } from './format';
import { tr } from './i18n';

export function PlanPictures({ plan, v }: { plan: MyPlan; v: (x: number) => string }) {
  // Where an even pace over the period's working days has the fact by today (core pace.ts).
  const expected = plan.workingDaysTotal
    ? (plan.plan * plan.workingDaysElapsed) / plan.workingDaysTotal
    : 0;
  const gap = plan.fact - expected;
  const weeks = plan.forgottenWeeks;
  const dates = weeks.map((w) => day(w.day).slice(0, 5));
  return (
    <>
      {plan.plan > 0 ? (
        <>
          <PaceBar
            fact={plan.fact}
            plan={plan.plan}
            expected={expected}
            mark={tr('pic.marker')}
            label={tr('pic.plan', {
              fact: v(plan.fact),
              plan: v(plan.plan),
              expected: v(expected),
            })}
          />
          <div class="pace-note" data-testid="pace-note">
            {tr('pic.expected', { value: v(expected) })} ·{' '}
            {tr(gap < 0 ? 'pic.behind' : 'pic.ahead', { value: v(Math.abs(gap)) })}
          </div>
        </>
      ) : null}
      {weeks.length ? (
        <>
          <h3 class="pace-note">{tr('pic.weeks')}</h3>
          <Columns
            kind="weeks"
            values={weeks.map((w) => w.count)}
            labels={dates}
            text={String}
            label={`${tr('pic.weeks')}: ${weeks.map((w, i) => `${dates[i]} ${w.count}`).join(', ')}`}
          />
        </>
      ) : null}
    </>
  );
}
