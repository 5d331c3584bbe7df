/**
 * Stage playbooks in the panel (issue #14): the deal card shows the current stage's instructions
 * and checklist (ticks saved per deal by `tickItem`; the server checks who may tick), and Team
 * shows process compliance per manager for its period.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComplianceRow, PlaybookView } from '../src/shared/contract';
import { percent } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { DEAL_SECTIONS, TEAM_SECTIONS } from './slots';
import { ErrorBox, useCall } from './ui';

/** Links in the head's text become links (the rest stays text: no HTML from the sheet). */
const linked = (text: string) =>
  text.split(/(https?:\/\/\S+)/).map((s, i) =>
    i % 2 ? (
      <a key={i} href={s} target="_blank" rel="noopener noreferrer">
        {s}
      </a>
    ) : (
      s
    ),
  );

function Playbook({ dealId }: { dealId: string }) {
  const [v, setV] = useState<PlaybookView | null>(null);
  const c = useCall();
  const run = (p: () => Promise<PlaybookView>) => c.run(p).then((x) => x && setV(x));
  useEffect(() => void run(() => call('playbook', { dealId })), [dealId]);
  const pb = v?.playbook;
  if (!pb) return c.error ? <ErrorBox error={c.error} /> : null;
  return (
    <section class="card" data-section="playbook">
      <h2 class="section-title">
        {tr('pb.title')}: {v.stage}
        {pb.strict ? <span class="count hot">{tr('pb.strict')}</span> : null}
      </h2>
      <p>{linked(pb.todo)}</p>
      {pb.items.map((x) => (
        <label key={x.item} class="card-meta">
          <input
            type="checkbox"
            checked={x.ticked}
            disabled={c.busy}
            onChange={() =>
              void run(() => call('tickItem', { dealId, item: x.item, done: !x.ticked }))
            }
          />{' '}
          {x.item}
        </label>
      ))}
      {pb.unfilled.length ? (
        <p class="card-meta warn-text">
          {tr('pb.need')}: {pb.unfilled.join(', ')}
        </p>
      ) : null}
      {pb.exit ? (
        <p class="card-meta">
          {tr('pb.exit')}: {pb.exit}
        </p>
      ) : null}
      {c.error ? <ErrorBox error={c.error} /> : null}
    </section>
  );
}

function Compliance({ period }: { period: string }) {
  const [rows, setRows] = useState<ComplianceRow[]>([]);
  const [done, setDone] = useState('');
  const c = useCall();
  useEffect(() => void call('compliance', { period }).then(setRows, () => setRows([])), [period]);
  return (
    <section class="card" data-section="compliance">
      <h2 class="section-title">{tr('pb.share')}</h2>
      {rows.map((r) => (
        <div key={r.email} class="card-meta">
          {r.name}: {percent(r.share)} ({r.met}/{r.moves})
        </div>
      ))}
      <button
        type="button"
        class="btn small"
        disabled={c.busy}
        onClick={() =>
          void c.run(() => call('writeInstructions', {})).then((x) => x && setDone(x.message))
        }
      >
        {tr('pb.print')}
      </button>
      {done ? <p class="card-meta">{done}</p> : null}
      {c.error ? <ErrorBox error={c.error} /> : null}
    </section>
  );
}

DEAL_SECTIONS.push({
  key: 'playbook',
  order: 20,
  render: ({ dealId }) => <Playbook dealId={dealId} />,
});
TEAM_SECTIONS.push({
  key: 'playbook',
  order: 45,
  render: ({ boot, period }) =>
    boot.me.role === 'manager' ? null : <Compliance period={period} />,
});
