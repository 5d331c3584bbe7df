/**
 * Record ids: a letter, a dash and six digits (C-000123). They are allocated under the document
 * lock from the highest id present in the freshly read sheet, so two executions never hand out the
 * same id, and they survive sorting and moved rows because they are stored in the row.
 */
export type IdPrefix = 'C' | 'D' | 'A' | 'I' | 'T';

export function formatId(prefix: IdPrefix, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** The highest number used by ids with that prefix (0 when none). */
export function maxIdNumber(prefix: IdPrefix, ids: Iterable<unknown>): number {
  const re = new RegExp(`^${prefix}-?(\\d+)$`, 'i');
  let max = 0;
  for (const id of ids) {
    const m = re.exec(String(id ?? '').trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** Hands out consecutive ids after the highest one present. */
export class IdAllocator {
  private next: number;

  constructor(
    readonly prefix: IdPrefix,
    existing: Iterable<unknown>,
  ) {
    this.next = maxIdNumber(prefix, existing) + 1;
  }

  take(): string {
    return formatId(this.prefix, this.next++);
  }
}
