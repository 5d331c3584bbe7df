/**
 * Deal lines: the deal card's Products section, and the same editor in the new-lead form. A line
 * is added from the price list by name or SKU. In the card every change saves the whole list; the
 * server prices it, rewrites the deal's amount and answers with the fresh lines and their state,
 * already in the user's language (the page is size-capped, so it bundles no text of its own for
 * them). In the lead form the lines stay in the form until the lead is saved with them.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DealLinesView } from '../src/shared/contract-money';
import type { Request } from '../src/shared/methods';
import { readLinePrice } from '../src/shared/normalize';
import { money, percent } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { DEAL_SECTIONS, type DealSlotProps } from './slots';
import { ErrorBox, useCall } from './ui';

export type Line = Request<'saveDealLines'>['lines'][number];

/** The list (label, quantity, price, remove) and the add row; `save` gets the whole new list. */
function LinesEditor(p: {
  rows: Line[];
  labels: ComponentChild[];
  products: DealLinesView['products'];
  busy: boolean;
  save: (lines: Line[]) => unknown;
}) {
  const [add, setAdd] = useState('');
  const { rows, save } = p;
  const set = (i: number, k: 'quantity' | 'price', val: string) =>
    save(rows.map((r, j) => (j === i ? { ...r, [k]: k === 'price' ? val : +val } : r)));
  // Not a <form>: the editor also sits inside the lead form, and forms do not nest.
  const submit = () => {
    if (!add.trim()) return;
    void Promise.resolve(save([...rows, { product: add.trim(), quantity: 1, price: '' }])).then(
      () => setAdd(''),
    );
  };
  return (
    <>
      <ul>
        {rows.map((r, i) => (
          <li key={r.row ?? `n${i}`} class="row-edit">
            <span class="cell wide">{p.labels[i]}</span>
            {/* Labels around the fields: each input has one (the panel's accessibility rule). */}
            <label class="cell">
              <input
                type="number"
                value={r.quantity}
                onChange={(e) => set(i, 'quantity', e.currentTarget.value)}
              />
            </label>
            <label class="cell">
              <input
                placeholder={tr('msb.price')}
                value={r.price}
                onChange={(e) => set(i, 'price', e.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              class="btn small"
              onClick={() => save(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="row-edit">
        <label class="cell wide">
          <input
            list="price-list"
            placeholder={tr('msb.find')}
            value={add}
            onInput={(e) => setAdd(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              submit();
            }}
          />
        </label>
        <datalist id="price-list">
          {p.products.map((x) => (
            <option value={x.sku || x.name}>
              {x.name} · {money(x.listPrice, x.currency)}
            </option>
          ))}
        </datalist>
        <button
          type="button"
          class="btn small primary"
          disabled={p.busy || !add.trim()}
          onClick={submit}
        >
          +
        </button>
      </div>
    </>
  );
}

export function DealLines({ dealId, onChanged }: DealSlotProps) {
  const [v, setV] = useState<DealLinesView | null>(null);
  const c = useCall();
  const load = (p: Promise<DealLinesView>) =>
    c.run(() => p).then((x) => x && setV(x) === undefined);
  useEffect(() => void load(call('dealLines', { dealId })), [dealId]);
  const err = c.error ? <ErrorBox error={c.error} /> : null;
  if (!v) return err;
  return (
    <section class="money rows">
      <h2 class="section-title">
        {tr('msb.lines')} · {money(v.amount || 0, v.currency)}
      </h2>
      {err}
      <LinesEditor
        rows={v.lines.map((l) => ({
          row: l.row,
          product: l.product,
          quantity: l.quantity,
          price: String(l.price / 100),
        }))}
        labels={v.lines.map((l) => (
          <>
            {l.product} {l.discount ? `−${percent(l.discount)} ` : ''}
            {l.note && <b>{l.note}</b>}
          </>
        ))}
        products={v.products}
        busy={c.busy}
        save={(lines) =>
          load(call('saveDealLines', { dealId, lines })).then((ok) => ok && onChanged())
        }
      />
    </section>
  );
}

/** The new-lead form's lines: kept by the form and sent with the lead. */
export function LeadLines({ lines, onLines }: { lines: Line[]; onLines: (l: Line[]) => void }) {
  const [products, setProducts] = useState<DealLinesView['products']>([]);
  const c = useCall();
  useEffect(
    () =>
      void c.run(() => call('dealLines', { dealId: '' })).then((v) => v && setProducts(v.products)),
    [],
  );
  const find = (text: string) => {
    const k = text.toLowerCase();
    return products.find((x) => x.sku.toLowerCase() === k || x.name.toLowerCase() === k);
  };
  const name = (text: string) => find(text)?.name ?? text;
  // The amount the lead will get, priced as the server prices it (readLinePrice, then a line's
  // amount as in src/core/money/lines.ts); shown while every line is on the price list in one
  // currency.
  const cur = find(lines[0]?.product ?? '')?.currency;
  let sum: number | null = 0;
  for (const l of lines) {
    const p = find(l.product);
    const read = p && p.currency === cur ? readLinePrice(l.price, p.listPrice) : null;
    if (!p || !read) {
      sum = null;
      break;
    }
    const unit = read.price ?? Math.round(p.listPrice * (1 - (read.discount ?? 0)));
    sum += Math.round(unit * l.quantity);
  }
  return (
    <fieldset class="money rows">
      <legend>
        {tr('msb.lines')}
        {lines.length > 0 && sum !== null ? ` · ≈ ${money(sum, cur ?? '')}` : ''}
      </legend>
      {c.error ? <ErrorBox error={c.error} /> : null}
      <LinesEditor
        rows={lines}
        labels={lines.map((l) => name(l.product))}
        products={products}
        busy={c.busy}
        save={onLines}
      />
    </fieldset>
  );
}

DEAL_SECTIONS.push({ key: 'lines', order: 30, render: (p) => <DealLines {...p} /> });
