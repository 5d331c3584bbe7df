/**
 * The built plan against the Plans sheet: which rows it adds, changes or leaves as they are, and
 * which of those the head typed by hand (no builder mark in the Source column), which are never
 * overwritten unless the head ticks them. The sheet's fingerprint makes a stale preview refusable.
 */
import type { Plan, PlanLevel, PlanMetric } from '../types';
import type { BuiltRow } from './build';

/** What the builder writes in the Source column; any other text (or none) is a hand-typed row. */
export const BUILDER_MARK = { ru: 'Построитель', en: 'Builder' } as const;

export const isBuilderRow = (source: string | undefined): boolean => {
  const s = (source ?? '').trim().toLowerCase();
  return s === BUILDER_MARK.ru.toLowerCase() || s === BUILDER_MARK.en.toLowerCase();
};

export type DiffKind = 'added' | 'changed' | 'unchanged';

export interface DiffRow extends BuiltRow {
  key: string;
  kind: DiffKind;
  /** The sheet's value, null for an added row. */
  old: number | null;
  /** 1-based sheet row of the existing plan; 0 for an added one. */
  row: number;
  hand: boolean;
}

export const planKey = (level: PlanLevel, target: string, period: string, metric: PlanMetric) =>
  `${level}|${level === 'company' ? '' : target.trim().toLowerCase()}|${period}|${metric}`;

export function diffPlans(built: readonly BuiltRow[], sheet: readonly Plan[]): DiffRow[] {
  const existing = new Map<string, Plan>();
  for (const p of sheet) {
    const k = planKey(p.level, p.target, p.period, p.metric || 'revenue');
    if (!existing.has(k)) existing.set(k, p);
  }
  return built.map((b) => {
    const key = planKey(b.level, b.target, b.period, b.metric);
    const p = existing.get(key);
    if (!p) return { ...b, key, kind: 'added', old: null, row: 0, hand: false };
    return {
      ...b,
      key,
      kind: p.value === b.value ? 'unchanged' : 'changed',
      old: p.value,
      row: p.row,
      hand: !isBuilderRow(p.source),
    };
  });
}

/** Rows to write: the added ones, and the changed ones not typed by hand unless ticked. */
export function rowsToWrite(diff: readonly DiffRow[], ticked: ReadonlySet<string>): DiffRow[] {
  return diff.filter(
    (d) => d.kind === 'added' || (d.kind === 'changed' && (!d.hand || ticked.has(d.key))),
  );
}

/**
 * The plans as the sheet will hold them after the write (for the consistency check and the next
 * fingerprint, without a re-read): written rows carry `mark`, new ones from `firstNewRow` on.
 */
export function plansAfter(
  sheet: readonly Plan[],
  written: readonly DiffRow[],
  mark?: string,
  firstNewRow = 0,
): Plan[] {
  const byRow = new Map(written.filter((w) => w.row > 0).map((w) => [w.row, w]));
  const out = sheet.map((p) => {
    const w = byRow.get(p.row);
    return w ? { ...p, value: w.value, ...(mark === undefined ? {} : { source: mark }) } : p;
  });
  let next = firstNewRow;
  for (const w of written) {
    if (w.row === 0) {
      out.push({
        row: firstNewRow ? next++ : 0,
        level: w.level,
        target: w.target,
        period: w.period,
        metric: w.metric,
        value: w.value,
        ...(mark === undefined ? {} : { source: mark }),
      });
    }
  }
  return out;
}

/** A short fingerprint of what the Plans sheet holds (FNV-1a over its rows). */
export function plansVersion(sheet: readonly Plan[]): string {
  let h = 0x811c9dc5;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const p of sheet)
    feed(`${p.row}|${p.level}|${p.target}|${p.period}|${p.metric}|${p.value}|${p.source ?? ''}\n`);
  return `${sheet.length}-${h.toString(36)}`;
}
