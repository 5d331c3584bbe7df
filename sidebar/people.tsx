/**
 * The People screen (Team tab, head and director): onboarding progress, who is due for training,
 * grade readiness and the candidates pipeline with its scorecard average. The server sends every
 * label translated, so this file is layout and the two actions (start onboarding, hire).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PeopleView } from '../src/shared/contract-people';
import { tr, type SidebarKey } from './i18n';
import { call } from './rpc';
import { ErrorBox, Loading, useCall } from './ui';
import { SCREENS } from './slots';

/** key, title, meta line, warn, anything below. */
type Row = readonly [string | number, string, string, boolean?, ComponentChildren?];

export function Part({ id, title, rows }: { id: string; title: SidebarKey; rows: Row[] }) {
  return rows.length ? (
    <section data-section={id}>
      <h2 class="section-title">{tr(title)}</h2>
      <ul class="cards">
        {rows.map(([k, t, m, w, x]) => (
          <li class="card" key={k}>
            <div class="card-title">{t}</div>
            <div class={w ? 'card-meta warn-text' : 'card-meta'}>{m}</div>
            {x}
          </li>
        ))}
      </ul>
    </section>
  ) : null;
}

type Opts = ReadonlyArray<readonly [string, string]>;

/** A labelled select; `on` gets the chosen value. */
export const pick = (label: SidebarKey, opts: Opts, on: (x: string) => void, value?: string) => (
  <select aria-label={tr(label)} value={value} onChange={(e) => on(e.currentTarget.value)}>
    {opts.map(([k, t]) => (
      <option value={k}>{t}</option>
    ))}
  </select>
);

/** The head's training record; an empty date is today, an empty score none. */
function AddTraining({ v, run }: { v: PeopleView; run: (p: () => Promise<PeopleView>) => void }) {
  const [f, setF] = useState({
    manager: v.grades[0].email,
    date: '',
    kind: 'training',
    topic: '',
    trainer: '',
    score: '',
    passed: '1',
  });
  const set = (k: keyof typeof f) => (x: string) => setF({ ...f, [k]: x });
  const box = (k: 'topic' | 'trainer' | 'score' | 'date', type = 'text') => (
    <input
      type={type}
      placeholder={tr(`sb.pe.${k}`)}
      value={f[k]}
      onInput={(e) => set(k)(e.currentTarget.value)}
    />
  );
  return (
    <div data-section="addTraining">
      {pick(
        'sb.team.managers',
        v.grades.map((g) => [g.email, g.name]),
        set('manager'),
      )}
      {box('date', 'date')}
      {pick('sb.f.type', v.kinds, set('kind'))}
      {box('topic')}
      {box('trainer')}
      {box('score')}
      {pick(
        'sb.pe.passed',
        [
          ['1', '✓ ' + tr('sb.pe.passed')],
          ['0', '✗'],
        ],
        set('passed'),
      )}
      <button
        type="button"
        class="btn small"
        onClick={() =>
          run(() =>
            call('addTraining', {
              ...f,
              kind: f.kind as 'training',
              passed: f.passed === '1',
            }),
          )
        }
      >
        {tr('sb.pe.add')}
      </button>
    </div>
  );
}

function PeopleScreen() {
  const [v, setV] = useState<PeopleView | null>(null);
  const [mentor, setMentor] = useState('');
  const [q, setQ] = useState('');
  const c = useCall();
  const run = (p: () => Promise<PeopleView>) => void c.run(p).then((x) => x && setV(x));
  const load = () => run(() => call('people', {}));
  useEffect(load, []);
  if (!v) return c.error ? <ErrorBox error={c.error} onRetry={load} /> : <Loading />;
  const act = (label: SidebarKey, fn: () => Promise<PeopleView>) => (
    <button type="button" class="btn small" disabled={c.busy} onClick={() => run(fn)}>
      {tr(label)}
    </button>
  );
  return (
    <div data-testid="people">
      {c.error ? <ErrorBox error={c.error} /> : null}
      <Part
        id="onboarding"
        title="sb.pe.onb"
        rows={v.onboarding.map((o) => [
          o.manager,
          o.name,
          `${o.done}/${o.total} · ${o.next}`,
          o.late > 0,
        ])}
      />
      {v.canHire ? act('sb.pe.start', () => call('startOnboarding', {})) : null}
      <Part
        id="due"
        title="sb.pe.due"
        rows={v.due.map((d) => [d.name, d.name, `${d.reasons} → ${d.topic}`, true])}
      />
      <Part
        id="grades"
        title="sb.pe.grades"
        rows={v.grades.map((g) => [g.name, `${g.name} · ${g.grade}${g.flag}`, g.note, g.risk])}
      />
      {v.canHire && v.grades.length ? <AddTraining v={v} run={run} /> : null}
      {v.canHire && v.candidates?.some((k) => k.open) ? (
        <div>
          <input
            placeholder={tr('sb.pe.mentor')}
            value={mentor}
            onInput={(e) => setMentor(e.currentTarget.value)}
          />
          {pick(
            'sb.pe.q',
            v.questions.map((x) => [x, x]),
            setQ,
          )}
        </div>
      ) : null}
      <Part
        id="candidates"
        title="sb.pe.cands"
        rows={(v.candidates ?? []).map((k) => [
          k.row,
          k.name,
          k.score ? `${k.stage} · ★ ${k.score}` : k.stage,
          false,
          k.open && v.canHire ? (
            <div>
              {pick(
                'sb.act.stage',
                v.stages,
                (stage) =>
                  run(() =>
                    call('candidateStage', { row: k.row, name: k.name, stage: stage as 'offer' }),
                  ),
                (v.stages.find((s) => s[1] === k.stage) || [])[0],
              )}
              {pick('sb.pe.score', [['', '★'], ...[...'12345'].map((n) => [n, n] as const)], (n) =>
                run(() =>
                  call('scoreCandidate', {
                    row: k.row,
                    name: k.name,
                    question: q || v.questions[0],
                    score: Number(n),
                  }),
                ),
              )}
              {act('sb.pe.hire', () =>
                call('hireCandidate', { row: k.row, name: k.name, mentor, team: '' }),
              )}
            </div>
          ) : null,
        ])}
      />
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
