/**
 * The deal card: one deal in full — client and contacts, next step, the same one-click actions as
 * in Today, its activities, stage changes and invoices — and the sections other features register
 * in DEAL_SECTIONS. Opens from any Today list; an action refreshes both Today and the card.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Bootstrap, TodayView } from '../src/shared/contract';
import type { DealCardView } from '../src/shared/contract-deal-card';
import { call } from './rpc';
import { tr } from './i18n';
import { day, instant, moneyOf } from './format';
import { DEAL_SECTIONS, ordered } from './slots';
import { DealActions, OpenButton } from './today';
import { ErrorBox, Loading, Notice, useCall } from './ui';

interface Props {
  boot: Bootstrap;
  dealId: string;
  asOf: string;
  onView: (v: TodayView) => void;
  onBack: () => void;
}

export function DealCardScreen({ boot, dealId, asOf, onView, onBack }: Props) {
  const c = useCall();
  const [card, setCard] = useState<DealCardView | null>(null);
  const [flash, setFlash] = useState('');
  const load = async () => {
    const v = await c.run(() => call('dealCard', { dealId }));
    if (v) setCard(v);
  };
  useEffect(() => void load(), [dealId]);
  const d = card?.deal;
  const cl = card?.client;
  return (
    <div class="deal-card">
      <button type="button" class="btn small" onClick={onBack}>
        {tr('sb.card.back')}
      </button>
      {c.error ? <ErrorBox error={c.error} onRetry={() => void load()} /> : null}
      {flash ? <Notice text={flash} /> : null}
      {!card || !d ? (
        c.busy && <Loading />
      ) : (
        <>
          <h2 class="card-title">{d.clientName || d.title}</h2>
          <div class="card-sub">
            {dot(
              d.title,
              d.stage,
              moneyOf(d.amount),
              tr('sb.lead.dupOwner', { name: card.manager }),
            )}
          </div>
          {cl ? <div class="card-meta">{dot(cl.contact, cl.phone, cl.email)}</div> : null}
          {d.nextStep ? (
            <div class="card-step">→ {dot(d.nextStep, day(d.nextStepDate))}</div>
          ) : null}
          {card.open ? (
            <DealActions
              deal={d}
              boot={boot}
              asOf={asOf}
              onDone={(v, msg) => {
                onView(v);
                setFlash(msg);
                void load();
              }}
            />
          ) : (
            <OpenButton sheet="deals" id={d.id} />
          )}
          <History id="activities" count={card.activities.length + card.moreActivities}>
            {card.activities.map((a) =>
              row(
                dot(instant(a.at), boot.activityTypes.find((t) => t.value === a.type)?.label, a.by),
                a.summary,
              ),
            )}
            {card.moreActivities ? row(tr('sb.card.more', { n: card.moreActivities })) : null}
          </History>
          <History id="stages" count={card.stages.length}>
            {card.stages.map((s) => row(dot(instant(s.at), s.by), `${s.from || '—'} → ${s.to}`))}
          </History>
          <History id="invoices" count={card.invoices.length}>
            {card.invoices.map((i) =>
              row(
                tr('sb.card.inv', {
                  due: day(i.dueDate) || '—',
                  paid: dot(moneyOf(i.paid), day(i.paidAt)),
                }),
                dot(i.number && `№ ${i.number}`, moneyOf(i.amount)),
              ),
            )}
          </History>
          {ordered(DEAL_SECTIONS).map((slot) => (
            <div key={slot.key} data-slot={slot.key}>
              {slot.render({ boot, dealId, onChanged: () => void load() })}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

const dot = (...parts: Array<string | undefined>): string => parts.filter(Boolean).join(' · ');

/** One history entry: a muted line of when and who, then what. */
function row(meta: string, body?: string) {
  return (
    <li>
      <span class="muted small">{meta}</span>
      {body ? <div>{body}</div> : null}
    </li>
  );
}

function History(props: {
  id: 'activities' | 'stages' | 'invoices';
  count: number;
  children: ComponentChildren;
}) {
  return (
    <section data-list={props.id}>
      <h2 class="section-title">
        {tr(`sb.card.${props.id}`)} <span class="count">{props.count}</span>
      </h2>
      {props.count ? <ul class="cards history">{props.children}</ul> : null}
    </section>
  );
}
