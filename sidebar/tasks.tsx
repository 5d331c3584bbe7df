/**
 * Tasks in the panel (issue #14): the caller's tasks in Today (overdue first, done only with a
 * result), the head's Tasks screen (set a task, who is late), the deal card's tasks, and on-time
 * completion in Team. Every list comes from the `tasks` method; the server decides what each
 * person may do (canComplete / canCancel), the page only shows it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Bootstrap, TaskItem, TasksView } from '../src/shared/contract';
import { instant, percent, plusDays } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { DEAL_SECTIONS, SCREENS, TEAM_SECTIONS, TODAY_SECTIONS } from './slots';
import { ErrorBox, fieldErrors, Select, TextArea, TextField, useCall } from './ui';

const leader = (b: Bootstrap) => b.me.role !== 'manager';

/** `first`: what the first screen already brought (Today), so it costs no call of its own. */
function useTasks(dealId = '', period = '', first?: TasksView) {
  const [view, setView] = useState<TasksView | null>(first ?? null);
  const c = useCall();
  const load = () => c.run(() => call('tasks', { dealId, period })).then((v) => v && setView(v));
  useEffect(() => void (first || load()), [dealId, period]);
  return { view, setView, c, load };
}

function Task({
  t,
  dealId,
  onView,
}: {
  t: TaskItem;
  dealId: string;
  onView: (v: TasksView) => void;
}) {
  const [result, setResult] = useState('');
  const c = useCall();
  const act = (p: () => Promise<TasksView>) => c.run(p).then((v) => v && onView(v));
  return (
    <li class="card" data-id={t.id} data-status={t.status}>
      <div class="card-title">
        {t.priority === 'high' ? '! ' : ''}
        {t.what}
      </div>
      <div class="card-sub">
        {[t.clientName, t.whom, tr('tk.from', { who: t.setBy })].filter(Boolean).join(' · ')}
      </div>
      <div class={t.overdue ? 'card-meta warn-text' : 'card-meta'}>
        {t.status === 'open'
          ? t.overdue
            ? tr('tk.late', { n: t.daysOverdue })
            : tr('tk.due', { when: instant(t.due) })
          : t.result || '—'}
      </div>
      {t.canComplete ? (
        <TextArea
          label={tr('tk.result')}
          name="result"
          required
          value={result}
          onValue={setResult}
          error={fieldErrors(c.error).result}
        />
      ) : null}
      {c.error && !fieldErrors(c.error).result ? <ErrorBox error={c.error} /> : null}
      <div class="actions">
        {t.canComplete ? (
          <button
            type="button"
            class="btn small primary"
            disabled={c.busy}
            onClick={() => act(() => call('completeTask', { id: t.id, result, dealId }))}
          >
            {tr('tk.done')}
          </button>
        ) : null}
        {t.canCancel ? (
          <button
            type="button"
            class="btn small"
            disabled={c.busy}
            onClick={() => act(() => call('cancelTask', { id: t.id, dealId }))}
          >
            {tr('tk.cancel')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function List(p: { tasks: TaskItem[]; dealId?: string; onView: (v: TasksView) => void }) {
  return p.tasks.length ? (
    <ul class="cards">
      {p.tasks.map((t) => (
        <Task key={t.id} t={t} dealId={p.dealId ?? ''} onView={p.onView} />
      ))}
    </ul>
  ) : (
    <p class="muted small">{tr('tk.none')}</p>
  );
}

function SetForm(p: {
  boot: Bootstrap;
  view: TasksView;
  dealId?: string;
  onView: (v: TasksView) => void;
}) {
  const [f, setF] = useState({
    what: '',
    whom: '*',
    due: plusDays(p.boot.today.asOf, 1),
    time: '',
  });
  const [high, setHigh] = useState(false);
  const c = useCall();
  const e = fieldErrors(c.error);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = () =>
    c
      .run(() =>
        call('setTask', { ...f, dealId: p.dealId ?? '', priority: high ? 'high' : 'normal' }),
      )
      .then((v) => {
        if (!v) return;
        p.onView(v);
        setF({ ...f, what: '' });
      });
  return (
    <form
      class="card"
      data-testid="task-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
    >
      <TextArea
        label={tr('tk.what')}
        name="what"
        required
        value={f.what}
        onValue={set('what')}
        error={e.what}
      />
      <Select
        label={tr('tk.whom')}
        name="whom"
        value={f.whom}
        onValue={set('whom')}
        error={e.whom}
        options={[
          { value: '*', label: tr('tk.all') },
          ...p.view.teams.map((x) => ({ value: x, label: x })),
          ...p.view.people.map((x) => ({ value: x.email, label: x.name })),
        ]}
      />
      <TextField
        label={tr('tk.day')}
        name="due"
        type="date"
        required
        value={f.due}
        onValue={set('due')}
        error={e.due}
      />
      <TextField
        label={tr('tk.time')}
        name="time"
        type="time"
        value={f.time}
        onValue={set('time')}
      />
      <label>
        <input type="checkbox" checked={high} onChange={() => setHigh(!high)} /> {tr('tk.high')}
      </label>
      {c.error && !Object.keys(e).length ? <ErrorBox error={c.error} /> : null}
      <button type="submit" class="btn primary" disabled={c.busy}>
        {tr('tk.set')}
      </button>
    </form>
  );
}

function Section(p: { boot: Bootstrap; dealId?: string; head?: boolean }) {
  const today = !p.head && !p.dealId;
  const { view, setView, c, load } = useTasks(p.dealId, '', today ? p.boot.today.tasks : undefined);
  if (!view) return c.error ? <ErrorBox error={c.error} onRetry={() => void load()} /> : null;
  // Today lists what is the caller's to do; the head's screen and the deal card list everything.
  const tasks = today ? view.tasks.filter((t) => t.canComplete) : view.tasks;
  if (today && !tasks.length) return null;
  return (
    <section data-section="tasks">
      <h2 class="section-title">
        {tr('tk.title')}
        <span class={tasks.some((t) => t.overdue) ? 'count hot' : 'count'}>{tasks.length}</span>
      </h2>
      {(p.head || p.dealId) && leader(p.boot) ? (
        <SetForm boot={p.boot} view={view} dealId={p.dealId} onView={setView} />
      ) : null}
      {p.head && view.late.length ? (
        <div class="card" data-testid="tasks-late">
          <div class="card-title">{tr('tk.who')}</div>
          {view.late.map((l) => (
            <div key={l.email} class="card-meta warn-text">
              {l.name}: {tr('tk.whoRow', { n: l.overdue, d: l.maxDays })}
            </div>
          ))}
        </div>
      ) : null}
      <List tasks={tasks} dealId={p.dealId} onView={setView} />
    </section>
  );
}

function OnTime({ period }: { period: string }) {
  const { view } = useTasks('', period);
  const rows = view?.onTime.filter((r) => r.due) ?? [];
  return rows.length ? (
    <section class="card" data-section="tasks-on-time">
      <h2 class="section-title">{tr('tk.onTime')}</h2>
      {rows.map((r) => (
        <div key={r.email} class="card-meta">
          {r.name}: {percent(r.share)} · {tr('tk.share', { s: r.onTime, n: r.due })}
        </div>
      ))}
    </section>
  ) : null;
}

TODAY_SECTIONS.push({
  key: 'tasks',
  order: 10,
  render: ({ boot }) => (boot.today.tasks ? <Section boot={boot} /> : null),
});
SCREENS.push({
  key: 'tasks',
  label: 'tk.title',
  order: 30,
  visible: leader,
  render: (boot) => <Section boot={boot} head />,
});
DEAL_SECTIONS.push({
  key: 'tasks',
  order: 40,
  render: ({ boot, dealId }) => <Section boot={boot} dealId={dealId} />,
});
TEAM_SECTIONS.push({ key: 'tasks', order: 40, render: ({ period }) => <OnTime period={period} /> });
