/**
 * The Team tab: the team's figures, and the head's work screens that features register
 * (sidebar/slots.ts), one at a time behind a row of buttons so the panel stays 300 px wide.
 */
import { useState } from 'preact/hooks';
import type { Bootstrap } from '../src/shared/contract';
import { tr } from './i18n';
import { ordered, SCREENS } from './slots';
import { TeamPanel } from './team';

export function TeamArea({ boot }: { boot: Bootstrap }) {
  const screens = ordered(SCREENS).filter((s) => s.visible(boot));
  const [current, setCurrent] = useState('team');
  const screen = screens.find((s) => s.key === current);
  return (
    <div class="team-area">
      {screens.length ? (
        <div class="subnav" role="group" aria-label={tr('sb.tab.team')}>
          {[{ key: 'team', label: 'sb.tab.team' as const }, ...screens].map((s) => (
            <button
              key={s.key}
              type="button"
              class={s.key === (screen?.key ?? 'team') ? 'btn small active' : 'btn small'}
              aria-pressed={s.key === (screen?.key ?? 'team') ? 'true' : 'false'}
              data-screen={s.key}
              onClick={() => setCurrent(s.key)}
            >
              {tr(s.label)}
            </button>
          ))}
        </div>
      ) : null}
      <div hidden={Boolean(screen)}>
        <TeamPanel boot={boot} />
      </div>
      {screen ? <div data-screen-body={screen.key}>{screen.render(boot)}</div> : null}
    </div>
  );
}
