/**
 * Parts of Today beside the deal lists: the manager's own plan for the month (the one definition
 * of pace, computed on the server) and the forgotten clients.
 */
import type { ClientItem, MyPlan } from '../src/shared/contract';
import { tr } from './i18n';
import { money, percent } from './format';
import { OpenButton, SectionHead } from './today';
import { PlanPictures } from './charts-today';

export function MyPlanCard({ plan, currency }: { plan: MyPlan; currency: string }) {
  const v = (x: number): string => (plan.money ? money(x, currency) : String(Math.round(x)));
  const pace =
    plan.fact >= plan.plan && plan.plan > 0
      ? tr('sb.today.planDone')
      : plan.requiredDailyPace === null
        ? tr('sb.team.noDaysLeft')
        : v(plan.requiredDailyPace);
  return (
    <section class="card my-plan" aria-labelledby="h-myPlan" data-section="myPlan">
      <h2 id="h-myPlan" class="section-title">
        {tr('sb.today.myPlan', { period: plan.period })}
      </h2>
      <PlanPictures plan={plan} v={v} />
      {plan.plan > 0 ? (
        <div class="pf-grid">
          <span>{tr('sb.team.plan')}</span>
          <span>{v(plan.plan)}</span>
          <span>{tr('sb.today.fact')}</span>
          <span>
            {v(plan.fact)} · {percent(plan.completion)}
          </span>
          <span>{tr('sb.team.forecast')}</span>
          <span>{plan.forecast === null ? '—' : v(plan.forecast)}</span>
          <span>{tr('sb.team.pace')}</span>
          <span data-testid="my-pace">{pace}</span>
          <span>{tr('sb.today.daysLeft')}</span>
          <span>{plan.workingDaysLeft}</span>
        </div>
      ) : (
        <p class="muted small">{tr('sb.team.noPlan')}</p>
      )}
    </section>
  );
}

export function ClientSection({ items }: { items: ClientItem[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="h-forgottenClients" data-section="forgottenClients">
      <SectionHead id="forgottenClients" title="sb.today.forgottenClients" count={items.length} />
      <ul class="cards">
        {items.map((c) => (
          <li class="card" key={c.id} data-id={c.id}>
            <div class="card-title">{c.name}</div>
            {c.contact ? <div class="card-sub">{c.contact}</div> : null}
            <div class="card-meta warn-text">{tr('sb.today.noContact', { days: c.idleDays })}</div>
            <div class="actions">
              <OpenButton sheet="clients" id={c.id} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
