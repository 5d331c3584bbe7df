/** A manager's own onboarding steps in Today (shown only while they have some). */
import { useEffect, useState } from 'preact/hooks';
import type { OnboardingStepView } from '../src/shared/contract-people';
import { day } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { useCall } from './ui';
import { Part } from './people';
import { TODAY_SECTIONS } from './slots';

function MyOnboarding() {
  const [steps, setSteps] = useState<OnboardingStepView[]>([]);
  const c = useCall();
  useEffect(() => void c.run(() => call('myOnboarding', {})).then((s) => s && setSteps(s)), []);
  return (
    <Part
      id="myOnboarding"
      title="sb.people.mine"
      rows={steps.map((s) => [
        s.step,
        s.step,
        s.done ? '✓' : day(s.due),
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
                .then((v) => v && setSteps(v.mine))
            }
          >
            {tr('sb.people.done')}
          </button>
        ),
      ])}
    />
  );
}

TODAY_SECTIONS.push({
  key: 'myOnboarding',
  order: 5,
  render: ({ boot }) => (boot.newHire ? <MyOnboarding /> : null),
});
