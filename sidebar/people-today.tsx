/**
 * Today's people sections: a new hire's own onboarding steps (shown while they have some), and
 * "My growth", loaded on a click so Today's first screen stays one server call: my grade and what
 * the next one needs, whether I'm due for training, trainings this year, my last attestation, and
 * my mentees' onboarding steps (a mentor may mark them).
 */
import { useEffect, useState } from 'preact/hooks';
import type { OnboardingStepView, PeopleView } from '../src/shared/contract-people';
import { day } from './format';
import { tr, type SidebarKey } from './i18n';
import { call } from './rpc';
import { ErrorBox, useCall } from './ui';
import { Part } from './people';
import { TODAY_SECTIONS } from './slots';

/** Steps with a "Done" button on the open ones; the answer is the refreshed view. */
function Steps(p: {
  id: string;
  title: SidebarKey;
  steps: OnboardingStepView[];
  set: (v: PeopleView) => void;
}) {
  const c = useCall();
  return (
    <Part
      id={p.id}
      title={p.title}
      rows={p.steps.map((s) => [
        s.manager + s.step,
        s.step,
        (p.id === 'mentees' ? s.manager + ' · ' : '') + (s.done ? '✓' : day(s.due)),
        s.late,
        s.done ? null : (
          <button
            type="button"
            class="btn small"
            disabled={c.busy}
            onClick={() =>
              void c
                .run(() =>
                  call('markOnboarding', {
                    manager: s.manager,
                    step: s.step,
                    done: true,
                    comment: '',
                  }),
                )
                .then((v) => v && p.set(v))
            }
          >
            {tr('sb.pe.done')}
          </button>
        ),
      ])}
    />
  );
}

/**
 * Loaded on a click, so Today's first screen stays one server call; a new hire (a flag in
 * Bootstrap) gets it at once, for their onboarding steps.
 */
function MyGrowth({ now }: { now?: boolean }) {
  const [v, setV] = useState<PeopleView | null>(null);
  const c = useCall();
  const load = () => void c.run(() => call('people', {})).then((x) => x && setV(x));
  useEffect(() => void (now && load()), []);
  if (!v) {
    return (
      <section data-section="growth">
        {c.error ? <ErrorBox error={c.error} /> : null}
        <button type="button" class="btn small" disabled={c.busy} onClick={load}>
          {tr('sb.pe.growth')}
        </button>
      </section>
    );
  }
  const g = v.grades[0];
  return (
    <div>
      <Part
        id="growth"
        title="sb.pe.growth"
        rows={[
          [0, g ? g.grade + g.flag : '', g ? g.note : '', g && g.risk],
          ...v.due.map((d) => [d.name, d.topic, d.reasons, true] as const),
          [1, v.growth, ''],
        ]}
      />
      <Steps id="myOnboarding" title="sb.pe.mine" steps={v.mine} set={setV} />
      <Steps id="mentees" title="sb.pe.onb" steps={v.mentees} set={setV} />
    </div>
  );
}

TODAY_SECTIONS.push({
  key: 'growth',
  order: 5,
  render: ({ boot }) => <MyGrowth now={boot.newHire} />,
});
