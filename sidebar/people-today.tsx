/** A manager's own onboarding steps in Today (shown only while they have some). */
import { useEffect, useState } from 'preact/hooks';
import type { OnboardingStepView } from '../src/shared/contract-people';
import { day } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { ErrorBox, useCall } from './ui';
import { TODAY_SECTIONS, type TodaySlotProps } from './slots';

function MyOnboarding(_p: TodaySlotProps) {
  const [steps, setSteps] = useState<OnboardingStepView[]>([]);
  const c = useCall();
  useEffect(() => void c.run(() => call('myOnboarding', {})).then((s) => s && setSteps(s)), []);
  if (!steps.length) return null;
  const mark = (s: OnboardingStepView) =>
    void c
      .run(() =>
        call('markOnboarding', { manager: s.manager, step: s.step, done: true, comment: '' }),
      )
      .then((v) => v && setSteps(v.mine));
  return (
    <section data-section="myOnboarding">
      <h2 class="section-title">
        {tr('sb.people.mine')}{' '}
        <span class="muted">
          {steps.filter((s) => s.done).length}/{steps.length}
        </span>
      </h2>
      <ul class="cards">
        {steps.map((s) => (
          <li class="card" key={s.step} data-step={s.step}>
            <div class="card-title">{s.step}</div>
            <div class={s.late ? 'card-meta warn-text' : 'card-meta'}>
              {s.done ? `✓ ${tr('sb.people.done')}` : day(s.due)}
            </div>
            {s.done ? null : (
              <button type="button" class="btn small" disabled={c.busy} onClick={() => mark(s)}>
                {tr('sb.people.done')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {c.error ? <ErrorBox error={c.error} /> : null}
    </section>
  );
}

TODAY_SECTIONS.push({ key: 'myOnboarding', order: 5, render: (p) => <MyOnboarding {...p} /> });
