/**
 * The People screen (Team tab, head and director): onboarding progress, who is due for training,
 * grade readiness and the candidates pipeline with its scorecard average. The server sends every
 * label translated; this file holds the layout and the two actions (start onboarding, hire).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PeopleView } from '../src/shared/contract-people';
import { tr, type SidebarKey } from './i18n';
import { call } from './rpc';
import { ErrorBox, Loading, useCall } from './ui';
import { SCREENS } from './slots';

function Part({
  id,
  title,
  n,
  children,
}: {
  id: string;
  title: SidebarKey;
  n: number;
  children: preact.ComponentChildren;
}) {
  return (
    <section data-section={id}>
      <h2 class="section-title">
        {tr(title)} <span class="muted">{n}</span>
      </h2>
      {n ? <ul class="cards">{children}</ul> : <p class="muted small">{tr('sb.people.none')}</p>}
    </section>
  );
}

function Hire({ row, name, done }: { row: number; name: string; done: (v: PeopleView) => void }) {
  const [mentor, setMentor] = useState('');
  const c = useCall();
  return (
    <div class="actions">
      <input
        aria-label={tr('sb.people.mentor')}
        placeholder={tr('sb.people.mentor')}
        value={mentor}
        onInput={(e) => setMentor(e.currentTarget.value)}
      />
      <button
        type="button"
        class="btn small"
        disabled={c.busy}
        onClick={() =>
          void c
            .run(() => call('hireCandidate', { row, name, mentor, team: '' }))
            .then((v) => v && done(v))
        }
      >
        {tr('sb.people.hire')}
      </button>
      {c.error ? <ErrorBox error={c.error} /> : null}
    </div>
  );
}

export function PeopleScreen() {
  const [v, setV] = useState<PeopleView | null>(null);
  const c = useCall();
  const load = () => void c.run(() => call('people', {})).then((x) => x && setV(x));
  useEffect(load, []);
  if (!v) return c.error ? <ErrorBox error={c.error} onRetry={load} /> : <Loading />;
  return (
    <div class="people" data-testid="people">
      {c.error ? <ErrorBox error={c.error} /> : null}
      <Part id="onboarding" title="sb.people.onb" n={v.onboarding.length}>
        {v.onboarding.map((o) => (
          <li class="card" key={o.manager}>
            <div class="card-title">{o.name}</div>
            <div class={o.late ? 'card-meta warn-text' : 'card-meta'}>
              {o.done}/{o.total} · {o.next}
            </div>
          </li>
        ))}
      </Part>
      {v.canHire ? (
        <button
          type="button"
          class="btn small"
          disabled={c.busy}
          onClick={() => void c.run(() => call('startOnboarding', {})).then((x) => x && setV(x))}
        >
          {tr('sb.people.start')}
        </button>
      ) : null}
      <Part id="due" title="sb.people.due" n={v.due.length}>
        {v.due.map((d) => (
          <li class="card" key={d.name}>
            <div class="card-title">{d.name}</div>
            <div class="card-meta warn-text">{d.reasons}</div>
            <div class="card-sub">→ {d.topic}</div>
          </li>
        ))}
      </Part>
      <Part id="grades" title="sb.people.grades" n={v.grades.length}>
        {v.grades.map((g) => (
          <li class="card" key={g.name}>
            <div class="card-title">
              {g.name} · {g.grade}
              {g.ready ? <b> · {tr('sb.people.ready', { g: g.next })}</b> : null}
              {g.risk ? <b class="warn-text"> · {tr('sb.people.risk')}</b> : null}
            </div>
            <div class="card-meta">{g.note}</div>
          </li>
        ))}
      </Part>
      {v.candidates ? (
        <Part id="candidates" title="sb.people.cands" n={v.candidates.length}>
          {v.candidates.map((k) => (
            <li class="card" key={k.row}>
              <div class="card-title">{k.name}</div>
              <div class="card-meta">
                {k.stage}
                {k.score ? ` · ★ ${k.score}` : ''}
              </div>
              {k.open && v.canHire ? <Hire row={k.row} name={k.name} done={setV} /> : null}
            </li>
          ))}
        </Part>
      ) : null}
    </div>
  );
}

SCREENS.push({
  key: 'people',
  label: 'sb.people',
  order: 50,
  visible: (boot) => boot.can.team,
  render: () => <PeopleScreen />,
});
