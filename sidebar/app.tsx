/**
 * The shell: one server call (`bootstrap`) loads the first screen; tabs for the sections the
 * role may open. Panels mount on first visit and then stay mounted (hidden), so switching tabs
 * never loses what was typed in a form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bootstrap, TodayView } from '../src/shared/contract';
import type { SidebarKey as MessageKey } from './i18n';
import { call } from './rpc';
import { setLang, tr } from './i18n';
import { setZone } from './format';
import { ErrorBox, Loading, useCall } from './ui';
import { TodayPanel } from './today';
import { LeadPanel } from './lead';
import { TeamArea } from './team-area';
import { ImportPanel } from './import';
import { SettingsPanel } from './settings';

type Tab = 'today' | 'lead' | 'team' | 'import' | 'settings';

const TAB_LABELS: Record<Tab, MessageKey> = {
  today: 'sb.tab.today',
  lead: 'sb.tab.lead',
  team: 'sb.tab.team',
  import: 'sb.tab.import',
  settings: 'sb.tab.settings',
};

export function App() {
  const [boot, setBoot] = useState<Bootstrap | null>(null);
  const [today, setToday] = useState<TodayView | null>(null);
  const [tab, setTab] = useState<Tab>('today');
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set<Tab>(['today']));
  // Re-render on a language change (the catalogue lookup reads the current language).
  const [, setLangTick] = useState(0);
  const load = useCall();

  const start = () =>
    load
      .run(() => call('bootstrap', {}))
      .then((b) => {
        if (!b) return;
        setLang(b.lang);
        setZone(b.zone);
        setBoot(b);
        setToday(b.today);
      });
  useEffect(() => {
    void start();
  }, []);

  if (!boot || !today) {
    return (
      <main class="app">
        {load.error ? <ErrorBox error={load.error} onRetry={() => void start()} /> : <Loading />}
      </main>
    );
  }

  const tabs: Tab[] = ['today', 'lead'];
  if (boot.can.team) tabs.push('team');
  if (boot.can.import) tabs.push('import');
  if (boot.can.settings) tabs.push('settings');

  const open = (t: Tab) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set(v).add(t)));
  };

  // The same count as the digest's subject (core analytics/attention.ts).
  const count = today.count;

  return (
    <main class="app">
      <header class="top">
        <div class="who">
          <span class="name">{boot.me.name || boot.me.email}</span>
          <span class="role">{tr(`role.${boot.me.role}` as MessageKey)}</span>
        </div>
      </header>
      <Tabs tabs={tabs} current={tab} onOpen={open} badge={{ today: count }} />
      {tabs.map((t) =>
        visited.has(t) ? (
          <section
            key={t}
            id={`panel-${t}`}
            role="tabpanel"
            aria-labelledby={`tab-${t}`}
            hidden={t !== tab}
            class="panel"
          >
            {t === 'today' ? <TodayPanel boot={boot} view={today} onView={setToday} /> : null}
            {t === 'lead' ? <LeadPanel boot={boot} onAdded={setToday} /> : null}
            {t === 'team' ? <TeamArea boot={boot} /> : null}
            {t === 'import' ? <ImportPanel /> : null}
            {t === 'settings' ? (
              <SettingsPanel
                onSaved={(s) => {
                  if (s.lang !== boot.lang || s.currency !== boot.currency) {
                    setLang(s.lang);
                    setBoot({ ...boot, lang: s.lang, currency: s.currency });
                    setLangTick((n) => n + 1);
                  }
                }}
              />
            ) : null}
          </section>
        ) : null,
      )}
    </main>
  );
}

function Tabs(props: {
  tabs: Tab[];
  current: Tab;
  onOpen: (t: Tab) => void;
  badge: Partial<Record<Tab, number>>;
}) {
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const move = (from: Tab, by: number) => {
    const i = props.tabs.indexOf(from);
    const next = props.tabs[(i + by + props.tabs.length) % props.tabs.length];
    props.onOpen(next);
    refs.current[next]?.focus();
  };
  return (
    <nav class="tabs" role="tablist" aria-label={tr('sb.tabs')}>
      {props.tabs.map((t) => (
        <button
          key={t}
          ref={(el) => {
            refs.current[t] = el;
          }}
          id={`tab-${t}`}
          type="button"
          role="tab"
          aria-selected={t === props.current ? 'true' : 'false'}
          aria-controls={`panel-${t}`}
          tabIndex={t === props.current ? 0 : -1}
          class={t === props.current ? 'tab active' : 'tab'}
          data-tab={t}
          title={t === 'settings' ? tr(TAB_LABELS[t]) : undefined}
          onClick={() => props.onOpen(t)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(t, 1);
            else if (e.key === 'ArrowLeft') move(t, -1);
            else if (e.key === 'Home') move(props.tabs[0], 0);
            else if (e.key === 'End') move(props.tabs[props.tabs.length - 1], 0);
            else return;
            e.preventDefault();
          }}
        >
          {t === 'settings' ? (
            // A gear keeps five tabs on one line at 300 px; the name is still read out and shown on hover.
            <>
              <span aria-hidden="true" class="gear">
                ⚙
              </span>
              <span class="sr-only">{tr(TAB_LABELS[t])}</span>
            </>
          ) : (
            tr(TAB_LABELS[t])
          )}
          {props.badge[t] ? <span class="badge">{props.badge[t]}</span> : null}
        </button>
      ))}
    </nav>
  );
}
