/**
 * The "who is behind, and why" section of the head's summary: one numbered entry per manager,
 * largest gap first, the reasons on a second line (the same text in the HTML and plain parts).
 */
import { escapeHtml, oneLine } from './escape';
import { formatCount, formatMoney, formatPercent } from './format';
import type { Doc } from './render';
import type { Standing } from './standings';

const MUTED = 'color:#5f6368';

export function standingsSection(doc: Doc, list: readonly Standing[], cap: number): void {
  if (!list.length) return;
  const { lang, currency } = doc.ctx;
  const money = (k: number) => formatMoney(k, currency, lang);
  doc.heading(doc.tr('rem.who.title'));
  const shown = list.slice(0, Math.max(cap, 1) * 4);
  const entries = shown.map((s) => {
    const v = (x: number) => (s.money ? money(x) : formatCount(Math.round(x * 10) / 10, lang));
    const completion = s.completion === null ? '—' : formatPercent(s.completion);
    const head =
      s.plan <= 0
        ? doc.tr('rem.who.noPlan', { name: s.name })
        : s.gap > 0
          ? doc.tr('rem.who.gap', { name: s.name, gap: v(s.gap), completion })
          : doc.tr('rem.who.done', { name: s.name, completion });
    const why: string[] = [];
    if (s.weightedShare !== null) {
      why.push(
        doc.tr('rem.who.weighted', {
          amount: v(s.weightedPipeline),
          share: formatPercent(s.weightedShare),
        }),
      );
    }
    why.push(
      s.late.count
        ? doc.tr('rem.who.late', { n: s.late.count, amount: money(s.late.amount) })
        : doc.tr('rem.who.lateNone'),
    );
    why.push(
      s.callsNorm === null
        ? doc.tr('rem.who.callsNoNorm', { calls: s.calls })
        : doc.tr('rem.who.calls', { calls: s.calls, norm: s.callsNorm }),
    );
    if (s.plan > 0) {
      why.push(
        s.factDelta
          ? doc.tr('rem.who.delta', {
              delta: `${s.factDelta > 0 ? '+' : '−'}${v(Math.abs(s.factDelta))}`,
            })
          : doc.tr('rem.who.noDelta'),
      );
    }
    return { head: oneLine(head), why: why.join(' · ') };
  });
  doc.both(
    `<ol style="margin:0 0 10px;padding-left:22px">` +
      entries
        .map(
          (e) =>
            `<li style="margin:0 0 6px"><b>${escapeHtml(e.head)}</b><br>` +
            `<span style="font-size:13px;${MUTED}">${escapeHtml(e.why)}</span></li>`,
        )
        .join('') +
      `</ol>`,
    entries.map((e, i) => `${i + 1}. ${e.head}\n   ${e.why}\n`).join(''),
  );
}

/** The per-manager lines in the ranking's order (the ones it does not name keep theirs, last). */
export function inRankOrder<T extends { manager: string }>(
  lines: readonly T[],
  list: readonly Standing[],
): T[] {
  const at = new Map(list.map((s, i) => [s.manager, i]));
  return [...lines].sort(
    (a, b) => (at.get(a.manager) ?? list.length) - (at.get(b.manager) ?? list.length),
  );
}

/** "manager: Name" for an item's owner, so nothing in the head's lists is nobody's. */
export function ownerOf(
  doc: Doc,
  lines: ReadonlyArray<{ manager: string; name: string }>,
): (email: string) => string {
  const names = new Map(lines.map((l) => [l.manager, l.name || l.manager]));
  return (email) => (email ? doc.tr('rem.who.owner', { name: names.get(email) ?? email }) : '');
}
