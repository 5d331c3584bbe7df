/**
 * The head's approval queue in Today: deal lines over their seller's discount limit, with the
 * discount, the limit and the head's room; approve or reject records who and when on the server.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DiscountQueueItem } from '../src/shared/contract-money';
import { percent } from './format';
import { tr } from './i18n';
import { call } from './rpc';
import { TODAY_SECTIONS, type TodaySlotProps } from './slots';
import { ErrorBox, useCall } from './ui';

export function DiscountQueue({ refresh }: TodaySlotProps) {
  const [items, setItems] = useState<DiscountQueueItem[]>([]);
  const c = useCall();
  useEffect(() => {
    void c.run(() => call('discountQueue', {})).then((v) => v && setItems(v));
  }, []);
  const decide = async (it: DiscountQueueItem, approve: boolean) => {
    const v = await c.run(() =>
      call('decideDiscount', { dealId: it.dealId, row: it.row, approve }),
    );
    if (v) {
      setItems(v);
      refresh();
    }
  };
  if (!items.length && !c.error) return null;
  return (
    <section class="money-queue">
      <h2 class="section-title">
        {tr('msb.queue')} <span class="chip hot">{items.length}</span>
      </h2>
      {c.error ? <ErrorBox error={c.error} /> : null}
      <ul class="cards">
        {items.map((it) => (
          <li class="card" key={`${it.dealId}-${it.row}`} data-row={it.row}>
            <div class="card-title">
              {it.clientName || it.dealId} · {it.title}
              {it.rejected ? ` · ${tr('msb.rejected')}` : ''}
            </div>
            <div class="card-sub">
              {tr('msb.qLine', {
                product: it.product,
                discount: percent(it.discount),
                limit: percent(it.limit),
                margin: percent(it.margin),
              })}
            </div>
            <div class="form-buttons">
              <button
                type="button"
                class="btn small primary"
                disabled={c.busy}
                onClick={() => void decide(it, true)}
              >
                {tr('msb.approve')}
              </button>
              <button
                type="button"
                class="btn small"
                disabled={c.busy}
                onClick={() => void decide(it, false)}
              >
                {tr('msb.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

TODAY_SECTIONS.push({
  key: 'discounts',
  order: 20,
  render: (p) => (p.boot.me.role === 'head' ? <DiscountQueue {...p} /> : null),
});
