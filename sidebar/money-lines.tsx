/**
 * The deal card's products: the deal's lines (quantity, price or "10 %" off, approval state) and
 * a line added from the price list by name or SKU. Every change saves the whole list; the server
 * prices it, rewrites the deal's amount and answers with the fresh lines and their state, already
 * in the user's language (the page is size-capped, so it bundles no text of its own for them).
 */
import { useEffect, useState } from 'preact/hooks';
import type { DealLinesView } from '../src/shared/contract-money';
import type { Request } from '../src/shared/methods';
import { money, percent } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { DEAL_SECTIONS, type DealSlotProps } from './slots';
import { ErrorBox, useCall } from './ui';

type Line = Request<'saveDealLines'>['lines'][number];

export function DealLines({ dealId, onChanged }: DealSlotProps) {
  const [v, setV] = useState<DealLinesView | null>(null);
  const [add, setAdd] = useState('');
  const c = useCall();
  const load = (p: Promise<DealLinesView>) =>
    c.run(() => p).then((x) => x && setV(x) === undefined);
  useEffect(() => void load(call('dealLines', { dealId })), [dealId]);
  const err = c.error ? <ErrorBox error={c.error} /> : null;
  if (!v) return err;
  const rows: Line[] = v.lines.map((l) => ({
    row: l.row,
    product: l.product,
    quantity: l.quantity,
    price: String(l.price / 100),
  }));
  const save = (lines: Line[]) =>
    load(call('saveDealLines', { dealId, lines })).then((ok) => ok && onChanged());
  const set = (i: number, k: 'quantity' | 'price', val: string) =>
    void save(rows.map((r, j) => (j === i ? { ...r, [k]: k === 'price' ? val : +val } : r)));
  return (
    <section class="money rows">
      <h2 class="section-title">
        {tr('msb.lines')} · {money(v.amount || 0, v.currency)}
      </h2>
      {err}
      <ul>
        {v.lines.map((l, i) => (
          <li key={l.row} class="row-edit">
            <span class="cell wide">
              {l.product} {l.discount ? `−${percent(l.discount)} ` : ''}
              {l.note && <b>{l.note}</b>}
            </span>
            <input
              type="number"
              class="cell"
              value={l.quantity}
              onChange={(e) => set(i, 'quantity', e.currentTarget.value)}
            />
            <input
              class="cell"
              value={rows[i].price}
              onChange={(e) => set(i, 'price', e.currentTarget.value)}
            />
            <button class="btn small" onClick={() => void save(rows.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void save([...rows, { product: add, quantity: 1, price: '' }]).then(() => setAdd(''));
        }}
      >
        <input
          list="price-list"
          class="cell wide"
          placeholder={tr('msb.find')}
          value={add}
          onInput={(e) => setAdd(e.currentTarget.value)}
        />
        <datalist id="price-list">
          {v.products.map((p) => (
            <option value={p.sku || p.name}>
              {p.name} · {money(p.listPrice, p.currency)}
            </option>
          ))}
        </datalist>
        <button class="btn small primary" disabled={c.busy || !add.trim()}>
          +
        </button>
      </form>
    </section>
  );
}

DEAL_SECTIONS.push({ key: 'lines', order: 30, render: (p) => <DealLines {...p} /> });
